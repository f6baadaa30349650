package httpapi

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"mime/multipart"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/plan"
)

const examples = "../../../shared/examples"

func newTestServer(t *testing.T, logs *bytes.Buffer) *Server {
	t.Helper()
	cfg := Config{Today: func() plan.Date { return plan.MustDate("2026-11-22") }, MaxBody: 2_000_000}
	if logs != nil {
		cfg.Log = slog.New(slog.NewJSONHandler(logs, nil))
	}
	s := New(cfg)
	s.SetReady(true)
	return s
}

func example(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examples, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func do(s *Server, method, target, ctype string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

// multipartBody builds a body as curl -F plan=@plan.json -F upload=@FILE sends it.
func multipartBody(t *testing.T, planJSON []byte, files map[string][]byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	pw, _ := mw.CreateFormFile("plan", "plan.json")
	pw.Write(planJSON)
	for name, b := range files {
		fw, _ := mw.CreateFormFile("upload", name)
		fw.Write(b)
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

func problemOf(t *testing.T, rec *httptest.ResponseRecorder) Problem {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json; body %s", ct, rec.Body.String())
	}
	var p Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidateExamples(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		file       string
		statuses   map[string]string // deadline label prefix -> status
		errorCount int
	}{
		{"hughes-review.json", map[string]string{"first_meeting": "met", "review": "met"}, 0},
		{"adeyemi-early-help.json", map[string]string{"first_meeting": "met", "outcome": "overdue", "review": "due"}, 0},
		{"novak-no-meeting.json", map[string]string{"first_meeting": "missed"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rec := do(s, "POST", "/v1/plans/validate", "application/json", example(t, tt.file))
			if rec.Code != 200 {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			var got ValidateResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if !got.Valid || len(got.Errors) != tt.errorCount {
				t.Errorf("valid=%v errors=%v", got.Valid, got.Errors)
			}
			for kind, status := range tt.statuses {
				found := false
				for _, d := range got.Deadlines {
					if d.Kind == kind && string(d.Status) == status {
						found = true
					}
				}
				if !found {
					t.Errorf("no %s deadline with status %s in %+v", kind, status, got.Deadlines)
				}
			}
		})
	}
}

func TestValidateMultipartWithUpload(t *testing.T) {
	s := newTestServer(t, nil)
	drawing := example(t, "uploads/rhys-drawing.png")
	planJSON := example(t, "pritchard-in-care.json")
	ct, body := multipartBody(t, planJSON, map[string][]byte{"rhys-drawing.png": drawing})
	if rec := do(s, "POST", "/v1/plans/validate", ct, body); rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

func TestBadRequests(t *testing.T) {
	s := newTestServer(t, nil)
	pritchard := example(t, "pritchard-in-care.json")
	hughes := example(t, "hughes-review.json")
	drawing := example(t, "uploads/rhys-drawing.png")
	missingCT, missingBody := multipartBody(t, pritchard, nil)
	extraCT, extraBody := multipartBody(t, hughes, map[string][]byte{"someone-else.jpg": drawing})
	noPlanCT, noPlanBody := func() (string, []byte) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("upload", "rhys-drawing.png")
		fw.Write(drawing)
		mw.Close()
		return mw.FormDataContentType(), buf.Bytes()
	}()
	renamedCT, renamedBody := multipartBody(t, pritchard, map[string][]byte{"rhys-drawing.png": []byte("%PDF-1.7\n%fake drawing\n")})
	tests := []struct {
		name, target, ctype string
		body                []byte
		status              int
		path                string
	}{
		{"wrong content type", "/v1/plans/validate", "text/plain", hughes, 415, ""},
		{"no content type", "/v1/plans/validate", "", hughes, 415, ""},
		{"too large", "/v1/plans/validate", "application/json", bytes.Repeat([]byte(" "), 2_100_000), 413, ""},
		{"not JSON", "/v1/plans/validate", "application/json", []byte("{nope"), 422, ""},
		{"unknown key", "/v1/plans/validate", "application/json", bytes.Replace(hughes, []byte(`"venue"`), []byte(`"venu"`), 1), 422, "meetings[0].venu"},
		{"missing upload", "/v1/plans/validate", missingCT, missingBody, 422, "children[0].picture"},
		{"unreferenced upload", "/v1/plans/validate", extraCT, extraBody, 422, "uploads.someone-else.jpg"},
		{"no plan part", "/v1/plans/validate", noPlanCT, noPlanBody, 422, "plan"},
		{"unknown library picture", "/v1/plans/validate", "application/json", bytes.Replace(hughes, []byte(`library:bed`), []byte(`library:bedd`), 1), 422, "plan.rules[3].picture"},
		{"unknown person copy", "/v1/documents/adult-plan?for=ghost", "application/json", hughes, 422, "for"},
		{"unknown audience", "/v1/documents/adult-plan?audience=everyone", "application/json", hughes, 422, "audience"},
		{"unknown meeting", "/v1/documents/meeting-outcome?meeting=fnm9", "application/json", hughes, 422, "meeting"},
		{"Chinese text (no font shipped)", "/v1/plans/validate", "application/json", bytes.Replace(hughes, []byte(`"Mum's sister"`), []byte(`"姨妈"`), 1), 422, "people[3].relationship"},
		{"unknown part", "/v1/documents/words-and-pictures?part=all", "application/json", hughes, 422, "part"},
		{"unknown photo shape", "/v1/documents/words-and-pictures?photos=star", "application/json", hughes, 422, "photos"},
		{"unknown contacts", "/v1/documents/words-and-pictures?contacts=some", "application/json", hughes, 422, "contacts"},
		{"no explanation", "/v1/documents/words-and-pictures?part=explanation", "application/json", example(t, "novak-no-meeting.json"), 422, "words_and_pictures.explanation"},
		{"drawing is a PDF", "/v1/documents/words-and-pictures", renamedCT, renamedBody, 422, "children[0].picture"},
		{"zip of a broken plan", "/v1/documents", "application/json", []byte(`{"schema_version": 1}`), 422, "children"},
		{"unknown route", "/v1/nothing", "application/json", hughes, 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(s, "POST", tt.target, tt.ctype, tt.body)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			p := problemOf(t, rec)
			if p.Detail == "" || p.Status != tt.status {
				t.Errorf("problem without detail or status: %+v", p)
			}
			if tt.path == "" {
				return
			}
			for _, e := range p.Errors {
				if e.Path == tt.path && e.Message != "" {
					return
				}
			}
			t.Errorf("no problem at %q in %+v", tt.path, p.Errors)
		})
	}
}

func TestDocumentsAndExtract(t *testing.T) {
	s := newTestServer(t, nil)
	hughes := example(t, "hughes-review.json")
	rec := do(s, "POST", "/v1/documents/adult-plan?audience=worker", "application/json", hughes)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("status %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="LCS-2041187_safety-plan_2026-10-30.pdf"`) {
		t.Errorf("Content-Disposition = %q", cd)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", cc)
	}
	worker := rec.Body.Bytes()
	ext := do(s, "POST", "/v1/plans/extract", "application/pdf", worker)
	if ext.Code != 200 {
		t.Fatalf("extract: %d %s", ext.Code, ext.Body)
	}
	var got struct{ Plan json.RawMessage }
	json.Unmarshal(ext.Body.Bytes(), &got)
	var want bytes.Buffer
	json.Compact(&want, hughes)
	if !bytes.Equal(got.Plan, want.Bytes()) {
		t.Error("extracted plan differs from the one sent")
	}
	network := do(s, "POST", "/v1/documents/adult-plan?audience=network", "application/json", hughes).Body.Bytes()
	if rec := do(s, "POST", "/v1/plans/extract", "application/pdf", network); rec.Code != 422 {
		t.Errorf("extract from a network copy: %d, want 422", rec.Code)
	}
	form := do(s, "POST", "/v1/documents/meeting-outcome?meeting=fnm1", "application/json", hughes)
	if form.Code != 200 || !strings.Contains(form.Header().Get("Content-Disposition"), "meeting-outcome") {
		t.Errorf("outcome form: %d %s", form.Code, form.Header().Get("Content-Disposition"))
	}
}

func TestOperationalEndpoints(t *testing.T) {
	s := New(Config{})
	if rec := do(s, "GET", "/readyz", "", nil); rec.Code != 503 {
		t.Errorf("readyz before ready = %d, want 503", rec.Code)
	}
	s.SetReady(true)
	if rec := do(s, "GET", "/readyz", "", nil); rec.Code != 200 {
		t.Errorf("readyz when ready = %d", rec.Code)
	}
	s.SetDraining(true)
	if rec := do(s, "GET", "/readyz", "", nil); rec.Code != 503 {
		t.Errorf("readyz while draining = %d, want 503", rec.Code)
	}
	if rec := do(s, "GET", "/healthz", "", nil); rec.Code != 200 {
		t.Errorf("healthz = %d", rec.Code)
	}
	rec := do(s, "GET", "/v1/schema", "", nil)
	if rec.Code != 200 || !bytes.Contains(rec.Body.Bytes(), []byte(`"$schema"`)) {
		t.Errorf("schema: %d", rec.Code)
	}
	if rec := do(s, "GET", "/v1/illustrations", "", nil); rec.Code != 200 || !bytes.Contains(rec.Body.Bytes(), []byte(`"grandma"`)) {
		t.Errorf("illustrations catalogue: %d", rec.Code)
	}
	for _, h := range []string{"X-Request-Id", "X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy"} {
		if rec.Header().Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
	req := httptest.NewRequest("GET", "/healthz", nil)
	req.Header.Set("X-Request-Id", "abc-123")
	r2 := httptest.NewRecorder()
	s.Handler().ServeHTTP(r2, req)
	if r2.Header().Get("X-Request-Id") != "abc-123" {
		t.Error("the caller's request id is not echoed")
	}
}

func TestPanicBecomesProblem(t *testing.T) {
	var logs bytes.Buffer
	s := newTestServer(t, &logs)
	s.engine.GET("/boom", func(c *gin.Context) { panic("Nana Jean 07700 900222") })
	rec := do(s, "GET", "/boom", "", nil)
	if rec.Code != 500 {
		t.Fatalf("status %d", rec.Code)
	}
	p := problemOf(t, rec)
	if p.RequestID == "" || p.RequestID != rec.Header().Get("X-Request-Id") {
		t.Errorf("problem request id %q, header %q", p.RequestID, rec.Header().Get("X-Request-Id"))
	}
	if !strings.Contains(logs.String(), p.RequestID) || !strings.Contains(logs.String(), "panic") {
		t.Error("the panic is not logged with its request id")
	}
	if strings.Contains(logs.String(), "900222") {
		t.Error("the panic value (plan content) reached the log")
	}
}

// TestLogsCarryNoPlanContent runs every example through every endpoint and
// checks that no name, phone number, email or sentence of a plan is logged.
func TestLogsCarryNoPlanContent(t *testing.T) {
	var logs bytes.Buffer
	s := newTestServer(t, &logs)
	files, _ := filepath.Glob(filepath.Join(examples, "*.json"))
	drawing := example(t, "uploads/rhys-drawing.png")
	var secrets []string
	for _, f := range files {
		b, _ := os.ReadFile(f)
		p, err := plan.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range p.Individuals() {
			secrets = append(secrets, i.Name, i.Phone, i.Email)
		}
		for _, w := range p.Assessment.Worries {
			secrets = append(secrets, w.Statement[:40])
		}
		ct, body := multipartBody(t, b, map[string][]byte{"rhys-drawing.png": drawing})
		if !bytes.Contains(b, []byte("upload:")) {
			ct, body = "application/json", b
		}
		for _, target := range []string{"/v1/plans/validate", "/v1/documents/adult-plan?audience=worker", "/v1/documents/adult-plan?for=" + p.People[0].ID, "/v1/documents/meeting-outcome", "/v1/documents/words-and-pictures", "/v1/documents"} {
			if rec := do(s, "POST", target, ct, body); rec.Code != 200 {
				t.Errorf("%s %s: %d %s", filepath.Base(f), target, rec.Code, rec.Body)
			}
		}
		bad := bytes.Replace(b, []byte(`"people"`), []byte(`"peeple"`), 1)
		do(s, "POST", "/v1/plans/validate", "application/json", bad)
	}
	out := logs.String()
	if strings.Count(out, "\n") < 16 {
		t.Fatalf("expected a log line per request, got:\n%s", out)
	}
	for _, secret := range secrets {
		if secret != "" && strings.Contains(out, secret) {
			t.Errorf("the log contains %q", secret)
		}
	}
	if strings.Contains(out, "for=") {
		t.Error("the log contains a query string")
	}
}
