package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The schema migrations, one directory per dialect, files NNNN_name.sql
// numbered from 1 without gaps. They are forward-only: a migration is never
// edited once released; a change is a new file.
//
//go:embed migrations
var migrationFS embed.FS

// migrateLockKey is the PostgreSQL advisory lock that serializes replicas
// migrating the same database at once.
const migrateLockKey int64 = 0x5afe_91a0_0001

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the dialect's migrations in order. It panics on a
// malformed set, which TestMigrationFiles catches.
func migrations(d dialect) []migration {
	dir := path.Join("migrations", d.name)
	entries, err := migrationFS.ReadDir(dir)
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			panic(fmt.Sprintf("store: migration file %s/%s is not NNNN_name.sql", dir, e.Name()))
		}
		b, err := migrationFS.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(e.Name(), ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("store: %s migrations are not numbered 1, 2, 3...: %s", d.name, m.name))
		}
	}
	return ms
}

// SchemaVersion is the schema version this package migrates databases to.
func SchemaVersion() int { return len(migrations(sqliteDialect)) }

// migrate brings the database to schema version target, applying each
// missing migration in its own transaction with its row in
// schema_migrations. On PostgreSQL it holds an advisory lock meanwhile, so
// replicas starting together migrate one after the other; on SQLite each
// migration's transaction takes the write lock at BEGIN and re-reads the
// version inside it. A database newer than this program is refused.
func migrate(ctx context.Context, db *sql.DB, d dialect, target int) (err error) {
	all := migrations(d)
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: migrating: %w", err)
	}
	defer conn.Close()

	if d.name == "postgres" {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrateLockKey); err != nil {
			return fmt.Errorf("store: migrating: taking the migration lock: %w", err)
		}
		defer func() {
			// Unlock even when ctx is done; if that fails, drop the
			// connection so that the session's lock goes with it.
			uctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if _, uerr := conn.ExecContext(uctx, "SELECT pg_advisory_unlock($1)", migrateLockKey); uerr != nil {
				_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			}
		}()
	}

	timeType := "INTEGER"
	if d.name == "postgres" {
		timeType = "BIGINT"
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at `+timeType+` NOT NULL
)`); err != nil {
		return fmt.Errorf("store: migrating: creating schema_migrations: %w", err)
	}

	cur, err := schemaVersion(ctx, conn)
	if err != nil {
		return err
	}
	if cur > len(all) {
		return fmt.Errorf("store: the database's schema is version %d, newer than this program's %d: migrations are forward-only, so run a newer program", cur, len(all))
	}
	for _, m := range all[:target] {
		if err := applyMigration(ctx, conn, d, m); err != nil {
			return err
		}
	}
	return nil
}

func schemaVersion(ctx context.Context, q querier) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: reading the schema version: %w", err)
	}
	return v, nil
}

func applyMigration(ctx context.Context, conn *sql.Conn, d dialect, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	cur, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if cur >= m.version {
		return nil // another process applied it
	}
	if cur != m.version-1 {
		return fmt.Errorf("store: migration %s: the database is at version %d", m.name, cur)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, d.q("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"),
		m.version, m.name, toMicros(time.Now())); err != nil {
		return fmt.Errorf("store: migration %s: recording it: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %s: commit: %w", m.name, err)
	}
	return nil
}
