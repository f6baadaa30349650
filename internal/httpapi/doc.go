// Package httpapi is the HTTP service: Gin routes, request limits, request
// ids and JSON logs that never carry plan content, and one mapping from
// errors to status codes with application/problem+json bodies (RFC 9457).
// Every document is rendered into memory first, so a failure never leaves a
// half-written 200. It is the only package that imports Gin.
package httpapi
