// Package web serves the worker's page at "/": a plan builder that runs in
// the browser from files embedded in the binary (static/), and talks to the
// service's JSON API. Plans are never stored on the server: the draft lives
// in the browser's localStorage, and "Save plan file" downloads the JSON.
//
// The page is plain HTML, CSS and JavaScript modules with no build step and
// nothing loaded from elsewhere: it works under the strict
// Content-Security-Policy set in internal/httpapi (no inline scripts or
// styles). Fonts come from assets/fonts, embedded in the binary.
//
// The end-to-end tests (e2e_test.go) drive a real headless Chromium against
// the whole service; they skip with a loud reason when no Chromium is
// installed, and fail in CI (CI=true).
package web
