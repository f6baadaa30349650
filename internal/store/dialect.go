package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect holds the few differences between SQLite and PostgreSQL. Queries
// are written with PostgreSQL's $1 placeholders; SQLite reads them as ?1.
type dialect struct {
	name string
	// readTx are the options of a read-only transaction that sees one
	// snapshot.
	readTx *sql.TxOptions
}

var (
	sqliteDialect   = dialect{name: "sqlite", readTx: &sql.TxOptions{ReadOnly: true}}
	postgresDialect = dialect{name: "postgres", readTx: &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}}
)

// q rewrites a query's placeholders for the dialect.
func (d dialect) q(query string) string {
	if d.name == "sqlite" {
		return strings.ReplaceAll(query, "$", "?")
	}
	return query
}

// isUniqueViolation reports whether err is a unique or primary key
// constraint failure.
func (d dialect) isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23505"
	}
	var sqErr *sqlite.Error
	if errors.As(err, &sqErr) {
		return sqErr.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || sqErr.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// openSQLite opens a SQLite database file (or ":memory:"), creating it
// with permissions 0600, with foreign
// keys enforced, WAL, full fsync at commit, deleted content overwritten,
// a busy timeout, and write transactions that take the write lock at BEGIN
// (so a read-then-write transaction never fails to upgrade its lock).
func openSQLite(path string) (*sql.DB, error) {
	path = strings.TrimPrefix(path, "//")
	if path == "" {
		return nil, fmt.Errorf("store: sqlite: no file name: use sqlite:PATH")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: sqlite: the file name %q must not contain ? or #", path)
	}
	memory := path == ":memory:"
	if !memory {
		// Created readable by this user alone; SQLite gives its -wal and
		// -shm files the same permissions. An existing file is left as it is.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		switch {
		case err == nil:
			f.Close()
		case !errors.Is(err, fs.ErrExist):
			return nil, fmt.Errorf("store: sqlite: %w", err)
		}
	}
	params := "_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=secure_delete(1)&_txlock=immediate"
	if !memory {
		params += "&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	}
	db, err := sql.Open("sqlite", path+"?"+params)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: %w", err)
	}
	if memory {
		// Each connection to :memory: is its own database: keep one.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	} else {
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
	}
	return db, nil
}

// openPostgres opens a PostgreSQL database through pgx's database/sql
// driver. Query parameters pgx does not know (search_path, for example)
// are sent to the server as run-time settings.
func openPostgres(url string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %s", strings.ReplaceAll(err.Error(), url, redactURL(url)))
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(4)
	return db, nil
}

// querier is what *sql.DB, *sql.Tx and *sql.Conn share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *sqlStore) exec(ctx context.Context, q querier, query string, args ...any) (sql.Result, error) {
	return q.ExecContext(ctx, s.d.q(query), args...)
}

func (s *sqlStore) query(ctx context.Context, q querier, query string, args ...any) (*sql.Rows, error) {
	return q.QueryContext(ctx, s.d.q(query), args...)
}

func (s *sqlStore) queryRow(ctx context.Context, q querier, query string, args ...any) *sql.Row {
	return q.QueryRowContext(ctx, s.d.q(query), args...)
}

// inTx runs fn in a read-write transaction and commits when fn returns nil.
func (s *sqlStore) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.tx(ctx, nil, fn)
}

// inReadTx runs fn in a read-only transaction that sees one snapshot.
func (s *sqlStore) inReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.tx(ctx, s.d.readTx, fn)
}

func (s *sqlStore) tx(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

func sortStrings(s []string) { sort.Strings(s) }

// Times are stored as microseconds since the Unix epoch, UTC: portable and
// ordered the same in both databases.
func toMicros(t time.Time) int64 { return t.UTC().UnixMicro() }

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

func fromNullMicros(n sql.NullInt64) *time.Time {
	if !n.Valid {
		return nil
	}
	t := fromMicros(n.Int64)
	return &t
}
