package httpapi

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// body is a request's plan and uploads, read into memory within the limit.
type body struct {
	plan    []byte
	uploads map[string][]byte
}

// readBody reads a plan sent as application/json, or as multipart/form-data
// with a "plan" part and one part per upload named by its file name.
func readBody(c *gin.Context, limit int64) (*body, error) {
	ct := c.GetHeader("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil {
		mt = ""
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	switch mt {
	case "application/json":
		b, err := readAll(c.Request.Body, c.Request.ContentLength)
		if err != nil {
			return nil, readError(err, limit)
		}
		return &body{plan: b, uploads: map[string][]byte{}}, nil
	case "multipart/form-data":
		if params["boundary"] == "" {
			return nil, errStatus(http.StatusBadRequest, "bad-multipart", "Broken upload", "the multipart body has no boundary: let your HTTP client set the Content-Type header for multipart itself")
		}
		return readMultipart(multipart.NewReader(c.Request.Body, params["boundary"]), limit)
	}
	return nil, errStatus(http.StatusUnsupportedMediaType, "unsupported-media-type", "Send the plan as JSON or multipart",
		"Content-Type %q is not accepted: send the plan as application/json, or as multipart/form-data with a part called \"plan\" and one part per uploaded picture", short(ct))
}

func readMultipart(mr *multipart.Reader, limit int64) (*body, error) {
	b := &body{uploads: map[string][]byte{}}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readError(err, limit)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, readError(err, limit)
		}
		name, file := part.FormName(), part.FileName()
		switch {
		case name == "plan":
			if b.plan != nil {
				return nil, partProblem("plan", "the plan was sent twice: send one part called \"plan\"")
			}
			b.plan = data
		case file != "":
			file = path.Base(strings.ReplaceAll(file, `\`, "/"))
			if _, dup := b.uploads[file]; dup {
				return nil, partProblem("uploads."+file, fmt.Sprintf("two files called %q were sent: give each upload its own file name", file))
			}
			b.uploads[file] = data
		default:
			return nil, partProblem(name, fmt.Sprintf("the form field %q is not used: send the plan as \"plan\" and each picture as a file", short(name)))
		}
	}
	if b.plan == nil {
		return nil, partProblem("plan", "no part called \"plan\" was sent: add the plan JSON as a part named plan (curl -F plan=@plan.json)")
	}
	return b, nil
}

func partProblem(p, msg string) error {
	return inputError(plan.Problems{{Path: p, Code: "multipart", Message: msg}})
}

func readError(err error, limit int64) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return tooLarge(limit)
	case errors.Is(err, errBodiesFull):
		return errBodiesBusy
	}
	return errStatus(http.StatusBadRequest, "bad-body", "The request could not be read", "the request body could not be read: %s", short(err.Error()))
}

func tooLarge(limit int64) error {
	return errStatus(http.StatusRequestEntityTooLarge, "too-large", "The request is too large",
		"the request is over the %d MB limit: make photos smaller (a phone's 'medium' size is plenty) or send fewer at once", limit/1_000_000)
}

func short(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
