package imaging

import (
	"bytes"
	"errors"
	"sync"
	"testing"
)

func TestCacheHit(t *testing.T) {
	c := NewCache(10 << 20)
	src := jpegOf(t, photo(300, 200), 90)
	opt := Options{MaxWidth: 100, MaxHeight: 100}
	a, err := c.Prepare(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Prepare(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Data, b.Data) {
		t.Error("cached output differs")
	}
	direct, _ := Prepare(src, opt)
	if !bytes.Equal(a.Data, direct.Data) {
		t.Error("cached output differs from Prepare")
	}
	if s := c.Stats(); s.Hits != 1 || s.Misses != 1 || s.Entries != 1 || s.Bytes != int64(len(a.Data))+entryOverhead {
		t.Errorf("stats %+v", s)
	}
	// Same picture, other options: a miss. Options meaning the same: a hit.
	if _, err := c.Prepare(src, Options{MaxWidth: 50}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Prepare(src, Options{MaxWidth: 100, MaxHeight: 100, Limits: Limits{MaxBytes: DefaultMaxBytes}}); err != nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s.Hits != 2 || s.Misses != 2 {
		t.Errorf("stats %+v", s)
	}
}

func TestCacheErrorsNotCached(t *testing.T) {
	c := NewCache(1 << 20)
	for range 2 {
		_, err := c.Prepare([]byte("not a picture"), Options{})
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeUnsupportedFormat {
			t.Fatalf("err = %v", err)
		}
	}
	if s := c.Stats(); s.Misses != 2 || s.Entries != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	srcs := [][]byte{pngOf(t, quad(10, 10)), pngOf(t, quad(12, 12)), pngOf(t, quad(14, 14))}
	var sizes []int64
	for _, s := range srcs {
		img, err := Prepare(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, int64(len(img.Data))+entryOverhead)
	}
	c := NewCache(sizes[0] + sizes[1] + sizes[2] - 1) // room for two of the three
	c.Prepare(srcs[0], Options{})
	c.Prepare(srcs[1], Options{})
	c.Prepare(srcs[0], Options{}) // 0 is now more recent than 1
	c.Prepare(srcs[2], Options{}) // evicts 1
	if s := c.Stats(); s.Entries != 2 || s.Bytes != sizes[0]+sizes[2] {
		t.Fatalf("stats %+v", s)
	}
	before := c.Stats()
	c.Prepare(srcs[0], Options{})
	c.Prepare(srcs[1], Options{})
	after := c.Stats()
	if after.Hits-before.Hits != 1 || after.Misses-before.Misses != 1 {
		t.Errorf("want 0 kept and 1 evicted: before %+v after %+v", before, after)
	}
}

func TestCacheTooBigToKeep(t *testing.T) {
	c := NewCache(10)
	img, err := c.Prepare(pngOf(t, quad(10, 10)), Options{})
	if err != nil || img == nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s.Entries != 0 || s.Bytes != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestNilAndZeroCache(t *testing.T) {
	var c *Cache
	if _, err := c.Prepare(pngOf(t, quad(10, 10)), Options{}); err != nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s != (CacheStats{}) {
		t.Errorf("nil cache stats %+v", s)
	}
	var zero Cache
	for range 2 {
		if _, err := zero.Prepare(pngOf(t, quad(10, 10)), Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if s := zero.Stats(); s.Misses != 2 || s.Entries != 0 {
		t.Errorf("zero cache stats %+v", s)
	}
}

func TestCacheConcurrent(t *testing.T) {
	c := NewCache(1 << 20)
	srcs := [][]byte{jpegOf(t, photo(200, 150), 90), pngOf(t, quad(40, 30)), fixture(t, "lossy.webp")}
	want := make([][]byte, len(srcs))
	for i, s := range srcs {
		img, err := Prepare(s, Options{MaxWidth: 64})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = img.Data
	}
	const workers, rounds = 8, 20
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				i := (w + r) % len(srcs)
				img, err := c.Prepare(srcs[i], Options{MaxWidth: 64})
				if err != nil {
					errs <- err
					continue
				}
				if !bytes.Equal(img.Data, want[i]) {
					errs <- errors.New("wrong bytes")
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := c.Stats()
	if s.Hits+s.Misses != workers*rounds || s.Misses != int64(len(srcs)) {
		t.Errorf("stats %+v: want %d misses, one per picture", s, len(srcs))
	}
}

// TestCacheConcurrentEviction has many callers prepare more pictures than
// the cache holds, so that adding, evicting, waiting for a call in progress
// and reading the stats all happen at once (run with -race).
func TestCacheConcurrentEviction(t *testing.T) {
	var srcs [][]byte
	var want [][]byte
	for i := range 6 {
		s := pngOf(t, quad(10+2*i, 10+i))
		img, err := Prepare(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		srcs, want = append(srcs, s), append(want, img.Data)
	}
	c := NewCache(2*int64(len(want[5])) + 2*entryOverhead) // room for about two
	const workers, rounds = 8, 30
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				i := (w*7 + r*3) % len(srcs)
				img, err := c.Prepare(srcs[i], Options{})
				switch {
				case err != nil:
					errs <- err
				case !bytes.Equal(img.Data, want[i]):
					errs <- errors.New("wrong bytes")
				}
				_ = c.Stats()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := c.Stats()
	if s.Hits+s.Misses != workers*rounds || s.Bytes > c.max || s.Entries > 3 {
		t.Errorf("stats %+v, bound %d", s, c.max)
	}
}

func TestDigest(t *testing.T) {
	// The same bytes give the same digest however the pieces fall, and a
	// change anywhere, or a different length, changes it.
	big := make([]byte, 3*digestChunk+12345)
	for i := range big {
		big[i] = byte(i * 31)
	}
	d := digest(big)
	if digest(append([]byte(nil), big...)) != d {
		t.Fatal("digest is not a function of the bytes")
	}
	for _, i := range []int{0, digestChunk - 1, digestChunk, 2*digestChunk + 7, len(big) - 1} {
		changed := append([]byte(nil), big...)
		changed[i] ^= 1
		if digest(changed) == d {
			t.Errorf("changing byte %d leaves the digest", i)
		}
	}
	if digest(big[:len(big)-1]) == d || digest(nil) == digest([]byte{0}) {
		t.Error("length does not count")
	}
}
