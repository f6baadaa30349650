package main

import (
	"bytes"
	"context"
	"flag"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const examples = "../../../shared/examples"

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestValidateExamples(t *testing.T) {
	tests := []struct {
		example string
		want    []string
	}{
		{"hughes-review", []string{"MET      First family/network meeting: due 9 November 2026, done 6 October 2026 (week 8)", "due 13 October 2026, done 9 October 2026", "First review meeting: due 3 November 2026, done 30 October 2026", "due 6 November 2026, done 5 November 2026", "Explanation shared, picture safety plan not yet shared"}},
		{"adeyemi-early-help", []string{"due 21 December 2026, done 2 November 2026 (week 6)", "OVERDUE  Outcome of 2 November 2026 recorded: due 9 November 2026", "DUE      First review meeting: due 30 November 2026, 8 days left"}},
		{"pritchard-in-care", []string{"due 4 May 2026, done 23 March 2026", "due 20 April 2026, done 2 April 2026", "Outcome of 2 April 2026 recorded: due 13 April 2026, done 13 April 2026"}},
		{"novak-no-meeting", []string{"MISSED   First family/network meeting: due 2 November 2026, not done", "A rationale was recorded by Aleksandra Wiśniewska (Team Manager) on 30 October 2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			code, out, errs := run("validate", filepath.Join(examples, tt.example+".json"), "--today", "2026-11-22")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			golden(t, "validate_"+tt.example+".txt", out)
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(path, []byte(got), 0o644)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden %s: go test ./cmd/safetyplan -update", path)
	}
	if string(want) != got {
		os.WriteFile(path+".got", []byte(got), 0o644)
		t.Errorf("output differs from %s (see .got)", path)
	}
}

func TestValidateExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	hughes, _ := os.ReadFile(filepath.Join(examples, "hughes-review.json"))
	pritchard := string(mustRead(t, filepath.Join(examples, "pritchard-in-care.json")))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"valid", []string{"validate", write("ok.json", string(hughes)), "--today", "2026-11-22"}, exitOK, ""},
		{"misspelt key", []string{"validate", write("typo.json", strings.Replace(string(hughes), `"meetings": [`, `"no_meeting_rationale": null, "meetings_": [`, 1)), "--today", "2026-11-22"}, exitInput, "meetings_"},
		{"invalid input", []string{"validate", write("bad.json", strings.Replace(string(hughes), `"2026-10-06"`, `"2026-02-30"`, 1))}, exitInput, "2026-02-30"},
		{"missing upload", []string{"validate", write("pritchard.json", pritchard)}, exitInput, "rhys-drawing.png"},
		{"upload found", []string{"validate", filepath.Join(examples, "pritchard-in-care.json"), "--today", "2026-11-22"}, exitOK, ""},
		{"no file", []string{"validate"}, exitInput, "give exactly one plan file"},
		{"bad today", []string{"validate", filepath.Join(examples, "hughes-review.json"), "--today", "22/11/2026"}, exitInput, "--today"},
		{"unknown command", []string{"frobnicate"}, exitInput, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d (want %d), stderr %q (want it to mention %q)", code, tt.code, errs, tt.stderr)
			}
		})
	}
}

