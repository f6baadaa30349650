// Package storetest gives other packages' tests a fresh store on each
// backend: SQLite always, and PostgreSQL when SAFETYPLAN_TEST_POSTGRES names
// one (CI must set it: there, a missing variable fails the test).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/store"
)

// PostgresEnv names the PostgreSQL the tests use, for example
// postgres://postgres@127.0.0.1:5432/test?sslmode=disable.
const PostgresEnv = "SAFETYPLAN_TEST_POSTGRES"

// Backend is one kind of store to test against.
type Backend struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Open makes a fresh, empty store for one test, closed and removed
	// when the test ends.
	Open func(t *testing.T, opt store.Options) store.Store
}

// Backends lists the backends to run a test against.
func Backends() []Backend {
	return []Backend{{"sqlite", openSQLite}, {"postgres", openPostgres}}
}

// KeyringText makes a keyring of one new key, as SAFETYPLAN_STORE_KEYS
// holds it, for starting the service in another process.
func KeyringText(t *testing.T) string {
	t.Helper()
	k, err := store.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func keys(t *testing.T) store.Keyring {
	ring, err := store.ParseKeyring(KeyringText(t))
	if err != nil {
		t.Fatal(err)
	}
	return ring
}

func open(t *testing.T, url string, opt store.Options) store.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := store.OpenOptions(ctx, url, keys(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openSQLite(t *testing.T, opt store.Options) store.Store {
	return open(t, "sqlite:"+filepath.Join(t.TempDir(), "store.db"), opt)
}

// openPostgres makes a schema with a random name for the test.
func openPostgres(t *testing.T, opt store.Options) store.Store {
	t.Helper()
	return open(t, PostgresURL(t), opt)
}

// PostgresURL makes an empty schema with a random name for the test, dropped
// when it ends, and returns a store URL for it: for tests that open the
// same database from several replicas. It skips the test when
// SAFETYPLAN_TEST_POSTGRES is not set, and fails it under CI=true.
func PostgresURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set, and CI must run the PostgreSQL tests", PostgresEnv)
		}
		t.Skipf("%s is not set: skipping the PostgreSQL backend", PostgresEnv)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "api_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
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
		_, _ = admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}
