package illustration

import (
	"container/list"
	"sync"
)

// pngCache is a least-recently-used cache of rendered PNGs, bounded by the
// total size of the bytes it holds. It is safe for concurrent use.
type pngCache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	order    *list.List // front is most recently used; values are *cacheItem
	items    map[string]*list.Element
}

type cacheItem struct {
	key  string
	data []byte
}

func newPNGCache(maxBytes int) *pngCache {
	return &pngCache{maxBytes: maxBytes, order: list.New(), items: map[string]*list.Element{}}
}

func (c *pngCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheItem).data, true
}

// put stores data under key, evicting the least recently used entries to
// stay within maxBytes. Data larger than the whole cache is not stored.
func (c *pngCache) put(key string, data []byte) {
	if len(data) > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.bytes -= len(el.Value.(*cacheItem).data)
		el.Value.(*cacheItem).data = data
		c.bytes += len(data)
		c.order.MoveToFront(el)
	} else {
		c.items[key] = c.order.PushFront(&cacheItem{key: key, data: data})
		c.bytes += len(data)
	}
	for c.bytes > c.maxBytes {
		el := c.order.Back()
		it := el.Value.(*cacheItem)
		c.order.Remove(el)
		delete(c.items, it.key)
		c.bytes -= len(it.data)
	}
}

// stats returns the number of entries and bytes held.
func (c *pngCache) stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.bytes
}
