package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/familynetwork/safetyplan/internal/pdf"
)

// The worker's copy carries the plan and its uploads so that the PDF kept
// on the case record is enough to carry on at the next review. Each
// attachment's description holds its SHA-256, so an altered one is caught.
const (
	planAttachment = "plan.json"
	descPrefix     = "safetyplan "
)

// Photos are attached as prepared (upright, at most 1400 pixels, a fresh
// encode), never as sent: a phone photo's EXIF can hold where it was taken,
// and that must never reach a PDF. The same goes for data: pictures inside
// the plan's JSON, which are swapped for their prepared copies.
func planAttachments(in *Input) []pdf.Attachment {
	raw := in.Raw
	for _, ref := range in.Plan.Pictures() {
		if strings.HasPrefix(ref, "data:") {
			if img, err := in.image(ref); err == nil {
				clean := "data:image/" + img.Format + ";base64," + base64.StdEncoding.EncodeToString(img.Data)
				raw = bytes.ReplaceAll(raw, []byte(ref), []byte(clean))
			}
		}
	}
	as := []pdf.Attachment{{Name: planAttachment, Data: raw, Description: describe("plan", raw)}}
	names := make([]string, 0, len(in.Uploads))
	for n := range in.Uploads {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		img, err := in.image("upload:" + n)
		if err != nil {
			continue // Load prepared every upload, so this cannot happen
		}
		as = append(as, pdf.Attachment{Name: n, Data: img.Data, Description: describe("upload", img.Data)})
	}
	return as
}

func describe(kind string, b []byte) string {
	sum := sha256.Sum256(b)
	return descPrefix + kind + " sha256=" + hex.EncodeToString(sum[:])
}

// ErrNotOurs means a PDF was not made by this service, or carries no plan
// (a network or child copy).
var ErrNotOurs = errors.New("this PDF does not carry a plan: open the worker's copy of a safety plan made by this service")

// Extract returns the plan JSON and uploads carried by a worker's copy of
// the adult safety plan. An altered attachment is an error naming it.
func Extract(data []byte) (planJSON []byte, uploads map[string][]byte, err error) {
	if !strings.HasPrefix(string(data[:min(len(data), 8)]), "%PDF-") {
		return nil, nil, errors.New("this file is not a PDF")
	}
	as, err := pdf.Attachments(data)
	if errors.Is(err, pdf.ErrNoAttachments) {
		return nil, nil, ErrNotOurs
	}
	if err != nil {
		return nil, nil, fmt.Errorf("the plan inside this PDF cannot be read (%w): use the original file from the case record", err)
	}
	uploads = map[string][]byte{}
	for _, a := range as {
		kind, sum, ok := strings.Cut(strings.TrimPrefix(a.Description, descPrefix), " sha256=")
		if !strings.HasPrefix(a.Description, descPrefix) || !ok {
			return nil, nil, ErrNotOurs
		}
		got := sha256.Sum256(a.Data)
		if hex.EncodeToString(got[:]) != sum {
			return nil, nil, fmt.Errorf("the attachment %q has been changed since the PDF was made: use the original file from the case record", a.Name)
		}
		switch {
		case kind == "plan" && a.Name == planAttachment:
			planJSON = a.Data
		case kind == "upload":
			uploads[a.Name] = a.Data
		}
	}
	if planJSON == nil {
		return nil, nil, ErrNotOurs
	}
	return planJSON, uploads, nil
}
