package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/assets/fonts"
)

//go:embed static
var static embed.FS

// fontNames are the fonts the page may load from /fonts/: Noto Sans for the
// worker's page and Andika, the literacy font, for the child's view. Both
// are under the SIL Open Font License; the licences are served beside them.
var fontNames = []string{
	"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "Andika-Regular.ttf", "Andika-Bold.ttf",
	"LICENSE-NotoSans.txt", "LICENSE-Andika.txt",
}

// file is one embedded file, ready to serve.
type file struct {
	data  []byte
	ctype string
	etag  string
}

func newFile(name string, data []byte) file {
	sum := sha256.Sum256(data)
	ct := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) { // not left to the system's mime table
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".css":
		ct = "text/css; charset=utf-8"
	case ".html":
		ct = "text/html; charset=utf-8"
	case ".ttf":
		ct = "font/ttf"
	case ".txt":
		ct = "text/plain; charset=utf-8"
	case ".svg":
		ct = "image/svg+xml"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	return file{data: data, ctype: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
}

func (f file) serve(c *gin.Context, cacheControl string) {
	c.Header("ETag", f.etag)
	c.Header("Cache-Control", cacheControl)
	if match := c.GetHeader("If-None-Match"); match != "" && strings.Contains(match, f.etag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, f.ctype, f.data)
}

// Register adds the page and its static files to r:
//
//	GET /               the worker's page (static/index.html)
//	GET /static/...     its scripts, styles and images
//	GET /fonts/NAME     Noto Sans and Andika (and their licences), from the binary
//
// The page and its files are revalidated on every use (ETag), so a new
// release is picked up at once; fonts are cached for a day.
func Register(r gin.IRoutes) {
	files := map[string]file{}
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		files[strings.TrimPrefix(p, "static/")] = newFile(p, b)
		return nil
	})
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	fontFiles := map[string]file{}
	for _, name := range fontNames {
		b, err := fonts.FS.ReadFile(name)
		if err != nil {
			panic(err) // embedded at build time: cannot fail
		}
		fontFiles[name] = newFile(name, b)
	}
	index := files["index.html"]
	page := func(c *gin.Context) { index.serve(c, "no-cache") }
	r.GET("/", page)
	r.HEAD("/", page)
	r.GET("/static/*file", func(c *gin.Context) {
		f, ok := files[strings.TrimPrefix(c.Param("file"), "/")]
		if !ok {
			notFound(c)
			return
		}
		f.serve(c, "no-cache")
	})
	r.GET("/fonts/:file", func(c *gin.Context) {
		f, ok := fontFiles[c.Param("file")]
		if !ok {
			notFound(c)
			return
		}
		f.serve(c, "public, max-age=86400")
	})
}

func notFound(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusNotFound, "application/problem+json",
		[]byte(`{"type":"about:blank","title":"Not found","status":404,"detail":"there is no such file in the page's static files"}`))
}
