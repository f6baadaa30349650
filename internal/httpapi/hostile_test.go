package httpapi

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"mime/multipart"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// hostile is one bad input and the answer it must get.
type hostile struct {
	name   string
	target string
	ctype  string
	body   []byte
	method string // default POST
	status int
	path   string // the field the message must name ("" for none)
	says   string // and a phrase it must contain ("" for none)
}

// edit returns the Hughes plan after f has changed it.
func edit(t *testing.T, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(example(t, "hughes-review.json"), &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func person(m map[string]any, i int) map[string]any { return m["people"].([]any)[i].(map[string]any) }
func rule(m map[string]any, i int) map[string]any {
	return m["plan"].(map[string]any)["rules"].([]any)[i].(map[string]any)
}
func worry(m map[string]any, i int) map[string]any {
	return m["assessment"].(map[string]any)["worries"].([]any)[i].(map[string]any)
}

// withUpload sends the Pritchard plan with the drawing replaced by file.
func withUpload(t *testing.T, file []byte) (string, []byte) {
	return multipartBody(t, example(t, "pritchard-in-care.json"), map[string][]byte{"rhys-drawing.png": file})
}

func tinyJPEG() []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 40, 30)), nil)
	return b.Bytes()
}

func tinyGIF() []byte {
	var b bytes.Buffer
	m := image.NewPaletted(image.Rect(0, 0, 40, 30), color.Palette{color.White, color.Black})
	gif.Encode(&b, m, nil)
	return b.Bytes()
}

func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := []byte("IHDR")
	chunk = binary.BigEndian.AppendUint32(chunk, w)
	chunk = binary.BigEndian.AppendUint32(chunk, h)
	chunk = append(chunk, 8, 2, 0, 0, 0)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func nested(depth int) []byte {
	return []byte(`{"schema_version": 1, "case": ` + strings.Repeat(`{"a": `, depth) + "1" + strings.Repeat("}", depth) + "}")
}

