// The map strategies of racemap's presets, measured with `go test -bench` by
// `cargo xtask go-bench`. Each benchmark runs one read/write mix (WRITE_PERCENT, from the
// environment) over 1000 keys: every goroutine of b.RunParallel does operation n as a write
// when isWrite(n) says so, exactly like the presets' workers.
package mapbench

import (
	"os"
	"strconv"
	"sync"
	"testing"
)

const keyCount = 1000

var keys = func() []string {
	ks := make([]string, keyCount)
	for i := range ks {
		ks[i] = "k" + strconv.Itoa(i)
	}
	return ks
}()

func writePercent() int {
	p, err := strconv.Atoi(os.Getenv("WRITE_PERCENT"))
	if err != nil {
		panic("WRITE_PERCENT must be set to 0..100")
	}
	return p
}

type store interface {
	Get(k string) (int, bool)
	Set(k string, v int)
}

// mutexCache: one sync.Mutex guards every access.
type mutexCache struct {
	mu   sync.Mutex
	data map[string]int
}

func (c *mutexCache) Get(k string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *mutexCache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
}

// rwCache: readers share a sync.RWMutex, writers are exclusive.
type rwCache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *rwCache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *rwCache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
}

// syncMapCache: a sync.Map.
type syncMapCache struct{ m sync.Map }

func (c *syncMapCache) Get(k string) (int, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		return 0, false
	}
	return v.(int), true
}

func (c *syncMapCache) Set(k string, v int) { c.m.Store(k, v) }

// channelCache: one goroutine owns the map and serves requests sent over a channel.
type request struct {
	key      string
	value    int
	write    bool
	response chan int
}

type channelCache struct{ cmds chan request }

func newChannelCache() *channelCache {
	c := &channelCache{cmds: make(chan request)}
	go func() {
		data := make(map[string]int)
		for cmd := range c.cmds {
			if cmd.write {
				data[cmd.key] = cmd.value
				cmd.response <- 0
			} else {
				cmd.response <- data[cmd.key]
			}
		}
	}()
	return c
}

// Each caller passes its own reply channel (made once per goroutine, as in the preset).
func (c *channelCache) get(k string, resp chan int) int {
	c.cmds <- request{key: k, response: resp}
	return <-resp
}

func (c *channelCache) set(k string, v int, resp chan int) {
	c.cmds <- request{key: k, value: v, write: true, response: resp}
	<-resp
}

// shardedCache: keys spread over shards, each a map with its own sync.Mutex.
const shardCount = 8

type shard struct {
	mu   sync.Mutex
	data map[string]int
}

type shardedCache struct{ shards [shardCount]*shard }

func newShardedCache() *shardedCache {
	s := &shardedCache{}
	for i := range s.shards {
		s.shards[i] = &shard{data: make(map[string]int)}
	}
	return s
}

func (s *shardedCache) shardFor(key string) *shard {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return s.shards[h%shardCount]
}

func (s *shardedCache) Get(k string) (int, bool) {
	sh := s.shardFor(k)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	v, ok := sh.data[k]
	return v, ok
}

func (s *shardedCache) Set(k string, v int) {
	sh := s.shardFor(k)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.data[k] = v
}

func isWrite(n, percent int) bool {
	return (n+1)*percent/100 > n*percent/100
}

func runParallel(b *testing.B, s store) {
	percent := writePercent()
	for i, k := range keys {
		s.Set(k, i)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		n := 0
		for pb.Next() {
			k := keys[n%keyCount]
			if isWrite(n, percent) {
				s.Set(k, n)
			} else {
				s.Get(k)
			}
			n++
		}
	})
}

// The unsynchronized map crashes when goroutines share it while any writes, so it is measured
// from one goroutine: the cost of a map access with no synchronization at all.
func BenchmarkUnsynchronized(b *testing.B) {
	percent := writePercent()
	m := make(map[string]int)
	for i, k := range keys {
		m[k] = i
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		k := keys[n%keyCount]
		if isWrite(n, percent) {
			m[k] = n
		} else {
			_ = m[k]
		}
	}
}

func BenchmarkMutex(b *testing.B) {
	runParallel(b, &mutexCache{data: make(map[string]int)})
}

func BenchmarkRWMutex(b *testing.B) {
	runParallel(b, &rwCache{data: make(map[string]int)})
}

func BenchmarkSyncMap(b *testing.B) { runParallel(b, &syncMapCache{}) }

func BenchmarkChannelOwner(b *testing.B) {
	percent := writePercent()
	c := newChannelCache()
	setup := make(chan int)
	for i, k := range keys {
		c.set(k, i, setup)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		resp := make(chan int)
		n := 0
		for pb.Next() {
			k := keys[n%keyCount]
			if isWrite(n, percent) {
				c.set(k, n, resp)
			} else {
				c.get(k, resp)
			}
			n++
		}
	})
}

func BenchmarkSharded(b *testing.B) { runParallel(b, newShardedCache()) }
