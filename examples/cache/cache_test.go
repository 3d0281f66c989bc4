package cache

import (
	"bytes"
	"fmt"
	"testing"
)

func TestGetReturnsWhatPutStored(t *testing.T) {
	c := New(2)
	c.Put("a", []byte("apple"))
	got, ok := c.Get("a")
	if !ok || string(got) != "apple" {
		t.Fatalf("Get(a) = %q, %v; want apple, true", got, ok)
	}
	if _, ok := c.Get("b"); ok {
		t.Fatal("Get(b) found a key that was never put")
	}
}

func TestPutEvictsTheLeastRecentlyUsed(t *testing.T) {
	c := New(2)
	c.Put("a", []byte("1"))
	c.Put("b", []byte("2"))
	c.Get("a") // a is now more recent than b
	c.Put("c", []byte("3"))
	if _, ok := c.Get("b"); ok {
		t.Error("b should have been evicted")
	}
	for _, key := range []string{"a", "c"} {
		if _, ok := c.Get(key); !ok {
			t.Errorf("%s should still be cached", key)
		}
	}
	if c.Len() != 2 {
		t.Errorf("Len() = %d, want 2", c.Len())
	}
}

func TestPutKeepsACopy(t *testing.T) {
	c := New(1)
	buf := []byte("tea")
	c.Put("a", buf)
	buf[0] = 's'
	if got, _ := c.Get("a"); string(got) != "tea" {
		t.Fatalf("Get(a) = %q after the caller reused its buffer; want tea", got)
	}
}

func TestPutReplacesAValue(t *testing.T) {
	c := New(2)
	c.Put("a", []byte("old"))
	c.Put("a", []byte("new"))
	if got, _ := c.Get("a"); string(got) != "new" || c.Len() != 1 {
		t.Fatalf("Get(a) = %q with Len() = %d; want new with 1", got, c.Len())
	}
}

// TestStaysWithinCapacity fills the cache far past its capacity, as a busy shop does: the
// heap profile then shows the pages the cache holds, and the gate sees a cache that stops
// evicting.
func TestStaysWithinCapacity(t *testing.T) {
	c := New(1000)
	page := bytes.Repeat([]byte("x"), 4096)
	for i := 0; i < 20000; i++ {
		c.Put(fmt.Sprintf("/products/%d", i), page)
	}
	if c.Len() != 1000 {
		t.Fatalf("Len() = %d, want 1000", c.Len())
	}
	kept = c
}

// kept holds the last filled cache so it is still live when TestMain writes the heap profile.
var kept *LRU
