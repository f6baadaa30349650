package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/pdf"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/render"
)

// sendPDF answers a rendered document, with a file name built from the case
// reference, the document and the plan date (a meeting's form: its
// meeting's date, as in the zip).
func sendPDF(c *gin.Context, in *render.Input, doc string, b []byte) {
	date := in.Plan.Date()
	if doc == "meeting-outcome" {
		date = render.FormDate(in.Plan, c.Query("meeting"))
	}
	name := fmt.Sprintf("%s_%s_%s.pdf", render.FileBase(in.Plan.Case.Reference), doc, date)
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, "application/pdf", b)
}

// adultQuery reads the adult plan's ?audience=, ?for= and ?lang=.
func adultQuery(c *gin.Context) (render.AdultOptions, error) {
	aud, err := render.ParseAudience(c.Query("audience"))
	if err != nil || aud == render.Child {
		return render.AdultOptions{}, inputError(plan.Problems{{Path: "audience", Code: plan.CodeEnum, Message: fmt.Sprintf("audience %q is not one of: worker, network", short(c.Query("audience")))}})
	}
	lang, err := langQuery(c)
	if err != nil {
		return render.AdultOptions{}, err
	}
	return render.AdultOptions{Audience: aud, For: c.Query("for"), Language: lang}, nil
}

// langQuery reads ?lang=, a document's language.
func langQuery(c *gin.Context) (string, error) {
	lang := c.Query("lang")
	if !languageTag(lang) {
		return "", inputError(plan.Problems{{Path: "lang", Code: plan.CodeType, Message: fmt.Sprintf("lang %q is not a language tag: use one such as ur, bn, cy or en-GB", short(lang))}})
	}
	return lang, nil
}

// languageTag reports whether s is empty or looks like a BCP 47 tag:
// letters and digits in groups of one to eight, joined by hyphens.
func languageTag(s string) bool {
	if s == "" {
		return true
	}
	if len(s) > 35 {
		return false
	}
	for _, part := range strings.Split(s, "-") {
		if part == "" || len(part) > 8 {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

// wordsQuery reads Words and Pictures' ?part=, ?contacts= and ?photos=.
func wordsQuery(c *gin.Context) (render.WordsOptions, error) {
	part, err := render.ParsePart(c.Query("part"))
	if err != nil {
		return render.WordsOptions{}, err
	}
	none, err := render.ParseContacts(c.Query("contacts"))
	if err != nil {
		return render.WordsOptions{}, err
	}
	rounded, err := render.ParseShape(c.Query("photos"))
	if err != nil {
		return render.WordsOptions{}, err
	}
	return render.WordsOptions{Part: part, NoContacts: none, Rounded: rounded}, nil
}

func (s *Server) adultPlan(c *gin.Context) {
	// The work runs on the pool: it must not touch c, which gin reuses
	// once the handler returns (as it does when the deadline passes).
	ao, err := adultQuery(c)
	if err != nil {
		abort(c, err)
		return
	}
	opt := s.renderOptions()
	in, b, err := s.build(c, "adult-plan", func(in *render.Input) ([]byte, error) {
		return render.AdultPlan(in, opt, ao)
	})
	if err != nil {
		abort(c, err)
		return
	}
	doc := "safety-plan"
	if ao.For != "" {
		doc += "_for-" + render.FileBase(ao.For)
	} else if ao.Audience == render.Network {
		doc += "_network"
	}
	sendPDF(c, in, doc, b)
}

func (s *Server) outcomeForm(c *gin.Context) {
	meeting, opt := c.Query("meeting"), s.renderOptions()
	lang, err := langQuery(c)
	if err != nil {
		abort(c, err)
		return
	}
	in, b, err := s.build(c, "meeting-outcome", func(in *render.Input) ([]byte, error) {
		return render.OutcomeFormIn(in, opt, meeting, lang)
	})
	if err != nil {
		abort(c, err)
		return
	}
	sendPDF(c, in, "meeting-outcome", b)
}

func (s *Server) wordsAndPictures(c *gin.Context) {
	wo, err := wordsQuery(c)
	if err != nil {
		abort(c, err)
		return
	}
	opt := s.renderOptions()
	in, b, err := s.build(c, "words-and-pictures", func(in *render.Input) ([]byte, error) {
		return render.WordsAndPictures(in, opt, wo)
	})
	if err != nil {
		abort(c, err)
		return
	}
	doc := "words-and-pictures"
	if wo.Part != render.PartBoth {
		doc += "_" + string(wo.Part)
	}
	if wo.NoContacts {
		doc += "_no-contacts"
	}
	sendPDF(c, in, doc, b)
}

// documents answers a zip of every document for the plan, with a
// manifest.json listing them.
func (s *Server) documents(c *gin.Context) {
	opt := s.renderOptions()
	in, b, err := s.build(c, "all", func(in *render.Input) ([]byte, error) {
		files, err := render.All(in, opt)
		if err != nil {
			return nil, err
		}
		return render.Zip(in, files)
	})
	if err != nil {
		abort(c, err)
		return
	}
	name := fmt.Sprintf("%s_documents_%s.zip", render.FileBase(in.Plan.Case.Reference), in.Plan.Date())
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, "application/zip", b)
}

func (s *Server) extract(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBody)
	var data []byte
	var err error
	if ct := c.GetHeader("Content-Type"); strings.HasPrefix(ct, "multipart/form-data") {
		fh, ferr := c.FormFile("file")
		if ferr != nil {
			abort(c, partProblem("file", "send the PDF as a part called \"file\" (curl -F file=@plan.pdf)"))
			return
		}
		f, ferr := fh.Open()
		if ferr != nil {
			abort(c, readError(ferr, s.cfg.MaxBody))
			return
		}
		data, err = readAll(f, fh.Size)
		f.Close()
	} else {
		data, err = readAll(c.Request.Body, c.Request.ContentLength)
	}
	if err != nil {
		abort(c, readError(err, s.cfg.MaxBody))
		return
	}
	// Unpacking is CPU and memory work like rendering: on the pool, within
	// the render deadline, and bounded by pdf's limits on what it inflates.
	var planJSON []byte
	var uploads map[string][]byte
	err = s.pool.run(c.Request.Context(), func() error {
		var err error
		planJSON, uploads, err = render.Extract(data)
		return err
	})
	switch {
	case errors.Is(err, pdf.ErrTooLarge):
		abort(c, errStatus(http.StatusRequestEntityTooLarge, "too-large", "The PDF holds too much",
			"the files inside this PDF are over the limits (at most %d files, %d MB each and %d MB together): a worker's copy made by this service is far smaller; use the original file from the case record",
			pdf.MaxAttachments, pdf.MaxAttachmentBytes>>20, pdf.MaxAttachedBytes>>20))
		return
	case isHTTPError(err):
		abort(c, err)
		return
	case err != nil:
		abort(c, inputError(plan.Problems{{Path: "file", Code: "not_a_plan_pdf", Message: err.Error()}}))
		return
	}
	// Uploads come back base64-encoded by name, ready to send with the plan.
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"plan": jsonRaw(planJSON), "uploads": uploads})
}

type jsonRaw []byte

// MarshalJSON writes the plan as it was sent.
func (j jsonRaw) MarshalJSON() ([]byte, error) { return j, nil }
