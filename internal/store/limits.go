package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Allow counts one hit against key in the current window of length window
// and reports whether it is within limit, and if not how long until the
// window ends. Windows are fixed (aligned to multiples of window since the
// Unix epoch), so a burst across a window's end may reach twice limit. The
// count lives in the database, so replicas share it. key is stored only as
// an HMAC under the current key.
func (s *sqlStore) Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if limit < 1 || window < time.Millisecond {
		return false, 0, fmt.Errorf("%w: a rate limit needs a limit of at least 1 and a window of at least 1 ms", ErrInvalid)
	}
	if s.keys.Empty() {
		return false, 0, ErrNoKey
	}
	now := toMicros(s.now())
	w := window.Microseconds()
	start := now / w * w
	end := start + w
	hashed := mac(s.keys.keys[0].mac, "rate-limit", []byte(key))
	var hits int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "DELETE FROM rate_limits WHERE window_end <= $1", now); err != nil {
			return fmt.Errorf("store: rate limit: %w", err)
		}
		err := s.queryRow(ctx, tx, `INSERT INTO rate_limits (key, window_start, window_end, hits) VALUES ($1, $2, $3, 1)
ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
RETURNING hits`, hashed, start, end).Scan(&hits)
		if err != nil {
			return fmt.Errorf("store: rate limit: %w", err)
		}
		return nil
	})
	if err != nil {
		return false, 0, err
	}
	if hits > limit {
		return false, time.Duration(end-now) * time.Microsecond, nil
	}
	return true, 0, nil
}
