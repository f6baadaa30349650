// Package render is the entry point shared by the server and the command
// line: Load turns plan bytes and uploads into a checked Input, and one
// function per document turns an Input into a PDF.
package render
