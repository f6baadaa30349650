package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdf"
)

func TestWorkerCopyCarriesThePlan(t *testing.T) {
	for _, name := range []string{"hughes-review", "pritchard-in-care"} {
		t.Run(name, func(t *testing.T) {
			in := loadExample(t, name)
			doc, err := AdultPlan(in, testOpt, AdultOptions{Audience: Worker})
			if err != nil {
				t.Fatal(err)
			}
			planJSON, uploads, err := Extract(doc)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(planJSON, in.Raw) {
				t.Error("the extracted plan differs from the plan sent")
			}
			if len(uploads) != len(in.Uploads) {
				t.Fatalf("extracted %d uploads, want %d", len(uploads), len(in.Uploads))
			}
			for n, b := range in.Uploads {
				if !bytes.Equal(uploads[n], b) {
					t.Errorf("upload %s differs", n)
				}
			}
			if _, err := Load(planJSON, uploads, testOpt); err != nil {
				t.Errorf("the extracted plan does not load: %v", err)
			}
		})
	}
}

func TestOtherCopiesCarryNoPlan(t *testing.T) {
	in := loadExample(t, "pritchard-in-care")
	for label, render := range map[string]func() ([]byte, error){
		"network":  func() ([]byte, error) { return AdultPlan(in, testOpt, AdultOptions{Audience: Network}) },
		"for-gran": func() ([]byte, error) { return AdultPlan(in, testOpt, AdultOptions{For: "gran"}) },
		"form":     func() ([]byte, error) { return OutcomeForm(in, testOpt, "") },
	} {
		doc, err := render()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(doc, []byte("/Type /EmbeddedFile")) {
			t.Errorf("the %s copy embeds files", label)
		}
		if _, _, err := Extract(doc); !errors.Is(err, ErrNotOurs) {
			t.Errorf("extracting from the %s copy: %v, want ErrNotOurs", label, err)
		}
	}
}

func TestExtractRejectsAlteredOrForeignFiles(t *testing.T) {
	in := loadExample(t, "hughes-review")
	tampered := planAttachments(in)
	tampered[0].Data = bytes.Replace(tampered[0].Data, []byte("Nana Jean"), []byte("Nana Joan"), 1)
	var buf bytes.Buffer
	if err := pdf.Write(&buf, pdf.Document{Spec: a4, Pages: nil, Attachments: tampered}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Extract(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "has been changed") {
		t.Errorf("altered attachment: got %v", err)
	}
	buf.Reset()
	foreign := []pdf.Attachment{{Name: "plan.json", Data: in.Raw, Description: "made elsewhere"}}
	if err := pdf.Write(&buf, pdf.Document{Spec: a4, Attachments: foreign}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Extract(buf.Bytes()); !errors.Is(err, ErrNotOurs) {
		t.Errorf("foreign attachment: got %v", err)
	}
	if _, _, err := Extract([]byte("not a pdf at all")); err == nil {
		t.Error("a text file was accepted as a PDF")
	}
}
