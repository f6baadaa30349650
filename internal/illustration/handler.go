package illustration

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// PathPrefix is the URL path the Handler serves; mount it there.
const PathPrefix = "/v1/illustrations"

// DefaultCacheBytes is the PNG cache size NewHandler uses when given 0.
const DefaultCacheBytes = 16 << 20

// rendererVersion is mixed into PNG ETags: bump it when the rasterizer's
// output changes so that clients fetch the new pictures.
const rendererVersion = "1"

// cacheControl is sent with every picture: the library only changes with a
// new release.
const cacheControl = "public, max-age=86400"

// Handler serves the library over HTTP using only net/http:
//
//	GET /v1/illustrations            the catalogue as JSON
//	GET /v1/illustrations/NAME.png   the picture as PNG (?size=16..1024, default 256)
//	GET /v1/illustrations/NAME.svg   the SVG source
//
// Pictures carry an ETag and Cache-Control, and If-None-Match is answered
// with 304 Not Modified. Errors are RFC 9457 problem details
// (application/problem+json); an unknown name is a 404 whose
// "suggestions" lists the nearest names. HEAD works like GET. PNGs are
// rendered on first request and kept in a size-bounded LRU cache.
type Handler struct {
	lib   *Library
	cache *pngCache
}

// NewHandler returns a Handler for lib (which must not be nil) that caches
// up to cacheBytes of rendered PNGs (DefaultCacheBytes if cacheBytes <= 0).
// Get lib from Load at start-up, and stop if it fails to load.
func NewHandler(lib *Library, cacheBytes int) *Handler {
	if cacheBytes <= 0 {
		cacheBytes = DefaultCacheBytes
	}
	return &Handler{lib: lib, cache: newPNGCache(cacheBytes)}
}

// CatalogueItem is one element of the JSON catalogue the Handler serves.
type CatalogueItem struct {
	// Name, Description and Tags are as in the catalogue's Entry.
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Tags        []string `json:"tags"`
	// PNGURL is the picture's PNG (add ?size=N for another size).
	PNGURL string `json:"png_url"`
	// SVGURL is the picture's SVG source.
	SVGURL string `json:"svg_url"`
}

// Problem is an RFC 9457 problem details body, as the Handler sends it.
type Problem struct {
	// Type is always "about:blank": the status says it all.
	Type string `json:"type"`
	// Title is a short, fixed summary, e.g. "Unknown illustration".
	Title string `json:"title"`
	// Status repeats the HTTP status code.
	Status int `json:"status"`
	// Detail explains this occurrence in plain English.
	Detail string `json:"detail,omitempty"`
	// Suggestions lists the nearest picture names for an unknown name
	// (possibly empty); it is absent from other problems.
	Suggestions []string `json:"suggestions,omitzero"`
}

// ServeHTTP routes the request as described on Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeProblem(w, Problem{Title: "Method not allowed", Status: http.StatusMethodNotAllowed,
			Detail: fmt.Sprintf("%s is not supported here; use GET or HEAD", r.Method)})
		return
	}
	p := r.URL.Path
	if p == PathPrefix || p == PathPrefix+"/" {
		h.serveCatalogue(w, r)
		return
	}
	rest, ok := strings.CutPrefix(p, PathPrefix+"/")
	if !ok {
		writeProblem(w, Problem{Title: "Not found", Status: http.StatusNotFound,
			Detail: fmt.Sprintf("nothing is served at %q", p)})
		return
	}
	switch {
	case strings.HasSuffix(rest, ".png"):
		h.servePNG(w, r, strings.TrimSuffix(rest, ".png"))
	case strings.HasSuffix(rest, ".svg"):
		h.serveSVG(w, r, strings.TrimSuffix(rest, ".svg"))
	default:
		writeProblem(w, Problem{Title: "Not found", Status: http.StatusNotFound,
			Detail: fmt.Sprintf("ask for %s/NAME.png or %s/NAME.svg", PathPrefix, PathPrefix)})
	}
}

