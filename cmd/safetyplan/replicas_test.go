package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// TestMain lets the test binary be the program, for the tests that start
// the service as separate processes: with SAFETYPLAN_TEST_AS_MAIN=1 it runs
// main with its arguments instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv("SAFETYPLAN_TEST_AS_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// replica is one `safetyplan serve` process.
type replica struct {
	name string
	base string
}

// startReplica starts `serve` in its own process on the store and keys
// given, and stops it (SIGINT, then waits) when the test ends.
func startReplica(t *testing.T, name, storeURL, keys string, args ...string) replica {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--addr", "127.0.0.1:0", "--store", storeURL, "--drain-delay", "0s"}, args...)...)
	cmd.Env = append(os.Environ(), "SAFETYPLAN_TEST_AS_MAIN=1", "SAFETYPLAN_STORE_KEYS="+keys)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		var l struct{ Msg, Addr string }
		if json.Unmarshal(lines.Bytes(), &l) == nil && l.Msg == "listening" {
			go func() { _, _ = io.Copy(io.Discard, out) }()
			return replica{name: name, base: "http://" + l.Addr}
		}
	}
	t.Fatalf("replica %s did not start: %s", name, stderr.String())
	return replica{}
}

// twoReplicas starts A and B on one fresh PostgreSQL schema with one keyring.
func twoReplicas(t *testing.T, args ...string) (replica, replica) {
	t.Helper()
	url := storetest.PostgresURL(t)
	keys := storetest.KeyringText(t)
	return startReplica(t, "A", url, keys, args...), startReplica(t, "B", url, keys, args...)
}

var noRedirect = &http.Client{Timeout: time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func call(t *testing.T, method, target, ctype string, body []byte, cookie string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, target, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func saveAndShare(t *testing.T, on replica) (planID string, share httpapi.ShareResponse) {
	t.Helper()
	hughes, err := os.ReadFile(filepath.Join(examples, "hughes-review.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, b := call(t, "POST", on.base+"/v1/plans", "application/json", hughes, "")
	var saved httpapi.SavedResponse
	if res.StatusCode != http.StatusCreated || json.Unmarshal(b, &saved) != nil {
		t.Fatalf("saving on %s: %d %.300s", on.name, res.StatusCode, b)
	}
	res, b = call(t, "POST", on.base+"/v1/plans/"+saved.PlanID+"/shares", "application/json", []byte(`{"document":"adult-plan","person":"nana"}`), "")
	if res.StatusCode != http.StatusCreated || json.Unmarshal(b, &share) != nil {
		t.Fatalf("sharing on %s: %d %.300s", on.name, res.StatusCode, b)
	}
	return saved.PlanID, share
}

// on rewrites a share link to another replica's address.
func on(r replica, link string) string {
	u, _ := url.Parse(link)
	return r.base + u.Path
}

func postCode(t *testing.T, r replica, link, code string) (*http.Response, string) {
	t.Helper()
	res, b := call(t, "POST", on(r, link), "application/x-www-form-urlencoded", []byte("code="+code), "")
	return res, string(b)
}

// Nothing a person does may depend on which replica answers. Two `serve`
// processes share one PostgreSQL and one keyring, and nothing else.
func TestTwoReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two service processes")
	}
	a, b := twoReplicas(t)
	planID, share := saveAndShare(t, a)

	t.Run("the code given on A opens the document on B", func(t *testing.T) {
		res, body := postCode(t, a, share.Link, share.Code)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("the right code on A: %d %.300s", res.StatusCode, body)
		}
		var cookie string
		for _, c := range res.Cookies() {
			if c.Name == "sp_share" {
				cookie = c.Name + "=" + c.Value
			}
		}
		if cookie == "" {
			t.Fatal("A started no session")
		}
		res, pdf := call(t, "GET", on(b, share.Link)+"/document", "", nil, cookie)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("the document on B: %d %s %.100q; want the PDF", res.StatusCode, res.Header.Get("Content-Type"), pdf)
		}
		res, page := call(t, "GET", on(b, share.Link), "", nil, cookie)
		if res.StatusCode != http.StatusOK || !strings.Contains(string(page), "Download the PDF") {
			t.Errorf("the share page on B asks for the code again: %d", res.StatusCode)
		}
		res, _ = call(t, "GET", on(b, share.Link)+"/document", "", nil, "sp_share=forged."+fmt.Sprint(time.Now().Add(time.Hour).Unix())+".k1.AAAA")
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("a forged session on B: %d; want 303 to the code page", res.StatusCode)
		}
	})

	t.Run("five wrong codes split between A and B lock the link", func(t *testing.T) {
		_, sh := saveAndShare(t, b)
		wrong := "000000"
		if sh.Code == wrong {
			wrong = "111111"
		}
		for i := 1; i <= 5; i++ {
			r := a
			if i%2 == 0 {
				r = b
			}
			res, body := postCode(t, r, sh.Link, wrong)
			want := http.StatusUnprocessableEntity
			if i == 5 {
				want = http.StatusGone
			}
			if res.StatusCode != want {
				t.Fatalf("wrong code %d on %s: %d; want %d: %.200s", i, r.name, res.StatusCode, want, body)
			}
			if i < 5 && !strings.Contains(body, fmt.Sprintf("try %d more time", 5-i)) {
				t.Errorf("wrong code %d on %s does not say %d tries are left", i, r.name, 5-i)
			}
		}
		for _, r := range []replica{a, b} {
			if res, body := postCode(t, r, sh.Link, sh.Code); res.StatusCode != http.StatusGone || !strings.Contains(body, "stopped working") {
				t.Errorf("the right code on %s after the lock: %d; want 410 saying the link stopped working", r.name, res.StatusCode)
			}
		}
	})

	t.Run("two workers saving the same version on A and B: one gets the conflict", func(t *testing.T) {
		hughes, _ := os.ReadFile(filepath.Join(examples, "hughes-review.json"))
		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i, r := range []replica{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req, _ := http.NewRequest("PUT", r.base+"/v1/plans/"+planID+"?base=1", bytes.NewReader(hughes))
				req.Header.Set("Content-Type", "application/json")
				res, err := noRedirect.Do(req)
				if err != nil {
					return
				}
				res.Body.Close()
				codes[i] = res.StatusCode
			}()
		}
		wg.Wait()
		ok, conflict := 0, 0
		for _, c := range codes {
			switch c {
			case http.StatusOK:
				ok++
			case http.StatusConflict:
				conflict++
			}
		}
		if ok != 1 || conflict != 1 {
			t.Errorf("the two saves answered %v; want one 200 and one 409", codes)
		}
		res, body := call(t, "GET", b.base+"/v1/plans/"+planID+"/versions", "", nil, "")
		if res.StatusCode != http.StatusOK || strings.Count(string(body), `"version":`) != 2 {
			t.Errorf("versions after the two saves: %d %s; want versions 1 and 2", res.StatusCode, body)
		}
	})
}