func TestComplianceErrorExitsOne(t *testing.T) {
	novak := string(mustRead(t, filepath.Join(examples, "novak-no-meeting.json")))
	// A rationale recorded by a social worker does not satisfy the Practice Direction.
	bad := strings.Replace(novak, `"recorded_by": {
      "name": "Aleksandra Wiśniewska",
      "role": "team_manager"`, `"recorded_by": {
      "name": "Sophie Turner",
      "role": "social_worker"`, 1)
	if bad == novak {
		t.Fatal("test fixture did not change")
	}
	p := filepath.Join(t.TempDir(), "novak.json")
	os.WriteFile(p, []byte(bad), 0o644)
	code, out, _ := run("validate", p, "--today", "2026-11-22")
	if code != exitCompliance || !strings.Contains(out, "error") {
		t.Errorf("exit %d, want %d; output:\n%s", code, exitCompliance, out)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRenderAndExtract(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run("render", filepath.Join(examples, "pritchard-in-care.json"), "-o", dir, "--today", "2026-11-22")
	if code != exitOK {
		t.Fatalf("render exit %d: %s", code, errs)
	}
	files := strings.Fields(out)
	want := []string{"safety-plan", "words-and-pictures", "meeting-outcome_2026-03-23", "meeting-outcome_2026-04-02", "meeting-outcome_2026-06-12"}
	if len(files) != len(want) {
		t.Fatalf("render wrote %d files, want %d (%v): %v", len(files), len(want), want, files)
	}
	for i, w := range want {
		if !strings.Contains(filepath.Base(files[i]), w) {
			t.Errorf("file %d is %s, want the %s", i, filepath.Base(files[i]), w)
		}
	}
	next := filepath.Join(dir, "next")
	if code, _, errs := run("extract", files[0], "-o", next); code != exitOK {
		t.Fatalf("extract: %s", errs)
	}
	if !bytes.Equal(mustRead(t, filepath.Join(next, "plan.json")), mustRead(t, filepath.Join(examples, "pritchard-in-care.json"))) {
		t.Error("extracted plan differs")
	}
	// The drawing comes back as the PDF carries it: the same picture, a
	// fresh encode with no metadata.
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(mustRead(t, filepath.Join(next, "uploads", "rhys-drawing.png")))); err != nil || cfg.Width != 1200 || cfg.Height != 900 {
		t.Errorf("extracted drawing: %v %dx%d, want the 1200x900 picture", err, cfg.Width, cfg.Height)
	}
	if code, _, _ := run("validate", filepath.Join(next, "plan.json"), "--today", "2026-11-22"); code != exitOK {
		t.Error("the extracted plan does not validate with its extracted upload")
	}
	for _, f := range files[1:3] { // the child's book and an outcome form carry no plan
		if code, _, errs := run("extract", f, "-o", next); code != exitInput || !strings.Contains(errs, "does not carry a plan") {
			t.Errorf("extract from %s: exit %d %s", filepath.Base(f), code, errs)
		}
	}
}

func TestServeAndShutDownGracefully(t *testing.T) {
	var logs bytes.Buffer
	p := NewProgram(ServeConfig{Addr: "127.0.0.1:0", DrainTimeout: 10 * time.Second}, &logs)
	if err := p.Run(); err != nil {
		t.Fatal(err)
	}
	base := "http://" + p.Addr()
	resp, err := http.Get(base + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", err, resp)
	}
	resp.Body.Close()
	body, _ := os.ReadFile(filepath.Join(examples, "hughes-review.json"))
	// A request in flight when shutdown starts still completes.
	done := make(chan int, 1)
	go func() {
		r, err := http.Post(base+"/v1/documents/adult-plan", "application/json", bytes.NewReader(body))
		if err != nil {
			done <- 0
			return
		}
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
		done <- r.StatusCode
	}()
	time.Sleep(20 * time.Millisecond)
	if err := p.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if code := <-done; code != 200 {
		t.Errorf("in-flight request got %d, want 200", code)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still accepts connections after Close")
	}
	if !strings.Contains(logs.String(), `"route":"/v1/documents/adult-plan"`) {
		t.Error("no access log line for the request")
	}
}

func TestIllustrationsContactSheet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sheet.pdf")
	if code, _, errs := run("illustrations", "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b := mustRead(t, out); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("the contact sheet is not a PDF")
	}
}

