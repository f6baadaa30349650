package illustration

import (
	"bytes"
	"encoding/json"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func newTestHandler(t *testing.T) *Handler {
	t.Helper()
	return NewHandler(mustLoad(t), 0)
}

func get(h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	return do(h, http.MethodGet, target, header...)
}

func do(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerCatalogue(t *testing.T) {
	h := newTestHandler(t)
	for _, path := range []string{PathPrefix, PathPrefix + "/"} {
		t.Run(path, func(t *testing.T) {
			rec := get(h, path)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json" {
				t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			var items []CatalogueItem
			if err := json.Unmarshal(rec.Body.Bytes(), &items); err != nil {
				t.Fatal(err)
			}
			cat := mustLoad(t).Catalogue()
			if len(items) != len(cat) {
				t.Fatalf("%d items, catalogue has %d", len(items), len(cat))
			}
			for i, it := range items {
				e := cat[i]
				if it.Name != e.Name || it.Description != e.Description || strings.Join(it.Tags, ",") != strings.Join(e.Tags, ",") {
					t.Errorf("item %d = %+v, want %+v", i, it, e)
				}
				if it.PNGURL != PathPrefix+"/"+e.Name+".png" || it.SVGURL != PathPrefix+"/"+e.Name+".svg" {
					t.Errorf("item %s has URLs %q %q", e.Name, it.PNGURL, it.SVGURL)
				}
			}
		})
	}
}

func TestHandlerServesEveryPicture(t *testing.T) {
	h := newTestHandler(t)
	rec := get(h, PathPrefix)
	var items []CatalogueItem
	if err := json.Unmarshal(rec.Body.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		t.Run(it.Name, func(t *testing.T) {
			rec := get(h, it.PNGURL+"?size=32")
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" {
				t.Fatalf("PNG: status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			rec = get(h, it.SVGURL)
			src, _ := mustLoad(t).Source(it.Name)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/svg+xml" || !bytes.Equal(rec.Body.Bytes(), src) {
				t.Fatalf("SVG: status %d, type %q, %d bytes", rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
			}
		})
	}
}

func TestHandlerPNG(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name   string
		target string
		status int
		size   int
	}{
		{"default size", "/v1/illustrations/house.png", 200, DefaultSize},
		{"chosen size", "/v1/illustrations/house.png?size=100", 200, 100},
		{"smallest", "/v1/illustrations/house.png?size=16", 200, 16},
		{"largest", "/v1/illustrations/house.png?size=1024", 200, 1024},
		{"too small", "/v1/illustrations/house.png?size=15", 400, 0},
		{"too large", "/v1/illustrations/house.png?size=1025", 400, 0},
		{"not a number", "/v1/illustrations/house.png?size=big", 400, 0},
		{"empty", "/v1/illustrations/house.png?size=", 400, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(h, tc.target)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if tc.status != 200 {
				if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("error type %q", ct)
				}
				var p Problem
				if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != tc.status || p.Title != "Bad size" {
					t.Errorf("problem %+v (%v)", p, err)
				}
				return
			}
			img, err := png.Decode(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tc.size || b.Dy() != tc.size {
				t.Errorf("image %v, want %d square", b, tc.size)
			}
			if cc := rec.Header().Get("Cache-Control"); cc != "public, max-age=86400" {
				t.Errorf("Cache-Control %q", cc)
			}
			if et := rec.Header().Get("ETag"); len(et) < 10 || et[0] != '"' {
				t.Errorf("ETag %q", et)
			}
		})
	}
}

func TestHandlerETags(t *testing.T) {
	h := newTestHandler(t)
	first := get(h, "/v1/illustrations/clock.png?size=64")
	tag := first.Header().Get("ETag")
	other := get(h, "/v1/illustrations/clock.png?size=65").Header().Get("ETag")
	if tag == "" || tag == other {
		t.Fatalf("ETags %q and %q should differ by size", tag, other)
	}
	if get(h, "/v1/illustrations/car.png?size=64").Header().Get("ETag") == tag {
		t.Fatal("ETag should differ by name")
	}
	svgTag := get(h, "/v1/illustrations/clock.svg").Header().Get("ETag")
	tests := []struct {
		name   string
		target string
		inm    string
		status int
	}{
		{"matching", "/v1/illustrations/clock.png?size=64", tag, 304},
		{"weak form", "/v1/illustrations/clock.png?size=64", "W/" + tag, 304},
		{"in a list", "/v1/illustrations/clock.png?size=64", `"abc", ` + tag, 304},
		{"star", "/v1/illustrations/clock.png?size=64", "*", 304},
		{"other size", "/v1/illustrations/clock.png?size=65", tag, 200},
		{"stale", "/v1/illustrations/clock.png?size=64", `"old"`, 200},
		{"svg", "/v1/illustrations/clock.svg", svgTag, 304},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(h, tc.target, "If-None-Match", tc.inm)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if tc.status == 304 && rec.Body.Len() != 0 {
				t.Errorf("304 with a %d-byte body", rec.Body.Len())
			}
			if rec.Header().Get("ETag") == "" || rec.Header().Get("Cache-Control") == "" {
				t.Error("missing ETag or Cache-Control")
			}
		})
	}
}

