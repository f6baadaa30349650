// Package httpapi is the HTTP service: Gin routes, request limits, request
// ids and JSON logs that never carry plan content, and one mapping from
// errors to status codes with application/problem+json bodies (RFC 9457).
// Every document is rendered into memory first, so a failure never leaves a
// half-written 200. It is the only package that imports Gin.
//
// A recovered panic and every 500 are logged with the
// request id, the route and (for a panic) the stack, never the panic's value
// or plan content. Saves, shares and stored documents run under the
// request's deadline. Nothing a person does depends on which replica
// answers: share sessions are signed with the store's keyring and code
// attempts are counted in the store (per share, and per client address).
//
// Limits: a body declared over Config.MaxBody is refused (413) from its
// headers; the bodies held at once are bounded by Config.BodyBudget (429
// with Retry-After); checking, rendering and extracting run on a fixed pool
// of workers within a deadline. Ids are checked by shape and versions by
// range before any database sees them. A request whose client went away is
// recorded as 499, never as the service's own 500.
//
// Links the service makes start with Config.PublicURL, never with what the
// request names; without one they are made only for a loopback address.
// Reads and renders of a stored plan are written to the audit log before
// anything is sent.
package httpapi
