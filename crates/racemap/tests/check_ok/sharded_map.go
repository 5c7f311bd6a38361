package main

import (
	"fmt"
	"strconv"
	"sync"
)

const shardCount = 4

type shard struct {
	sync.Mutex
	m map[string]int
}

type ShardedMap struct {
	shards [shardCount]*shard
}

func NewShardedMap() *ShardedMap {
	sm := &ShardedMap{}
	for i := range sm.shards {
		sm.shards[i] = &shard{m: make(map[string]int)}
	}
	return sm
}

func hash(key string) int {
	h := 0
	for _, r := range key {
		h = h*31 + int(r)
	}
	if h < 0 {
		h = -h
	}
	return h
}

func (s *ShardedMap) shardFor(key string) *shard {
	return s.shards[hash(key)%shardCount]
}

func (s *ShardedMap) Inc(key string) {
	sh := s.shardFor(key)
	sh.Lock()
	sh.m[key]++
	sh.Unlock()
}

func (s *ShardedMap) Get(key string) int {
	sh := s.shardFor(key)
	sh.Lock()
	defer sh.Unlock()
	return sh.m[key]
}

func main() {
	sm := NewShardedMap()
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				sm.Inc("key" + strconv.Itoa(i+g))
			}
		}()
	}
	wg.Wait()
	fmt.Println(sm.Get("key2"))
}
