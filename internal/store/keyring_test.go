package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseKeyring(t *testing.T) {
	k1 := bytes.Repeat([]byte{1}, 32)
	k2 := bytes.Repeat([]byte{2}, 32)
	std := base64.StdEncoding.EncodeToString
	for _, tc := range []struct {
		name    string
		in      string
		wantIDs []string
		wantErr string
	}{
		{"one key", "k1:" + std(k1), []string{"k1"}, ""},
		{"comma-separated, current first", "k2:" + std(k2) + ",k1:" + std(k1), []string{"k2", "k1"}, ""},
		{"lines with comments and spaces", "# rotated 2026-11\n  k2 : " + std(k2) + "  \n\n# old\nk1:" + std(k1) + "\n", []string{"k2", "k1"}, ""},
		{"Windows line ends", "k2:" + std(k2) + "\r\nk1:" + std(k1) + "\r\n", []string{"k2", "k1"}, ""},
		{"URL-safe base64 without padding", "k1:" + base64.RawURLEncoding.EncodeToString(k1), []string{"k1"}, ""},
		{"nothing", "", nil, ""},
		{"only comments", "# no keys yet\n\n", nil, ""},
		{"no colon", std(k1), nil, "not ID:BASE64KEY"},
		{"no id", ":" + std(k1), nil, "not ID:BASE64KEY"},
		{"not base64", "k1:not*base64!", nil, "not base64"},
		{"a 16-byte key", "k1:" + std(k1[:16]), nil, "must be 32"},
		{"the same id twice", "k1:" + std(k1) + ",k1:" + std(k2), nil, "given twice"},
		{"an id with a space", "my key:" + std(k1), nil, "must be 1 to 64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, err := ParseKeyring(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseKeyring = %v, %v; want an error containing %q", k, err, tc.wantErr)
				}
				for _, secret := range []string{std(k1), std(k2)} {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("the error %q quotes a key", err)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := k.IDs(); fmt.Sprint(got) != fmt.Sprint(tc.wantIDs) || k.Empty() != (len(tc.wantIDs) == 0) {
				t.Errorf("ids %v (empty %v); want %v", got, k.Empty(), tc.wantIDs)
			}
			if len(tc.wantIDs) > 0 && k.Current() != tc.wantIDs[0] {
				t.Errorf("current %q; want %q", k.Current(), tc.wantIDs[0])
			}
		})
	}
}

func TestKeyringNeverPrintsKeys(t *testing.T) {
	secret := bytes.Repeat([]byte{0x5a}, 32)
	k, err := ParseKeyring("k1:" + base64.StdEncoding.EncodeToString(secret))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(format, k)
		if strings.Contains(out, base64.StdEncoding.EncodeToString(secret)) || strings.Contains(out, string(secret)) || !strings.Contains(out, "k1") {
			t.Errorf("Sprintf(%q) = %q; want the id only", format, out)
		}
	}
}

func TestNewKey(t *testing.T) {
	seen := map[string]bool{}
	for range 3 {
		entry, err := NewKey()
		if err != nil {
			t.Fatal(err)
		}
		k, err := ParseKeyring(entry)
		if err != nil {
			t.Fatalf("NewKey made %q, which does not parse: %v", entry, err)
		}
		if seen[entry] || seen[k.Current()] {
			t.Errorf("NewKey repeated itself: %s", k.Current())
		}
		seen[entry], seen[k.Current()] = true, true
	}
}

func TestSealOpen(t *testing.T) {
	a, err := NewKeyring(Key{ID: "a", Secret: bytes.Repeat([]byte{1}, 32)})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewKeyring(Key{ID: "b", Secret: bytes.Repeat([]byte{2}, 32)}, Key{ID: "a", Secret: bytes.Repeat([]byte{1}, 32)})
	otherA, _ := NewKeyring(Key{ID: "a", Secret: bytes.Repeat([]byte{3}, 32)})
	id, ct, err := a.seal([]byte("hello"), []byte("row 1"))
	if err != nil || id != "a" {
		t.Fatalf("seal = %q, %v", id, err)
	}
	for _, tc := range []struct {
		name  string
		keys  Keyring
		keyID string
		ct    []byte
		aad   string
		ok    bool
	}{
		{"the same key and row", a, id, ct, "row 1", true},
		{"an old key in a newer keyring", b, id, ct, "row 1", true},
		{"another row", a, id, ct, "row 2", false},
		{"a key missing from the keyring", b, "c", ct, "row 1", false},
		{"a different key with the same id", otherA, id, ct, "row 1", false},
		{"a truncated ciphertext", a, id, ct[:10], "row 1", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pt, err := tc.keys.open(tc.keyID, tc.ct, []byte(tc.aad))
			if tc.ok {
				if err != nil || string(pt) != "hello" {
					t.Errorf("open = %q, %v; want hello", pt, err)
				}
			} else if !errors.Is(err, ErrDecrypt) {
				t.Errorf("open = %q, %v; want ErrDecrypt", pt, err)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	keys := ring(t, testKey(t, "k1"))
	dir := t.TempDir()
	for _, tc := range []struct {
		name    string
		url     string
		keys    Keyring
		wantErr string
		notIn   string
	}{
		{"no key", "sqlite:" + filepath.Join(dir, "a.db"), Keyring{}, KeysEnv, ""},
		{"an unknown kind of store", "mysql://root@localhost/test", keys, "sqlite:PATH or postgres://", ""},
		{"a bare file name", filepath.Join(dir, "a.db"), keys, "unknown store", ""},
		{"sqlite without a file", "sqlite:", keys, "no file name", ""},
		{"a sqlite file with a query", "sqlite:" + filepath.Join(dir, "a.db") + "?mode=ro", keys, "must not contain", ""},
		{"a PostgreSQL that is not there", "postgres://someone:hunter2secret@127.0.0.1:1/db?sslmode=disable&connect_timeout=5", keys, "connecting to", "hunter2secret"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(context.Background(), tc.url, tc.keys)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded", tc.url)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Open(%q) = %v; want an error containing %q", tc.url, err, tc.wantErr)
			}
			if tc.notIn != "" && strings.Contains(err.Error(), tc.notIn) {
				t.Errorf("the error %q shows the password", err)
			}
		})
	}
	if _, err := Open(context.Background(), "sqlite::memory:", Keyring{}); !errors.Is(err, ErrNoKey) {
		t.Errorf("Open with no key = %v; want ErrNoKey", err)
	}
}

func TestMemory(t *testing.T) {
	s, err := Open(context.Background(), "sqlite::memory:", ring(t, testKey(t, "k1")))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	v, err := s.SavePlan(ctx, SavePlan{JSON: []byte(`{"a":1}`), By: "w", Summary: Summary{Team: "area"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Plan(ctx, v.PlanID, 0)
	if err != nil || string(p.JSON) != `{"a":1}` {
		t.Errorf("Plan = %v, %v", p, err)
	}
}

func TestMigrationFiles(t *testing.T) {
	lite, pg := migrations(sqliteDialect), migrations(postgresDialect)
	if len(lite) != len(pg) || len(lite) != SchemaVersion() {
		t.Fatalf("%d SQLite and %d PostgreSQL migrations; SchemaVersion %d", len(lite), len(pg), SchemaVersion())
	}
	for i := range lite {
		if lite[i].version != pg[i].version || lite[i].name != pg[i].name {
			t.Errorf("migration %d is %s on SQLite but %s on PostgreSQL", i+1, lite[i].name, pg[i].name)
		}
	}
}