func wide(keys int) []byte {
	var b bytes.Buffer
	b.WriteString("{")
	for i := range keys {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"k` + itoa(i) + `": 1`)
	}
	b.WriteString("}")
	return b.Bytes()
}

func itoa(i int) string { return strconv.Itoa(i) }

func hostileInputs(t *testing.T) []hostile {
	hughes := example(t, "hughes-review.json")
	novak := example(t, "novak-no-meeting.json")
	drawing := example(t, "uploads/rhys-drawing.png")
	pritchard := example(t, "pritchard-in-care.json")
	j := "application/json"
	v := "/v1/plans/validate"
	adult := "/v1/documents/adult-plan"
	wp := "/v1/documents/words-and-pictures"

	people := make([]any, 10_000)
	for i := range people {
		people[i] = map[string]any{"id": "p" + itoa(i), "name": "Person", "role": "network"}
	}
	longWord := strings.Repeat("x", 200_000)
	var cases []hostile
	add := func(h hostile) { cases = append(cases, h) }

	// The body itself.
	add(hostile{name: "empty body", target: v, ctype: j, body: nil, status: 422})
	add(hostile{name: "JSON null", target: v, ctype: j, body: []byte("null"), status: 422})
	add(hostile{name: "JSON array", target: v, ctype: j, body: []byte("[]"), status: 422})
	add(hostile{name: "JSON number", target: v, ctype: j, body: []byte("42"), status: 422})
	add(hostile{name: "truncated JSON", target: v, ctype: j, body: hughes[:len(hughes)/2], status: 422})
	add(hostile{name: "trailing garbage", target: v, ctype: j, body: append(append([]byte(nil), hughes...), []byte(" {}")...), status: 422})
	add(hostile{name: "invalid UTF-8", target: v, ctype: j, body: bytes.Replace(hughes, []byte("Leanne Hughes"), []byte("Leanne \xff\xfe Hughes"), 1), status: 422, path: "people[0].name", says: "UTF-8"})
	add(hostile{name: "deeply nested", target: v, ctype: j, body: nested(10_000), status: 422, says: "nest"})
	add(hostile{name: "very wide object", target: v, ctype: j, body: wide(50_000), status: 422, path: "", says: "more than 100 problems"})
	add(hostile{name: "duplicate keys", target: v, ctype: j, body: bytes.Replace(hughes, []byte(`"name": "Leanne Hughes",`), []byte(`"name": "Leanne Hughes", "name": "Someone Else",`), 1), status: 422, path: "people[0].name"})
	add(hostile{name: "over the body limit", target: v, ctype: j, body: bytes.Repeat([]byte(" "), 2_100_000), status: 413})
	add(hostile{name: "a 40 MB data: URI", target: v, ctype: j, body: []byte(`{"children":[{"picture":"data:image/png;base64,` + strings.Repeat("A", 40<<20) + `"}]}`), status: 413})

	// Types and nulls.
	add(hostile{name: "number for a string", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 0)["name"] = 42 }), status: 422, path: "people[0].name"})
	add(hostile{name: "string for a number", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["schema_version"] = "1" }), status: 422, path: "schema_version"})
	add(hostile{name: "string for a list", target: v, ctype: j, body: edit(t, func(m map[string]any) { rule(m, 0)["who"] = "nana" }), status: 422, path: "plan.rules[0].who"})
	add(hostile{name: "object for a string", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 0)["phone"] = map[string]any{"n": 1} }), status: 422, path: "people[0].phone"})
	add(hostile{name: "null case", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["case"] = nil }), status: 422, path: "case.reference"})
	add(hostile{name: "null children", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["children"] = nil }), status: 422, path: "children"})
	add(hostile{name: "null in a list", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["people"].([]any)[1] = nil }), status: 422, path: "people[1].id"})
	add(hostile{name: "null id", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 0)["id"] = nil }), status: 422, path: "people[0].id"})
	add(hostile{name: "null everywhere", target: v, ctype: j, body: []byte(`{"schema_version":null,"case":null,"children":null,"people":null,"meetings":null,"assessment":null,"plan":null,"evidence":null,"reviews":null,"handover":null,"words_and_pictures":null}`), status: 422, path: "children"})
	add(hostile{name: "unknown field", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["notes"] = "x" }), status: 422, path: "notes"})
	add(hostile{name: "future schema version", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["schema_version"] = 99 }), status: 422, path: "schema_version"})
	add(hostile{name: "10,000 people", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["people"] = people }), status: 422, path: "people"})
	add(hostile{name: "impossible date", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["case"].(map[string]any)["involvement_started"] = "2026-02-30" }), status: 422, path: "case.involvement_started"})
	add(hostile{name: "UK-style date", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["case"].(map[string]any)["involvement_started"] = "30/10/2026" }), status: 422, path: "case.involvement_started"})
	add(hostile{name: "impossible time", target: v, ctype: j, body: edit(t, func(m map[string]any) { m["meetings"].([]any)[0].(map[string]any)["start_time"] = "25:00" }), status: 422, path: "meetings[0].start_time"})
	add(hostile{name: "dangling reference", target: v, ctype: j, body: edit(t, func(m map[string]any) { rule(m, 0)["who"] = []any{"granny"} }), status: 422, path: "plan.rules[0].who[0]"})
	add(hostile{name: "duplicate id", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 1)["id"] = "leanne" }), status: 422, path: "people[1].id"})
	add(hostile{name: "a 1 MB name", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 0)["name"] = strings.Repeat("a", 1<<20) }), status: 422, path: "people[0].name"})
	add(hostile{name: "a name over its limit", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 0)["name"] = strings.Repeat("a", 300) }), status: 422, path: "people[0].name"})

	// Characters.
	add(hostile{name: "control character", target: v, ctype: j, body: edit(t, func(m map[string]any) { rule(m, 0)["then"] = "Nana comes\u0007 round" }), status: 422, path: "plan.rules[0].then", says: "U+0007"})
	add(hostile{name: "zero-width character", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 2)["known_as"] = "Nana\u200bJean" }), status: 422, path: "people[2].known_as", says: "U+200B"})
	add(hostile{name: "right-to-left override", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 0)["name"] = "Leanne \u202eHughes" }), status: 422, path: "people[0].name"})
	add(hostile{name: "Chinese (no font shipped)", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 3)["relationship"] = "姨妈" }), status: 422, path: "people[3].relationship", says: "Han"})
	add(hostile{name: "Hebrew", target: v, ctype: j, body: edit(t, func(m map[string]any) { worry(m, 0)["statement"] = "שלום" }), status: 422, path: "assessment.worries[0].statement", says: "Hebrew"})
	add(hostile{name: "Tamil (no font shipped)", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 4)["known_as"] = "வணக்கம்" }), status: 422, path: "people[4].known_as", says: "Tamil"})
	add(hostile{name: "Devanagari is drawn", target: v, ctype: j, body: edit(t, func(m map[string]any) { person(m, 4)["known_as"] = "नमस्ते" }), status: 200})
	add(hostile{name: "Chinese", target: v, ctype: j, body: edit(t, func(m map[string]any) { rule(m, 1)["child_words"] = "你好" }), status: 422, path: "plan.rules[1].child_words"})
	add(hostile{name: "emoji", target: v, ctype: j, body: edit(t, func(m map[string]any) { rule(m, 0)["child_words"] = "Nana comes round 😀" }), status: 422, path: "plan.rules[0].child_words"})
	add(hostile{name: "a 200 KB word is too long for its field", target: v, ctype: j, body: edit(t, func(m map[string]any) { worry(m, 0)["statement"] = longWord }), status: 422, path: "assessment.worries[0].statement"})
	add(hostile{name: "a 29,000-character word wraps", target: adult, ctype: j, body: edit(t, func(m map[string]any) { worry(m, 0)["statement"] = longWord[:29_000] }), status: 200})
	add(hostile{name: "a very long URL wraps", target: adult, ctype: j, body: edit(t, func(m map[string]any) {
		worry(m, 0)["statement"] = "See https://example.gov.uk/" + strings.Repeat("very-long-path-segment/", 300) + " for the report."
	}), status: 200})
	add(hostile{name: "raw HTML in Markdown", target: adult, ctype: j, body: edit(t, func(m map[string]any) {
		worry(m, 0)["statement"] = `<script>alert("x")</script><img src=x onerror=alert(1)> Dad shouted.`
	}), status: 200})
	add(hostile{name: "javascript: link", target: adult, ctype: j, body: edit(t, func(m map[string]any) {
		worry(m, 0)["statement"] = "[click me](javascript:alert(1)) and [x](data:text/html,hi)"
	}), status: 200})
	add(hostile{name: "Markdown image", target: adult, ctype: j, body: edit(t, func(m map[string]any) {
		worry(m, 0)["statement"] = "![tracker](https://evil.example/pixel.png) Dad shouted."
	}), status: 200})
	add(hostile{name: "file: link", target: adult, ctype: j, body: edit(t, func(m map[string]any) { worry(m, 0)["statement"] = "[report](file:///etc/passwd)" }), status: 200})

	// Pictures.
	add(hostile{name: "unknown library picture", target: v, ctype: j, body: bytes.Replace(hughes, []byte("library:bed"), []byte("library:bedd"), 1), status: 422, path: "plan.rules[3].picture", says: "bed"})
	add(hostile{name: "picture scheme", target: v, ctype: j, body: bytes.Replace(hughes, []byte("library:bed"), []byte("https://evil.example/bed.png"), 1), status: 422, path: "plan.rules[3].picture"})
	add(hostile{name: "data: URI that is not an image", target: v, ctype: j, body: bytes.Replace(hughes, []byte("library:bed"), []byte("data:text/html;base64,PGgxPmhpPC9oMT4="), 1), status: 422, path: "plan.rules[3].picture"})
	add(hostile{name: "data: URI with broken base64", target: v, ctype: j, body: bytes.Replace(hughes, []byte("library:bed"), []byte("data:image/png;base64,!!!!"), 1), status: 422, path: "plan.rules[3].picture"})
	add(hostile{name: "data: URI holding an SVG", target: v, ctype: j, body: bytes.Replace(hughes, []byte("library:bed"), []byte("data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))), 1), status: 422, path: "plan.rules[3].picture", says: "SVG"})
	add(hostile{name: "data: URI with a good GIF", target: wp, ctype: j, body: bytes.Replace(hughes, []byte("library:bed"), []byte("data:image/gif;base64,"+base64.StdEncoding.EncodeToString(tinyGIF())), 1), status: 200})
	ct, body := withUpload(t, []byte("%PDF-1.7\n%a drawing, renamed\n"))
	add(hostile{name: "upload: a renamed PDF", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture", says: "PDF"})
	ct, body = withUpload(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`))
	add(hostile{name: "upload: SVG", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture", says: "SVG"})
	ct, body = withUpload(t, append([]byte{0, 0, 0, 0x18}, []byte("ftypheic\x00\x00\x00\x00mif1heic")...))
	add(hostile{name: "upload: HEIC", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture", says: "iPhone"})
	ct, body = withUpload(t, tinyJPEG()[:200])
	add(hostile{name: "upload: truncated JPEG", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture", says: "damaged"})
	ct, body = withUpload(t, pngHeader(60000, 60000))
	add(hostile{name: "upload: PNG claiming 60,000 by 60,000", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture", says: "megapixels"})
	ct, body = withUpload(t, append([]byte("BM"), make([]byte, 60)...))
	add(hostile{name: "upload: BMP", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture"})
	ct, body = withUpload(t, []byte("II*\x00\x08\x00\x00\x00"))
	add(hostile{name: "upload: TIFF", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture"})
	ct, body = withUpload(t, nil)
	add(hostile{name: "upload: empty file", target: wp, ctype: ct, body: body, status: 422, path: "children[0].picture"})
	ct, body = withUpload(t, tinyGIF())
	add(hostile{name: "upload: a GIF is fine", target: wp, ctype: ct, body: body, status: 200})
	ct, body = withUpload(t, tinyJPEG())
	add(hostile{name: "upload: a JPEG named .png is fine", target: wp, ctype: ct, body: body, status: 200})
	ct, body = multipartBody(t, pritchard, nil)
	add(hostile{name: "multipart: missing upload", target: v, ctype: ct, body: body, status: 422, path: "children[0].picture"})
	ct, body = multipartBody(t, hughes, map[string][]byte{"someone-else.jpg": drawing})
	add(hostile{name: "multipart: unreferenced upload", target: v, ctype: ct, body: body, status: 422, path: "uploads.someone-else.jpg"})
	add(hostile{name: "multipart: duplicated upload", target: v, ctype: dupCT, body: []byte(dupBody), status: 422, path: "uploads.rhys-drawing.png"})
	add(hostile{name: "multipart: the plan twice", target: v, ctype: twiceCT, body: []byte(twiceBody), status: 422, path: "plan"})
	add(hostile{name: "multipart: a stray field", target: v, ctype: strayCT, body: []byte(strayBody), status: 422, path: "notes"})
	add(hostile{name: "multipart: no boundary", target: v, ctype: "multipart/form-data", body: hughes, status: 400})
	add(hostile{name: "multipart: broken", target: v, ctype: "multipart/form-data; boundary=xyz", body: []byte("--xyz\r\nContent-Disposition: form-data; name=\"plan\"\r\n\r\n{"), status: 400})
	add(hostile{name: "multipart: upload path traversal is just a name", target: v, ctype: travCT, body: []byte(travBody), status: 200})

	// Query parameters.
	add(hostile{name: "audience unknown", target: adult + "?audience=everyone", ctype: j, body: hughes, status: 422, path: "audience"})
	add(hostile{name: "audience child on the adult plan", target: adult + "?audience=child", ctype: j, body: hughes, status: 422, path: "audience"})
	add(hostile{name: "lang not a language tag", target: adult + "?lang=%3Cscript%3E", ctype: j, body: hughes, status: 422, path: "lang"})
	add(hostile{name: "lang in Urdu", target: adult + "?lang=ur", ctype: j, body: hughes, status: 200})
	add(hostile{name: "outcome form: lang not a language tag", target: "/v1/documents/meeting-outcome?lang=%3Cscript%3E", ctype: j, body: hughes, status: 422, path: "lang"})
	add(hostile{name: "for an unknown person", target: adult + "?for=ghost", ctype: j, body: hughes, status: 422, path: "for"})
	add(hostile{name: "for with markup", target: adult + "?for=%3Cscript%3E", ctype: j, body: hughes, status: 422, path: "for"})
	add(hostile{name: "meeting unknown", target: "/v1/documents/meeting-outcome?meeting=fnm9", ctype: j, body: hughes, status: 422, path: "meeting"})
	add(hostile{name: "meeting with a NUL", target: "/v1/documents/meeting-outcome?meeting=fnm1%00", ctype: j, body: hughes, status: 422, path: "meeting"})
	add(hostile{name: "part unknown", target: wp + "?part=all", ctype: j, body: hughes, status: 422, path: "part"})
	add(hostile{name: "part explanation without one", target: wp + "?part=explanation", ctype: j, body: novak, status: 422, path: "words_and_pictures.explanation"})
	add(hostile{name: "contacts unknown", target: wp + "?contacts=some", ctype: j, body: hughes, status: 422, path: "contacts"})
	add(hostile{name: "photos unknown", target: wp + "?photos=star", ctype: j, body: hughes, status: 422, path: "photos"})

	// Content types, methods, routes.
	add(hostile{name: "text/plain", target: v, ctype: "text/plain", body: hughes, status: 415})
	add(hostile{name: "no content type", target: v, ctype: "", body: hughes, status: 415})
	add(hostile{name: "form-urlencoded", target: v, ctype: "application/x-www-form-urlencoded", body: []byte("plan=x"), status: 415})
	add(hostile{name: "JSON with a charset", target: v, ctype: "application/json; charset=utf-8", body: hughes, status: 200})
	add(hostile{name: "GET a POST route", target: adult, method: "GET", status: 405})
	add(hostile{name: "unknown route", target: "/v1/documents/everything", ctype: j, body: hughes, status: 404})
	add(hostile{name: "path traversal", target: "/v1/illustrations/..%2f..%2fetc%2fpasswd", method: "GET", status: 404})

	// Extraction.
	add(hostile{name: "extract: not a PDF", target: "/v1/plans/extract", ctype: "application/pdf", body: hughes, status: 422, path: "file"})
	add(hostile{name: "extract: empty", target: "/v1/plans/extract", ctype: "application/pdf", body: nil, status: 422, path: "file"})
	add(hostile{name: "extract: a broken PDF", target: "/v1/plans/extract", ctype: "application/pdf", body: []byte("%PDF-1.4\n1 0 obj <</Type /EmbeddedFile /Length 99999999>> stream\n"), status: 422, path: "file"})
	return cases
}

var (
	dupCT, dupBody     string
	twiceCT, twiceBody string
	strayCT, strayBody string
	travCT, travBody   string
)

// rawMultipart builds a multipart body from (field, file name, content)
// parts, as a hand-made client might.
func rawMultipart(parts ...[3]string) (string, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		if p[1] == "" {
			w, _ := mw.CreateFormField(p[0])
			w.Write([]byte(p[2]))
		} else {
			w, _ := mw.CreateFormFile(p[0], p[1])
			w.Write([]byte(p[2]))
		}
	}
	mw.Close()
	return mw.FormDataContentType(), buf.String()
}

// Every hostile input gets its 4xx (or is drawn correctly), names the
// field, never a 5xx, and never hangs.
func TestHostileInputs(t *testing.T) {
	pritchard := string(example(t, "pritchard-in-care.json"))
	drawing := string(example(t, "uploads/rhys-drawing.png"))
	dupCT, dupBody = rawMultipart([3]string{"plan", "plan.json", pritchard}, [3]string{"upload", "rhys-drawing.png", drawing}, [3]string{"upload", "rhys-drawing.png", drawing})
	twiceCT, twiceBody = rawMultipart([3]string{"plan", "plan.json", pritchard}, [3]string{"plan", "plan.json", pritchard})
	strayCT, strayBody = rawMultipart([3]string{"plan", "", pritchard}, [3]string{"notes", "", "hello"})
	travCT, travBody = rawMultipart([3]string{"plan", "", pritchard}, [3]string{"upload", "../../etc/rhys-drawing.png", drawing})
	cases := hostileInputs(t)
	if len(cases) < 60 {
		t.Fatalf("only %d hostile inputs; the issue asks for at least 60", len(cases))
	}
	s := newTestServer(t, nil)
	// Nothing is written to disk: the temp directory stays empty.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var slowest time.Duration
	var slowestName string
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "POST"
			}
			start := time.Now()
			rec := do(s, method, tt.target, tt.ctype, tt.body)
			took := time.Since(start)
			if took > slowest {
				slowest, slowestName = took, tt.name
			}
			if took > 5*time.Second { // a hang guard, not a speed target
				t.Errorf("took %v", took)
			}
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, tt.status, rec.Body)
			}
			if rec.Code == 200 {
				if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/pdf") {
					checkSafePDF(t, rec.Body.Bytes())
				}
				return
			}
			p := problemOf(t, rec)
			if p.Detail == "" {
				t.Error("a problem without a detail")
			}
			if tt.path == "" && tt.says == "" {
				return
			}
			for _, e := range p.Errors {
				if (tt.path == "" || e.Path == tt.path) && strings.Contains(e.Message+p.Detail, tt.says) {
					return
				}
			}
			if tt.path == "" && strings.Contains(p.Detail, tt.says) {
				return
			}
			t.Errorf("no problem at %q saying %q in %.500s", tt.path, tt.says, rec.Body)
		})
	}
	t.Logf("%d hostile inputs; the slowest took %v (%s)", len(cases), slowest, slowestName)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the requests left %d files in the temp directory", len(left))
	}
}

// checkSafePDF checks a PDF carries no JavaScript, no actions that open
// or fetch anything, and only http, https, mailto and tel links.
func checkSafePDF(t *testing.T, pdf []byte) {
	t.Helper()
	for _, bad := range []string{"/JavaScript", "/JS ", "/JS(", "/Launch", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData", "/RichMedia", "/OpenAction", "/AA "} {
		if bytes.Contains(pdf, []byte(bad)) {
			t.Errorf("the PDF contains %s", bad)
		}
	}
	for _, uri := range bytes.Split(pdf, []byte("/URI ("))[1:] {
		end := bytes.IndexByte(uri, ')')
		link := string(uri[:max(end, 0)])
		ok := false
		for _, scheme := range []string{"http://", "https://", "mailto:", "tel:"} {
			ok = ok || strings.HasPrefix(link, scheme)
		}
		if !ok {
			t.Errorf("the PDF links to %q", link)
		}
	}
	text := pdftest.Text(t, pdf)
	if strings.Contains(text, "onerror") && !strings.Contains(text, "<img") {
		t.Error("raw HTML was half-interpreted")
	}
}

// The same checks on the examples' every document.
func TestExamplePDFsAreSafe(t *testing.T) {
	s := newTestServer(t, nil)
	files, _ := filepath.Glob(filepath.Join(examples, "*.json"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		ct, body := "application/json", b
		if bytes.Contains(b, []byte("upload:")) {
			ct, body = multipartBody(t, b, map[string][]byte{"rhys-drawing.png": example(t, "uploads/rhys-drawing.png")})
		}
		for _, target := range []string{"/v1/documents/adult-plan", "/v1/documents/meeting-outcome", "/v1/documents/words-and-pictures"} {
			rec := do(s, "POST", target, ct, body)
			if rec.Code != 200 {
				t.Fatalf("%s %s: %d", filepath.Base(f), target, rec.Code)
			}
			checkSafePDF(t, rec.Body.Bytes())
		}
	}
}
