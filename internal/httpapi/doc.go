// Package httpapi is the HTTP service: Gin routes, request limits, request
// ids and JSON logs that never carry plan content, and one mapping from
// errors to status codes with application/problem+json bodies (RFC 9457).
// Every document is rendered into memory first, so a failure never leaves a
// half-written 200. A recovered panic and every 500 are logged with the
// request id, the route and (for a panic) the stack, never the panic's value
// or plan content. Saves, shares and stored documents run under the
// request's deadline. Nothing a person does depends on which replica
// answers: share sessions are signed with the store's keyring and code
// attempts are counted in the store (per share, and per client address).
// It is the only package that imports Gin.
package httpapi
