package render

import (
	"sync"
	"testing"

	"github.com/familynetwork/safetyplan/internal/imaging"
)

// The reference plan is hughes-review; each benchmark makes one document
// from an already loaded plan, as the service does after Load.

func BenchmarkAdultPlanWorker(b *testing.B) {
	in := loadExample(b, "hughes-review")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AdultPlan(in, testOpt, AdultOptions{Audience: Worker}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWordsAndPictures(b *testing.B) {
	in := loadExample(b, "hughes-review")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WordsAndPictures(in, testOpt, WordsOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOutcomeForm(b *testing.B) {
	in := loadExample(b, "hughes-review")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := OutcomeForm(in, testOpt, "fnm2"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkZip is POST /v1/documents: load, every document, the zip.
func BenchmarkZip(b *testing.B) {
	data, uploads := exampleBytes(b, "hughes-review")
	b.ReportAllocs()
	for b.Loop() {
		in, err := Load(data, uploads, testOpt)
		if err != nil {
			b.Fatal(err)
		}
		files, err := All(in, testOpt)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Zip(in, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPritchard is the plan with an upload: load (the drawing comes
// from the picture cache after the first time) and the child's book.
func BenchmarkPritchard(b *testing.B) {
	data, uploads := exampleBytes(b, "pritchard-in-care")
	b.ReportAllocs()
	for b.Loop() {
		in, err := Load(data, uploads, testOpt)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := WordsAndPictures(in, testOpt, WordsOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

var (
	photoPlanOnce sync.Once
	photoPlan     []byte
	photoUploads  map[string][]byte
)

// BenchmarkPhotoPerPerson is the reference plan with a 12-megapixel phone
// photo for each of its seven people, every photo different. "first" clears
// the picture cache each time (every photo new); "seen" is the same plan
// again, with the photos already prepared.
func BenchmarkPhotoPerPerson(b *testing.B) {
	photoPlanOnce.Do(func() {
		photoUploads = map[string][]byte{}
		photoPlan = editExample(b, "hughes-review", func(m map[string]any) {
			for i, p := range m["people"].([]any) {
				name := "person" + itoa(i) + ".jpg"
				photoUploads[name] = phonePhotoVariant(b, i)
				p.(map[string]any)["picture"] = "upload:" + name
			}
		})
	})
	run := func(b *testing.B, clear bool) {
		b.ReportAllocs()
		for b.Loop() {
			if clear {
				pictureCache = imaging.NewCache(96 << 20)
			}
			in, err := Load(photoPlan, photoUploads, testOpt)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := WordsAndPictures(in, testOpt, WordsOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("first", func(b *testing.B) { run(b, true) })
	b.Run("seen", func(b *testing.B) { run(b, false) })
}
