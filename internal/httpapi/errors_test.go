package httpapi

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
	"github.com/familynetwork/safetyplan/render"
)

// A panic while rendering answers 500 saying it is logged, and it is: with
// the request id and the stack of the goroutine that panicked, and with no
// plan content, even when the panic's value quotes the plan.
func TestPanicInRenderIsLoggedWithoutPlanContent(t *testing.T) {
	var logs bytes.Buffer
	s := New(Config{Log: slog.New(slog.NewJSONHandler(&logs, nil))})
	s.beforeRender = func(in *render.Input) {
		panic("cannot draw " + in.Plan.Children[0].Name + " of " + in.Plan.Case.Reference + " with " + in.Plan.People[0].Name)
	}
	hughes := example(t, "hughes-review.json")
	for _, route := range []string{"/v1/documents/adult-plan", "/v1/plans/validate"} {
		t.Run(route, func(t *testing.T) {
			logs.Reset()
			req := httptest.NewRequest("POST", route, bytes.NewReader(hughes))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Request-Id", "req-panic-1")
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != http.StatusInternalServerError {
				t.Fatalf("status %d; want 500", rec.Code)
			}
			var p Problem
			json.Unmarshal(rec.Body.Bytes(), &p)
			if p.RequestID != "req-panic-1" || !strings.Contains(p.Detail, "logged with the request id") {
				t.Errorf("the answer is %+v; want the request id and that it is logged", p)
			}
			var line map[string]any
			found := false
			for _, l := range strings.Split(logs.String(), "\n") {
				if json.Unmarshal([]byte(l), &line) == nil && line["msg"] == "internal error" {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("no error logged:\n%s", logs.String())
			}
			if line["request_id"] != "req-panic-1" || line["route"] != route {
				t.Errorf("logged request_id %v, route %v; want req-panic-1, %s", line["request_id"], line["route"], route)
			}
			stack, _ := line["stack"].(string)
			if !strings.Contains(stack, "goroutine") || !strings.Contains(stack, "TestPanicInRenderIsLoggedWithoutPlanContent") {
				t.Errorf("the logged stack does not reach the panicking function:\n%.2000s", stack)
			}
			for _, secret := range []string{"Rhys", "Hughes", "LCS-2041187", "Nana", "Jean", "Leanne", "cannot draw"} {
				if strings.Contains(logs.String(), secret) {
					t.Errorf("the log holds %q (plan content or the panic's value)", secret)
				}
			}
		})
	}
}

// Every 500 is logged with the request id; what failed is named by the
// store's own message (ids, never content) or else only by its type.
func TestServerErrorsAreLogged(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		want      string
		forbidden string
	}{
		{"a store error", fmt.Errorf("store: saving plan p1: %w", errors.New("connection reset")), "store: saving plan p1: connection reset", ""},
		{"any other error", fmt.Errorf("drawing %q: too wide", "Rhys Hughes"), "*errors.errorString", "Rhys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			log := slog.New(slog.NewJSONHandler(&logs, nil))
			rec := httptest.NewRecorder()
			c, _ := gin.CreateTestContext(rec)
			c.Request = httptest.NewRequest("POST", "/v1/plans", nil)
			c.Set(logKey, log)
			c.Set(requestIDKey, "req-500")
			abort(c, tt.err)
			if rec.Code != 500 {
				t.Fatalf("status %d", rec.Code)
			}
			if !strings.Contains(logs.String(), `"request_id":"req-500"`) || !strings.Contains(logs.String(), tt.want) {
				t.Errorf("logged %s; want the request id and %q", logs.String(), tt.want)
			}
			if tt.forbidden != "" && strings.Contains(logs.String(), tt.forbidden) {
				t.Errorf("logged %q: %s", tt.forbidden, logs.String())
			}
		})
	}
}

// A save held up past its deadline (here by a lock another transaction
// holds) is answered 503 saying nothing was saved, and nothing is: once
// the lock goes, the plan still has one version.
func TestSaveHeldUpIsNotCommittedLater(t *testing.T) {
	url := storetest.PostgresURL(t)
	keys, err := store.ParseKeyring(storetest.KeyringText(t))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenOptions(t.Context(), url, keys, store.Options{Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := New(Config{Store: st})
	sc := storeClient{t, s}
	var saved SavedResponse
	sc.json("POST", "/v1/plans", example(t, "hughes-review.json"), 201, &saved)

	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lock, err := db.BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec("SELECT 1 FROM plans WHERE id = $1 FOR UPDATE", saved.PlanID); err != nil {
		t.Fatal(err)
	}
	rec := sc.do("PUT", "/v1/plans/"+saved.PlanID+"?base=1", example(t, "hughes-review.json"), map[string]string{"Content-Type": "application/json"})
	lock.Rollback()
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "nothing was saved") {
		t.Errorf("the held-up save: %d %s; want 503 saying nothing was saved", rec.Code, rec.Body)
	}
	var vs struct{ Versions []store.Version }
	sc.json("GET", "/v1/plans/"+saved.PlanID+"/versions", nil, 200, &vs)
	if len(vs.Versions) != 1 {
		t.Errorf("%d versions after the failed save; want 1", len(vs.Versions))
	}
}
