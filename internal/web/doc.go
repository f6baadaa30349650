// Package web serves the worker's page at "/": a plan builder that runs in
// the browser from files embedded in the binary (static/), and talks to the
// service's JSON API. The draft lives in the browser's localStorage (kept
// on pagehide too), and "Save plan file" downloads the JSON. When the
// service has a store (GET /v1/service says so), the page also shows the
// caseload, saves versions (and handles a save over someone else's),
// shares copies by link and code, and shows versions, shares, the audit
// trail and delete (static/js/stored.js); without one it says, once, that
// saving and sharing need the service to keep plans.
//
// The page is plain HTML, CSS and JavaScript modules with no build step and
// nothing loaded from elsewhere: it works under the strict
// Content-Security-Policy set in internal/httpapi (no inline scripts or
// styles). Fonts come from assets/fonts, embedded in the binary.
//
// The end-to-end tests drive a real headless Chromium against the whole
// service (journey_test.go: with a store, across two replicas) and check
// accessibility with axe-core from npm (testdata/axe, installed by
// .ci/run); they skip with a loud reason when Chromium or axe-core is
// missing, and fail in CI (CI=true).
package web
