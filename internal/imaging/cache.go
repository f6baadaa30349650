package imaging

import (
	"container/list"
	"crypto/sha256"
	"encoding/binary"
	"runtime"
	"sync"
)

// entryOverhead is the bytes charged per cache entry on top of its data.
const entryOverhead = 256

// Cache remembers prepared pictures, keyed by a SHA-256 digest of the
// input (see digest) and the options, and forgets the least recently used
// once their total size passes its bound. Concurrent requests for the same
// key share one Prepare. Errors are not cached. A Cache is safe for
// concurrent use. Make one with NewCache; a nil *Cache, or the zero Cache,
// prepares without keeping anything.
type Cache struct {
	mu       sync.Mutex
	max      int64
	size     int64
	order    *list.List // of *cacheEntry, most recently used first
	entries  map[cacheKey]*list.Element
	inflight map[cacheKey]*cacheCall
	hits     int64
	misses   int64
}

// CacheStats is a snapshot of a Cache's counters.
type CacheStats struct {
	// Hits counts calls answered without preparing, including calls that
	// waited for an identical call already in progress.
	Hits int64
	// Misses counts calls that prepared the picture.
	Misses int64
	// Entries is the number of pictures held.
	Entries int
	// Bytes is the size charged for them: their data plus a small overhead.
	Bytes int64
}

// cacheKey identifies a picture and what was asked of it.
type cacheKey struct {
	sum [sha256.Size]byte
	opt Options
}

// cacheEntry is one remembered picture.
type cacheEntry struct {
	key cacheKey
	img Image
}

// cacheCall is a Prepare in progress that other callers may wait for.
type cacheCall struct {
	done chan struct{}
	img  *Image
	err  error
}

// NewCache returns a cache holding at most maxBytes of prepared pictures.
// A picture bigger than that on its own is returned but not kept.
func NewCache(maxBytes int64) *Cache {
	return &Cache{
		max:      maxBytes,
		order:    list.New(),
		entries:  make(map[cacheKey]*list.Element),
		inflight: make(map[cacheKey]*cacheCall),
	}
}

// Prepare is Prepare with caching. The returned Image's Data is shared with
// the cache and other callers and must not be modified.
func (c *Cache) Prepare(src []byte, opt Options) (*Image, error) {
	if c == nil {
		return Prepare(src, opt)
	}
	key := cacheKey{sum: digest(src), opt: normalize(opt)}
	c.mu.Lock()
	if c.entries == nil { // the zero Cache: usable, but keeps nothing
		c.order, c.entries, c.inflight = list.New(), make(map[cacheKey]*list.Element), make(map[cacheKey]*cacheCall)
	}
	if el, ok := c.entries[key]; ok {
		c.hits++
		c.order.MoveToFront(el)
		img := el.Value.(*cacheEntry).img
		c.mu.Unlock()
		return &img, nil
	}
	if call, ok := c.inflight[key]; ok {
		c.hits++
		c.mu.Unlock()
		<-call.done
		return copyImage(call.img), call.err
	}
	c.misses++
	call := &cacheCall{done: make(chan struct{})}
	c.inflight[key] = call
	c.mu.Unlock()

	call.img, call.err = Prepare(src, opt)

	c.mu.Lock()
	delete(c.inflight, key)
	if call.err == nil {
		c.add(key, *call.img)
	}
	c.mu.Unlock()
	close(call.done)
	return copyImage(call.img), call.err
}

// Stats returns the cache's counters.
func (c *Cache) Stats() CacheStats {
	if c == nil {
		return CacheStats{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Hits: c.hits, Misses: c.misses, Entries: len(c.entries), Bytes: c.size}
}

// add stores img under key and evicts the least recently used entries until
// the cache fits its bound. The caller holds c.mu.
func (c *Cache) add(key cacheKey, img Image) {
	cost := int64(len(img.Data)) + entryOverhead
	if cost > c.max {
		return
	}
	if _, ok := c.entries[key]; ok {
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key: key, img: img})
	c.size += cost
	for c.size > c.max {
		el := c.order.Back()
		e := el.Value.(*cacheEntry)
		c.order.Remove(el)
		delete(c.entries, e.key)
		c.size -= int64(len(e.img.Data)) + entryOverhead
	}
}

// normalize makes options that mean the same thing compare equal.
func normalize(opt Options) Options {
	opt.MaxWidth, opt.MaxHeight = max(opt.MaxWidth, 0), max(opt.MaxHeight, 0)
	opt.Limits = opt.Limits.withDefaults()
	return opt
}

// copyImage returns a copy of the Image header, sharing Data, or nil.
func copyImage(img *Image) *Image {
	if img == nil {
		return nil
	}
	cp := *img
	return &cp
}

// digestChunk is the size of the pieces digest hashes separately.
const digestChunk = 1 << 20

// digest returns the SHA-256 of the input's length and the SHA-256 of each
// of its 1 MiB pieces in turn: a two-level hash tree, collision-resistant
// as SHA-256 is, whose pieces can be hashed on several cores at once. A
// 4 MB photo is hashed in about half the time on two cores, which is most
// of what a cache hit costs. Every input goes through the same
// construction, so no input's digest can be made to equal another's by
// handing over the inner digests as a picture.
func digest(src []byte) [sha256.Size]byte {
	n := (len(src) + digestChunk - 1) / digestChunk
	sums := make([]byte, 8+n*sha256.Size)
	binary.BigEndian.PutUint64(sums, uint64(len(src)))
	piece := func(i int) {
		s := sha256.Sum256(src[i*digestChunk : min((i+1)*digestChunk, len(src))])
		copy(sums[8+i*sha256.Size:], s[:])
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			piece(i)
		}
		return sha256.Sum256(sums)
	}
	var g group
	for w := range workers {
		g.do(func() {
			for i := w; i < n; i += workers {
				piece(i)
			}
		})
	}
	g.wait()
	return sha256.Sum256(sums)
}