// The limit on codes per address is counted in the store: spread over A and
// B, it is reached after the limit, not after twice the limit.
func TestTwoReplicasShareTheCodeRateLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two service processes")
	}
	const limit = 6
	a, b := twoReplicas(t, "--code-limit", fmt.Sprint(limit))
	link := "http://x/s/no-such-link-at-all"
	first := 0
	for i := 1; i <= 2*limit+1 && first == 0; i++ {
		r := a
		if i%2 == 0 {
			r = b
		}
		res, body := postCode(t, r, link, "123456")
		switch res.StatusCode {
		case http.StatusNotFound:
		case http.StatusTooManyRequests:
			first = i
			if res.Header.Get("Retry-After") == "" || !strings.Contains(body, "Please wait") {
				t.Errorf("the 429 on %s has no Retry-After or says %.300s", r.name, body)
			}
		default:
			t.Fatalf("code %d on %s: %d %.200s", i, r.name, res.StatusCode, body)
		}
	}
	// A fixed window may end during the test, which can only delay the
	// limit; counted per replica it would come at 2*limit+1.
	if first < limit+1 || first > 2*limit {
		t.Fatalf("the first 429 came at code %d; want from %d (shared count), before %d (counted per replica)", first, limit+1, 2*limit+1)
	}
	other := a
	if first%2 == 1 {
		other = b
	}
	if res, _ := postCode(t, other, link, "123456"); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("the next code on %s: %d; want 429 there too", other.name, res.StatusCode)
	}
}

// A malformed environment value stops serve with a message naming it, as a
// malformed flag does; a flag given on the command line overrides it.
func TestServeRefusesMalformedEnvironment(t *testing.T) {
	tests := []struct {
		name, key, value string
		args             []string
		want             string
	}{
		{"workers", "SAFETYPLAN_WORKERS", "abc", nil, `SAFETYPLAN_WORKERS="abc" is not a whole number`},
		{"a negative queue", "SAFETYPLAN_QUEUE", "-4", nil, `SAFETYPLAN_QUEUE="-4" is not a whole number`},
		{"a render timeout without a unit", "SAFETYPLAN_RENDER_TIMEOUT", "20", nil, `SAFETYPLAN_RENDER_TIMEOUT="20" is not a duration`},
		{"the body limit", "SAFETYPLAN_MAX_BODY", "25MB", nil, `SAFETYPLAN_MAX_BODY="25MB" is not a whole number`},
		{"the code limit", "SAFETYPLAN_CODE_LIMIT", "lots", nil, `SAFETYPLAN_CODE_LIMIT="lots"`},
		{"retention", "SAFETYPLAN_RETENTION", "1y", nil, `SAFETYPLAN_RETENTION="1y" is not a duration`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(tt.key, tt.value)
			code, _, errs := run(append([]string{"serve", "--addr", "127.0.0.1:0"}, tt.args...)...)
			if code != exitInput || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, %q; want exit %d naming %s", code, errs, exitInput, tt.want)
			}
		})
	}
}
