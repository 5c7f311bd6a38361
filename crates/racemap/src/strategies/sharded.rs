//! The map is split into shards, each a map with its own `sync.Mutex`; a key's shard is chosen
//! by a hash of the key, so goroutines on different shards never wait for each other.

use super::{prelude, workers_main, Workload};

/// The Go program.
pub(super) fn source(w: &Workload) -> String {
    format!(
        r#"package main

import (
	"fmt"
	"strconv"
	"sync"
)

{prelude}
const shardCount = 2

type shard struct {{
	mu   sync.Mutex
	data map[string]int
}}

type ShardedMap struct {{
	shards [shardCount]*shard
}}

func NewShardedMap() *ShardedMap {{
	s := &ShardedMap{{}}
	for i := range s.shards {{
		s.shards[i] = &shard{{data: make(map[string]int)}}
	}}
	return s
}}

// shardFor hashes the key (FNV-1a) to pick its shard.
func (s *ShardedMap) shardFor(key string) *shard {{
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {{
		h ^= uint32(key[i])
		h *= 16777619
	}}
	return s.shards[h%shardCount]
}}

func (s *ShardedMap) Get(key string) (int, bool) {{
	sh := s.shardFor(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	v, ok := sh.data[key]
	return v, ok
}}

func (s *ShardedMap) Set(key string, value int) {{
	sh := s.shardFor(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.data[key] = value
}}

func (s *ShardedMap) Len() int {{
	n := 0
	for _, sh := range s.shards {{
		sh.mu.Lock()
		n += len(sh.data)
		sh.mu.Unlock()
	}}
	return n
}}

"#,
        prelude = prelude(w)
    ) + &workers_main(
        "m := NewShardedMap()",
        "m.Set(k, id)",
        "m.Get(k)",
        "",
        "m.Len()",
    )
}
