package main

import (
	"bytes"
	"net/http"
	"testing"
	"time"
)

// The public URL reaches the service: with https, every response tells
// browsers to use HTTPS only.
func TestServePublicURL(t *testing.T) {
	var logs bytes.Buffer
	p := NewProgram(ServeConfig{Addr: "127.0.0.1:0", DrainTimeout: 5 * time.Second, PublicURL: "https://plans.example.gov.uk"}, &logs)
	if err := p.Run(); err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	res, err := http.Get("http://" + p.Addr() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Strict-Transport-Security"); got != "max-age=31536000" {
		t.Errorf("Strict-Transport-Security %q; want max-age=31536000", got)
	}
}
