package httpapi

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

func TestWordsAndPicturesEndpoint(t *testing.T) {
	s := newTestServer(t, nil)
	pritchard := example(t, "pritchard-in-care.json")
	ct, body := multipartBody(t, pritchard, map[string][]byte{"rhys-drawing.png": example(t, "uploads/rhys-drawing.png")})
	tests := []struct {
		query, file string
		want, not   []string
	}{
		{"", "LCS-1877342_words-and-pictures_2026-06-12.pdf", []string{"Rhys's story", "Rhys's plan", "Childline", "07700 900701"}, nil},
		{"?part=explanation", "LCS-1877342_words-and-pictures_explanation_2026-06-12.pdf", []string{"Rhys's story"}, []string{"Rhys's plan"}},
		{"?part=safety-plan&contacts=none", "LCS-1877342_words-and-pictures_safety-plan_no-contacts_2026-06-12.pdf", []string{"Rhys's plan", "0800 1111"}, []string{"Rhys's story", "07700", "0117"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rec := do(s, "POST", "/v1/documents/words-and-pictures"+tt.query, ct, body)
			if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/pdf" {
				t.Fatalf("status %d %s: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			}
			if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="`+tt.file+`"`) {
				t.Errorf("Content-Disposition = %q, want %s", cd, tt.file)
			}
			if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q", cc)
			}
			text := pdftest.Normalize(pdftest.Text(t, rec.Body.Bytes()))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("has %q", w)
				}
			}
		})
	}
}

// POST /v1/documents answers a zip of every document with a manifest.
func TestDocumentsZip(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		example string
		files   []string
	}{
		{"hughes-review.json", []string{"LCS-2041187_safety-plan_2026-10-30.pdf", "LCS-2041187_words-and-pictures_2026-10-30.pdf", "LCS-2041187_meeting-outcome_2026-10-06.pdf", "LCS-2041187_meeting-outcome_2026-10-30.pdf"}},
		{"novak-no-meeting.json", []string{"LCS-2039915_safety-plan_2026-10-30.pdf", "LCS-2039915_words-and-pictures_2026-10-30.pdf", "LCS-2039915_no-meeting-rationale_2026-10-30.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			plan := example(t, tt.example)
			rec := do(s, "POST", "/v1/documents", "application/json", plan)
			if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/zip" {
				t.Fatalf("status %d %s: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			}
			again := do(s, "POST", "/v1/documents", "application/json", plan)
			if !bytes.Equal(rec.Body.Bytes(), again.Body.Bytes()) {
				t.Error("the same plan gave a different zip")
			}
			zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
			if err != nil {
				t.Fatal(err)
			}
			read := func(f *zip.File) []byte {
				r, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer r.Close()
				b, _ := io.ReadAll(r)
				return b
			}
			if zr.File[0].Name != "manifest.json" {
				t.Fatalf("first entry is %s, want manifest.json", zr.File[0].Name)
			}
			var man struct {
				Documents []struct {
					File, Document, Audience, SHA256 string
					Bytes                            int
				}
			}
			if err := json.Unmarshal(read(zr.File[0]), &man); err != nil {
				t.Fatal(err)
			}
			if len(man.Documents) != len(tt.files) || len(zr.File) != len(tt.files)+1 {
				t.Fatalf("manifest lists %d, zip holds %d entries; want %d documents", len(man.Documents), len(zr.File), len(tt.files))
			}
			for i, want := range tt.files {
				d, f := man.Documents[i], zr.File[i+1]
				if d.File != want || f.Name != want {
					t.Errorf("document %d: manifest %s, zip %s, want %s", i, d.File, f.Name, want)
				}
				b := read(f)
				sum := sha256.Sum256(b)
				if d.SHA256 != hex.EncodeToString(sum[:]) || d.Bytes != len(b) {
					t.Errorf("%s: the manifest's size or SHA-256 does not match the file", want)
				}
				pdftest.Valid(t, b)
				if strings.Contains(want, "words-and-pictures") && (d.Audience != "child" || !strings.Contains(pdftest.Text(t, b), "Childline")) {
					t.Errorf("%s is not the child's copy (audience %q)", want, d.Audience)
				}
			}
		})
	}
}