func TestHandlerUnknown(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name   string
		target string
		first  string
	}{
		{"misspelt png", "/v1/illustrations/grandmar.png", "grandma"},
		{"misspelt svg", "/v1/illustrations/techer.svg", "teacher"},
		{"synonym", "/v1/illustrations/nana.png", "grandma"},
		{"upper case", "/v1/illustrations/House.png", "house"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(h, tc.target)
			if rec.Code != 404 || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			var p map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
				t.Fatal(err)
			}
			if p["type"] != "about:blank" || p["title"] != "Unknown illustration" || p["status"] != 404.0 {
				t.Errorf("problem %v", p)
			}
			sugg, _ := p["suggestions"].([]any)
			if len(sugg) == 0 || sugg[0] != tc.first {
				t.Errorf("suggestions %v, want %q first", p["suggestions"], tc.first)
			}
			if d, _ := p["detail"].(string); !strings.Contains(d, "nearest: "+tc.first) || !strings.HasPrefix(d, "no picture called ") {
				t.Errorf("detail %q", d)
			}
		})
	}
	// Even with nothing near, suggestions is an empty list, not missing.
	rec := get(h, "/v1/illustrations/qqqqqqqqqqqqqqqq.png")
	if !strings.Contains(rec.Body.String(), `"suggestions":[]`) {
		t.Errorf("body %s should have an empty suggestions list", rec.Body)
	}
}

func TestHandlerOtherRequests(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name   string
		method string
		target string
		status int
	}{
		{"post", http.MethodPost, "/v1/illustrations", 405},
		{"delete", http.MethodDelete, "/v1/illustrations/house.png", 405},
		{"head", http.MethodHead, "/v1/illustrations/house.png", 200},
		{"wrong extension", http.MethodGet, "/v1/illustrations/house.jpg", 404},
		{"outside the prefix", http.MethodGet, "/v2/illustrations", 404},
		{"nested path", http.MethodGet, "/v1/illustrations/a/house.png", 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(h, tc.method, tc.target)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if tc.status == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow %q", rec.Header().Get("Allow"))
			}
			if tc.method == http.MethodHead && (rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "") {
				t.Errorf("HEAD: %d-byte body, Content-Length %q", rec.Body.Len(), rec.Header().Get("Content-Length"))
			}
		})
	}
}

func TestHandlerCachesPNGs(t *testing.T) {
	h := NewHandler(mustLoad(t), 1<<20)
	a := get(h, "/v1/illustrations/bus.png?size=128").Body.Bytes()
	b := get(h, "/v1/illustrations/bus.png?size=128").Body.Bytes()
	if !bytes.Equal(a, b) {
		t.Fatal("the same request gave different bytes")
	}
	if n, size := h.cache.stats(); n != 1 || size != len(a) {
		t.Errorf("cache holds %d entries, %d bytes; want 1, %d", n, size, len(a))
	}
}

func TestPNGCacheEvicts(t *testing.T) {
	c := newPNGCache(10)
	c.put("a", make([]byte, 4))
	c.put("b", make([]byte, 4))
	if _, ok := c.get("a"); !ok { // a is now the most recently used
		t.Fatal("a missing")
	}
	c.put("c", make([]byte, 4)) // evicts b, the least recently used
	tests := []struct {
		key  string
		want bool
	}{{"a", true}, {"b", false}, {"c", true}}
	for _, tc := range tests {
		if _, ok := c.get(tc.key); ok != tc.want {
			t.Errorf("%s cached = %v, want %v", tc.key, ok, tc.want)
		}
	}
	c.put("huge", make([]byte, 11)) // larger than the whole cache: ignored
	if _, ok := c.get("huge"); ok {
		t.Error("an entry larger than the cache was kept")
	}
	c.put("a", make([]byte, 6)) // replacing an entry updates the byte count
	if n, size := c.stats(); n != 2 || size != 10 {
		t.Errorf("cache holds %d entries, %d bytes; want 2, 10", n, size)
	}
}