func (h *Handler) serveCatalogue(w http.ResponseWriter, r *http.Request) {
	entries := h.lib.Catalogue()
	items := make([]CatalogueItem, len(entries))
	for i, e := range entries {
		items[i] = CatalogueItem{
			Name: e.Name, Description: e.Description, Tags: e.Tags,
			PNGURL: PathPrefix + "/" + e.Name + ".png",
			SVGURL: PathPrefix + "/" + e.Name + ".svg",
		}
	}
	body, err := json.Marshal(items)
	if err != nil {
		writeProblem(w, Problem{Title: "Internal error", Status: http.StatusInternalServerError, Detail: err.Error()})
		return
	}
	serveBytes(w, r, "application/json", etag(body), body)
}

// unknown answers 404 for a name not in the library, with suggestions.
func (h *Handler) unknown(w http.ResponseWriter, name string) {
	sugg := h.lib.Nearest(name, 3)
	detail := fmt.Sprintf("no picture called %q", name)
	if len(sugg) > 0 {
		detail += "; nearest: " + strings.Join(sugg, ", ")
	}
	writeProblem(w, Problem{Title: "Unknown illustration", Status: http.StatusNotFound,
		Detail: detail, Suggestions: append([]string{}, sugg...)})
}

func (h *Handler) servePNG(w http.ResponseWriter, r *http.Request, name string) {
	pic, ok := h.lib.Lookup(name)
	if !ok {
		h.unknown(w, name)
		return
	}
	size := DefaultSize
	if s := r.URL.Query().Get("size"); s != "" || r.URL.Query().Has("size") {
		n, err := strconv.Atoi(s)
		if err != nil || n < MinSize || n > MaxSize {
			writeProblem(w, Problem{Title: "Bad size", Status: http.StatusBadRequest,
				Detail: fmt.Sprintf("size %q must be a whole number of pixels from %d to %d", s, MinSize, MaxSize)})
			return
		}
		size = n
	}
	src, _ := h.lib.Source(name)
	tag := etag([]byte(rendererVersion), []byte(name), []byte(strconv.Itoa(size)), src)
	if notModified(w, r, tag) {
		return
	}
	key := name + "@" + strconv.Itoa(size)
	data, ok := h.cache.get(key)
	if !ok {
		var err error
		if data, err = pic.PNG(size); err != nil {
			writeProblem(w, Problem{Title: "Internal error", Status: http.StatusInternalServerError, Detail: err.Error()})
			return
		}
		h.cache.put(key, data)
	}
	serveBytes(w, r, "image/png", tag, data)
}

func (h *Handler) serveSVG(w http.ResponseWriter, r *http.Request, name string) {
	src, ok := h.lib.Source(name)
	if !ok {
		h.unknown(w, name)
		return
	}
	// A served SVG must never run anything, even if someone adds script.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	serveBytes(w, r, "image/svg+xml", etag(src), src)
}

// serveBytes answers with body, or 304 if the client already has tag.
func serveBytes(w http.ResponseWriter, r *http.Request, contentType, tag string, body []byte) {
	if notModified(w, r, tag) {
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", contentType)
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	hd.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// notModified sets the caching headers and, if the request's If-None-Match
// names tag, answers 304 and reports true.
func notModified(w http.ResponseWriter, r *http.Request, tag string) bool {
	w.Header().Set("ETag", tag)
	w.Header().Set("Cache-Control", cacheControl)
	inm := r.Header.Get("If-None-Match")
	if inm == "" {
		return false
	}
	for _, t := range strings.Split(inm, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == tag || t == "*" {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
	}
	return false
}

// etag hashes parts (each length-prefixed) into a strong entity tag.
func etag(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return `"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`
}

func writeProblem(w http.ResponseWriter, p Problem) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	body, _ := json.Marshal(p)
	hd := w.Header()
	hd.Del("ETag")
	hd.Del("Cache-Control")
	hd.Set("Content-Type", "application/problem+json")
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	hd.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(p.Status)
	_, _ = w.Write(body)
}
