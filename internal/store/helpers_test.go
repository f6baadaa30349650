package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// PostgresEnv names the PostgreSQL the tests use, for example
// postgres://postgres@127.0.0.1:5432/test?sslmode=disable. Each test gets
// its own schema there, dropped afterwards.
const PostgresEnv = "SAFETYPLAN_TEST_POSTGRES"

// newDBFunc makes a fresh, empty database for one test and returns its
// store URL; the database is removed when the test ends.
type newDBFunc func(t *testing.T) string

func sqliteDB(t *testing.T) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "store.db")
}

// postgresDB creates a schema with a random name and returns a URL whose
// search_path is that schema.
func postgresDB(base string) newDBFunc {
	return func(t *testing.T) string {
		t.Helper()
		b := make([]byte, 6)
		rand.Read(b)
		schema := "store_test_" + hex.EncodeToString(b)
		admin, err := openPostgres(base)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
			admin.Close()
			t.Fatalf("creating schema %s: %v", schema, err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
				t.Errorf("dropping schema %s: %v", schema, err)
			}
			admin.Close()
		})
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		return base + sep + "search_path=" + schema
	}
}

// postgresURL returns the test PostgreSQL's URL, skipping the test when it
// is not set, except under CI, where the PostgreSQL tests must run.
func postgresURL(t *testing.T) string {
	t.Helper()
	url := os.Getenv(PostgresEnv)
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set, and CI must run the PostgreSQL tests: set it to a database URL such as postgres://postgres@127.0.0.1:5432/test?sslmode=disable", PostgresEnv)
		}
		t.Skipf("%s is not set: skipping the PostgreSQL tests", PostgresEnv)
	}
	return url
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2026, 11, 22, 10, 30, 0, 123456789, time.UTC)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// testKey makes a random key with the id.
func testKey(t *testing.T, id string) Key {
	t.Helper()
	b := make([]byte, KeySize)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return Key{ID: id, Secret: b}
}

func ring(t *testing.T, cur Key, old ...Key) Keyring {
	t.Helper()
	k, err := NewKeyring(cur, old...)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// openStore opens the store at url and closes it when the test ends.
func openStore(t *testing.T, url string, keys Keyring, c *clock) *sqlStore {
	t.Helper()
	opt := Options{}
	if c != nil {
		opt.Now = c.Now
	}
	s, err := open(context.Background(), url, keys, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// rawDB opens the database behind a store URL without migrating it.
func rawDB(t *testing.T, url string) (*sql.DB, dialect) {
	t.Helper()
	var (
		db  *sql.DB
		d   dialect
		err error
	)
	if strings.HasPrefix(url, "sqlite:") {
		db, err = openSQLite(strings.TrimPrefix(url, "sqlite:"))
		d = sqliteDialect
	} else {
		db, err = openPostgres(url)
		d = postgresDialect
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, d
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// count returns SELECT COUNT(*) FROM table WHERE where.
func count(t *testing.T, s *sqlStore, table, where string, args ...any) int {
	t.Helper()
	q := "SELECT COUNT(*) FROM " + table
	if where != "" {
		q += " WHERE " + where
	}
	var n int
	if err := s.queryRow(context.Background(), s.db, q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// planJSON is a small plan-shaped JSON with a marker in its text.
func planJSON(marker string) []byte {
	return []byte(fmt.Sprintf(`{"schema_version":1,"case":{"reference":"REF-1","team":"area"},"people":[{"id":"nana","name":"Nana Jean"}],"note":%q}`, marker))
}

// dayp returns a pointer to the date s.
func dayp(s string) *plan.Date { d := plan.MustDate(s); return &d }

// day returns the date s.
func day(s string) plan.Date { return plan.MustDate(s) }

// dateOrZero returns the date s, or the zero date for "".
func dateOrZero(s string) plan.Date {
	if s == "" {
		return plan.Date{}
	}
	return plan.MustDate(s)
}
