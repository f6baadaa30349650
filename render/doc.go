// Package render is the entry point shared by the server and the command
// line: Load turns plan bytes and uploads into a checked Input, and one
// function per document turns an Input into a PDF.
//
// Who sees what is decided in one place, view (view.go): each copy is
// composed from the plan as its reader may see it (the worker, the network,
// a person's own copy, the child), never from the whole plan, and a hidden
// number is recognised in free text in every written form (PhonePattern).
package render
