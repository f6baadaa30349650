// Package web serves the worker's page at "/": a plan builder that runs in
// the browser from files embedded in the binary, and talks to the service's
// JSON API. Plans are never stored on the server.
package web