// render tells the worker about a page too long for a child, and still
// writes the book.
func TestRenderNotesLongPage(t *testing.T) {
	dir := t.TempDir()
	data := mustRead(t, filepath.Join(examples, "adeyemi-early-help.json"))
	long := strings.TrimSpace(strings.Repeat("Mum works late and Tobi goes to Uncle Tunde's for tea. ", 6))
	data = bytes.Replace(data, []byte("Mum works late three nights a week."), []byte(long), 1)
	path := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("render", path, "-o", filepath.Join(dir, "out"), "--today", "2026-11-22")
	if code != exitOK || !strings.Contains(out, "words-and-pictures") {
		t.Fatalf("render exit %d: %s %s", code, out, errs)
	}
	if !strings.Contains(errs, "note: words_and_pictures.explanation.pages[1].text: Words and Pictures explanation page 2: 82 words; aim for under 40") {
		t.Errorf("no note about the long page: %q", errs)
	}
}

func TestTokenCommand(t *testing.T) {
	code, out, _ := run("token")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var token, hash string
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "token (give it to the client, once): "); ok {
			token = v
		}
		if v, ok := strings.CutPrefix(line, "hash (put it in the tokens file):   "); ok {
			hash = v
		}
	}
	if len(token) < 40 || httpapi.HashToken(token) != hash {
		t.Errorf("token %q and hash %q do not match", token, hash)
	}
}

// A deployment: the tokens file and the proxy address are read, and a
// request without credentials is refused.
func TestServeWithAuthentication(t *testing.T) {
	token, hash := httpapi.NewToken()
	hashes, _ := httpapi.ParseTokenHashes(hash)
	var logs bytes.Buffer
	p := NewProgram(ServeConfig{Addr: "127.0.0.1:0", DrainTimeout: 5 * time.Second, MetricsAddr: "127.0.0.1:0", Auth: httpapi.Auth{TokenHashes: hashes}}, &logs)
	if err := p.Run(); err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	get := func(auth string) int {
		req, _ := http.NewRequest("GET", "http://"+p.Addr()+"/v1/schema", nil)
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if got := get(""); got != http.StatusUnauthorized {
		t.Errorf("no token: %d, want 401", got)
	}
	if got := get(token); got != http.StatusOK {
		t.Errorf("the token: %d, want 200", got)
	}
}

// The store needs a key: a new one parses, and serving a store without
// one stops with a message that says what to set.
func TestStoreKeys(t *testing.T) {
	code, out, _ := run("store", "new-key")
	if code != exitOK {
		t.Fatalf("new-key exit %d", code)
	}
	if _, err := store.ParseKeyring(out); err != nil || !strings.Contains(out, ":") {
		t.Errorf("new-key printed %q: %v", out, err)
	}
	t.Setenv("SAFETYPLAN_STORE_KEYS", "")
	code, _, errs := run("serve", "--addr", "127.0.0.1:0", "--store", "sqlite:"+filepath.Join(t.TempDir(), "plans.db"))
	if code != exitInput || !strings.Contains(errs, "SAFETYPLAN_STORE_KEYS") {
		t.Errorf("serve with a store and no key: exit %d %s", code, errs)
	}
	// Rotation: data saved under one key is re-encrypted under a new one.
	keysFile := filepath.Join(t.TempDir(), "keys")
	old, _ := store.NewKey()
	os.WriteFile(keysFile, []byte(old+"\n"), 0o600)
	url := "sqlite:" + filepath.Join(t.TempDir(), "rot.db")
	ring, _ := store.ParseKeyring(old)
	st, err := store.Open(context.Background(), url, ring)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SavePlan(context.Background(), store.SavePlan{JSON: []byte(`{"x":1}`), By: "w", Summary: store.Summary{Team: "area"}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	fresh, _ := store.NewKey()
	os.WriteFile(keysFile, []byte(fresh+"\n"+old+"\n"), 0o600)
	code, out, errs = run("store", "reencrypt", "--store", url, "--store-keys-file", keysFile)
	if code != exitOK || !strings.Contains(out, "re-encrypted 1 values") {
		t.Errorf("reencrypt: exit %d %q %s", code, out, errs)
	}
}
