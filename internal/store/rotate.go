package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// sealedTable describes a table holding encrypted values: its key id and
// ciphertext columns, its primary key (text columns then integer columns)
// and the additional data that binds a value to its row.
type sealedTable struct {
	name, keyCol, ctCol string
	textPK, intPK       []string
	aad                 func(text []string, ints []int) []byte
	// batch is how many values one transaction of Reencrypt rewrites:
	// fewer where values may be megabytes (plans with inline pictures,
	// uploads), so that a batch holds little memory and the write lock
	// briefly.
	batch int
}

var sealedTables = []sealedTable{
	{name: "plan_versions", keyCol: "key_id", ctCol: "ciphertext", textPK: []string{"plan_id"}, intPK: []string{"version"},
		aad: func(t []string, i []int) []byte { return planAAD(t[0], i[0]) }, batch: 20},
	{name: "uploads", keyCol: "key_id", ctCol: "ciphertext", textPK: []string{"plan_id"}, intPK: []string{"version", "seq"},
		aad: func(t []string, i []int) []byte { return uploadAAD(t[0], i[0], i[1]) }, batch: 5},
	{name: "shares", keyCol: "person_key_id", ctCol: "person_ciphertext", textPK: []string{"id"},
		aad: func(t []string, _ []int) []byte { return shareAAD(t[0]) }, batch: 200},
}

// Reencrypt rewrites, in small transactions, every plan,
// upload and share person not under the current key: it decrypts with the
// old key and encrypts under the current one with a new nonce. It is safe
// to run while the service runs, and to run again after an interruption.
// It stops at the first value it cannot decrypt, returning how many it had
// rewritten.
func (s *sqlStore) Reencrypt(ctx context.Context) (int, error) {
	total := 0
	for _, t := range sealedTables {
		for {
			n, seen, err := s.reencryptBatch(ctx, t)
			total += n
			if err != nil {
				return total, err
			}
			if seen == 0 {
				break
			}
		}
	}
	return total, nil
}

// reencryptBatch rewrites one batch of the table's values not under the
// current key, and returns how many it rewrote and how many it found.
func (s *sqlStore) reencryptBatch(ctx context.Context, t sealedTable) (n, seen int, err error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	cur := s.keys.Current()
	pk := append(append([]string(nil), t.textPK...), t.intPK...)
	sel := fmt.Sprintf("SELECT %s, %s, %s FROM %s WHERE %s <> $1 ORDER BY %s LIMIT %d",
		strings.Join(pk, ", "), t.keyCol, t.ctCol, t.name, t.keyCol, strings.Join(pk, ", "), t.batch)
	where := make([]string, len(pk))
	for i, c := range pk {
		where[i] = fmt.Sprintf("%s = $%d", c, i+4)
	}
	upd := fmt.Sprintf("UPDATE %s SET %s = $1, %s = $2 WHERE %s = $3 AND %s", t.name, t.keyCol, t.ctCol, t.keyCol, strings.Join(where, " AND "))

	type row struct {
		text  []string
		ints  []int
		keyID string
		ct    []byte
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var batch []row
		rows, err := s.query(ctx, tx, sel, cur)
		if err != nil {
			return fmt.Errorf("store: re-encrypting %s: %w", t.name, err)
		}
		for rows.Next() {
			r := row{text: make([]string, len(t.textPK)), ints: make([]int, len(t.intPK))}
			dest := make([]any, 0, len(pk)+2)
			for i := range r.text {
				dest = append(dest, &r.text[i])
			}
			for i := range r.ints {
				dest = append(dest, &r.ints[i])
			}
			dest = append(dest, &r.keyID, &r.ct)
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return fmt.Errorf("store: re-encrypting %s: %w", t.name, err)
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: re-encrypting %s: %w", t.name, err)
		}
		seen = len(batch)
		for _, r := range batch {
			aad := t.aad(r.text, r.ints)
			pt, err := s.keys.open(r.keyID, r.ct, aad)
			if err != nil {
				return fmt.Errorf("store: re-encrypting %s %v%v: %w", t.name, r.text, r.ints, err)
			}
			keyID, ct, err := s.keys.seal(pt, aad)
			if err != nil {
				return err
			}
			args := []any{keyID, ct, r.keyID}
			for _, v := range r.text {
				args = append(args, v)
			}
			for _, v := range r.ints {
				args = append(args, v)
			}
			res, err := s.exec(ctx, tx, upd, args...)
			if err != nil {
				return fmt.Errorf("store: re-encrypting %s: %w", t.name, err)
			}
			if k, _ := res.RowsAffected(); k == 1 {
				n++ // else deleted, or re-encrypted by another run, meanwhile
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return n, seen, nil
}

// KeysInUse counts stored values (plans, uploads and share persons) by the
// id of the key that encrypted them.
func (s *sqlStore) KeysInUse(ctx context.Context) (map[string]int, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	out := map[string]int{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		for _, t := range sealedTables {
			rows, err := s.query(ctx, tx, fmt.Sprintf("SELECT %s, COUNT(*) FROM %s GROUP BY %s", t.keyCol, t.name, t.keyCol))
			if err != nil {
				return fmt.Errorf("store: counting keys in %s: %w", t.name, err)
			}
			for rows.Next() {
				var (
					id string
					n  int
				)
				if err := rows.Scan(&id, &n); err != nil {
					rows.Close()
					return fmt.Errorf("store: counting keys in %s: %w", t.name, err)
				}
				out[id] += n
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("store: counting keys in %s: %w", t.name, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
