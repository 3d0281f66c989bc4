// Package cache is a small least-recently-used cache of product pages.
package cache

import "container/list"

// LRU keeps at most Capacity entries; putting one more evicts the least recently used.
// It is not safe for concurrent use.
type LRU struct {
	capacity int
	order    *list.List // front: most recently used
	items    map[string]*list.Element
}

type entry struct {
	key   string
	value []byte
}

// New returns an empty cache that holds at most capacity entries (at least one).
func New(capacity int) *LRU {
	if capacity < 1 {
		capacity = 1
	}
	return &LRU{capacity: capacity, order: list.New(), items: make(map[string]*list.Element)}
}

// Get returns the value stored under key and marks it as recently used.
func (c *LRU) Get(key string) ([]byte, bool) {
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry).value, true
}

// Put stores a copy of value under key, replacing an earlier value, and evicts the least
// recently used entry when the cache is over its capacity.
func (c *LRU) Put(key string, value []byte) {
	value = append([]byte(nil), value...) // the caller may reuse its buffer
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&entry{key: key, value: value})
	if c.order.Len() > c.capacity {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*entry).key)
	}
}

// Len is the number of entries in the cache.
func (c *LRU) Len() int { return c.order.Len() }
