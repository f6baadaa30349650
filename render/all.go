package render

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// File is one rendered document and its file name.
type File struct {
	// Name is the file name: case reference, document, date.
	Name string `json:"file"`
	// Document is "adult-plan", "words-and-pictures", "meeting-outcome" or
	// "no-meeting-rationale".
	Document string `json:"document"`
	// Audience is who the copy is for: worker or child.
	Audience Audience `json:"audience"`
	// Meeting is the meeting an outcome form records.
	Meeting string `json:"meeting,omitempty"`
	// Data is the PDF.
	Data []byte `json:"-"`
}

// All renders every document for the plan: the worker's adult plan, the
// child's Words and Pictures (both parts, shared contacts only), and one
// outcome form per meeting (or the rationale record when none was held).
func All(in *Input, opt Options) ([]File, error) {
	p := in.Plan
	base := FileBase(p.Case.Reference)
	date := p.Date().String()
	var out []File
	adult, err := AdultPlan(in, opt, AdultOptions{Audience: Worker})
	if err != nil {
		return nil, err
	}
	out = append(out, File{Name: fmt.Sprintf("%s_safety-plan_%s.pdf", base, date), Document: "adult-plan", Audience: Worker, Data: adult})
	wp, err := WordsAndPictures(in, opt, WordsOptions{})
	if err != nil {
		return nil, err
	}
	out = append(out, File{Name: fmt.Sprintf("%s_words-and-pictures_%s.pdf", base, date), Document: "words-and-pictures", Audience: Child, Data: wp})
	if len(p.Meetings) == 0 {
		b, err := OutcomeForm(in, opt, "")
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: fmt.Sprintf("%s_no-meeting-rationale_%s.pdf", base, date), Document: "no-meeting-rationale", Audience: Worker, Data: b})
	}
	for _, m := range p.MeetingsByDate() {
		b, err := OutcomeForm(in, opt, m.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: fmt.Sprintf("%s_meeting-outcome_%s.pdf", base, m.Date), Document: "meeting-outcome", Audience: Worker, Meeting: m.ID, Data: b})
	}
	return out, nil
}

// Manifest lists the documents in a zip made by Zip.
type Manifest struct {
	Reference string          `json:"reference"`
	PlanDate  string          `json:"plan_date"`
	Version   int             `json:"version"`
	Documents []ManifestEntry `json:"documents"`
}

// ManifestEntry is one document in the manifest, with its size and
// SHA-256 so that a copy can be checked.
type ManifestEntry struct {
	File
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Zip packs the documents and a manifest.json listing them. The same
// documents give the same bytes: every entry carries the plan's date.
func Zip(in *Input, files []File) ([]byte, error) {
	p := in.Plan
	man := Manifest{Reference: p.Case.Reference, PlanDate: p.Date().String(), Version: p.Version()}
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		man.Documents = append(man.Documents, ManifestEntry{File: f, Bytes: len(f.Data), SHA256: hex.EncodeToString(sum[:])})
	}
	mj, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	when := created(in)
	put := func(name string, data []byte, method uint16) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: when})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	if err := put("manifest.json", append(mj, '\n'), zip.Deflate); err != nil {
		return nil, err
	}
	for _, f := range files {
		// PDFs are compressed already: store them.
		if err := put(f.Name, f.Data, zip.Store); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FileBase makes a case reference or id safe in a file name: anything but
// ASCII letters, digits, "-" and "_" becomes "-".
func FileBase(ref string) string {
	b := []byte(ref)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '-'
		}
	}
	return string(b)
}
