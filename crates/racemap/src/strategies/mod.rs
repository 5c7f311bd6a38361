//! Map strategies as Go programs: a [`Strategy`] × a [`Workload`] → Go source.
//!
//! These are the presets of the visualizer and of `racemap example`. Each strategy is one way to
//! let several goroutines use one map; the generated program is ordinary Go that the user can
//! edit, and it flows through the same pipeline as any pasted program (presets are Go source,
//! not special cases in the runtime).
//!
//! Every program has the same shape so that strategies compare side by side: `goroutines`
//! workers each perform `ops_per_goroutine` operations on keys `k0..k{keys-1}`; operation `n`
//! (numbered across all workers) is a write when `isWrite(n)` says so, which spreads exactly
//! `write_percent`% of the operations as writes. Worker `id` touches key `(id + i) % keys` at its
//! `i`-th operation. `main` waits for the workers and prints how many keys the map holds, which
//! is the same under every schedule for the safe strategies.

mod channel_owner;
mod mutex;
mod rwmutex;
mod sharded;
mod sync_map;
mod unsynchronized;

/// One way of sharing a map between goroutines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strategy {
    /// Plain map, no synchronization: a data race, and possibly a fatal map error.
    Unsynchronized,
    /// A `sync.Mutex` guards every access.
    Mutex,
    /// A `sync.RWMutex`: readers share, writers are exclusive.
    RwMutex,
    /// A `sync.Map`.
    SyncMap,
    /// One goroutine owns the map; others send it requests over a channel.
    ChannelOwner,
    /// Several shards, each a map with its own `sync.Mutex`.
    Sharded,
}

/// The workload a preset program performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Workload {
    /// Number of worker goroutines (1..=8).
    pub goroutines: u32,
    /// Map operations each worker performs (1..=20).
    pub ops_per_goroutine: u32,
    /// Share of operations that are writes, in percent (0..=100).
    pub write_percent: u32,
    /// Number of distinct keys (1..=10).
    pub keys: u32,
}

impl Default for Workload {
    fn default() -> Workload {
        Workload {
            goroutines: 2,
            ops_per_goroutine: 2,
            write_percent: 50,
            keys: 2,
        }
    }
}

impl Workload {
    /// The workload with every field clamped to its documented range.
    pub fn clamped(self) -> Workload {
        Workload {
            goroutines: self.goroutines.clamp(1, 8),
            ops_per_goroutine: self.ops_per_goroutine.clamp(1, 20),
            write_percent: self.write_percent.min(100),
            keys: self.keys.clamp(1, 10),
        }
    }

    /// Whether operation number `n` (counted across all workers) is a write.
    pub fn is_write(&self, n: u32) -> bool {
        (n + 1) * self.write_percent / 100 > n * self.write_percent / 100
    }

    /// How many distinct keys the map holds at the end: the keys some write touched.
    pub fn final_key_count(&self) -> u32 {
        let w = self.clamped();
        let mut written = vec![false; w.keys as usize];
        for id in 0..w.goroutines {
            for i in 0..w.ops_per_goroutine {
                if w.is_write(id * w.ops_per_goroutine + i) {
                    written[((id + i) % w.keys) as usize] = true;
                }
            }
        }
        written.iter().filter(|&&b| b).count() as u32
    }
}

impl Strategy {
    /// Every strategy, in the order the visualizer lists them.
    pub const ALL: [Strategy; 6] = [
        Strategy::Unsynchronized,
        Strategy::Mutex,
        Strategy::RwMutex,
        Strategy::SyncMap,
        Strategy::ChannelOwner,
        Strategy::Sharded,
    ];

    /// Short name used in URLs and on the command line (`racemap example mutex`).
    pub fn slug(self) -> &'static str {
        match self {
            Strategy::Unsynchronized => "unsynchronized",
            Strategy::Mutex => "mutex",
            Strategy::RwMutex => "rwmutex",
            Strategy::SyncMap => "syncmap",
            Strategy::ChannelOwner => "channel",
            Strategy::Sharded => "sharded",
        }
    }

    /// The strategy named by a slug.
    pub fn from_slug(slug: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Human title.
    pub fn title(self) -> &'static str {
        match self {
            Strategy::Unsynchronized => "Unsynchronized map",
            Strategy::Mutex => "sync.Mutex",
            Strategy::RwMutex => "sync.RWMutex",
            Strategy::SyncMap => "sync.Map",
            Strategy::ChannelOwner => "Channel-owned map",
            Strategy::Sharded => "Sharded map",
        }
    }

    /// When to use it (or why not), in a sentence or two.
    pub fn when_to_use(self) -> &'static str {
        match self {
            Strategy::Unsynchronized => {
                "Never for a map that several goroutines use while any of them writes: the race \
                 detector reports it, and Go may crash with `fatal error: concurrent map writes`."
            }
            Strategy::Mutex => {
                "The default fix: simple and always correct. Every access waits for the lock, \
                 so readers also wait for each other."
            }
            Strategy::RwMutex => {
                "Read-heavy maps: readers hold the lock together, a writer waits for them. A \
                 waiting writer blocks new readers, so never take RLock twice in one goroutine."
            }
            Strategy::SyncMap => {
                "Keys written once and read many times, or goroutines that touch disjoint keys. \
                 Reads hit a lock-free read-only map; misses go to a locked dirty map that is \
                 promoted after enough misses."
            }
            Strategy::ChannelOwner => {
                "Avoid shared state altogether: one goroutine owns the map and serves requests \
                 sent over a channel (\"share memory by communicating\")."
            }
            Strategy::Sharded => {
                "High contention on a big map: keys are spread over shards, each with its own \
                 mutex, so goroutines working on different shards do not wait for each other."
            }
        }
    }

    /// The Go program for this strategy and workload.
    pub fn source(self, workload: Workload) -> String {
        let w = workload.clamped();
        match self {
            Strategy::Unsynchronized => unsynchronized::source(&w),
            Strategy::Mutex => mutex::source(&w),
            Strategy::RwMutex => rwmutex::source(&w),
            Strategy::SyncMap => sync_map::source(&w),
            Strategy::ChannelOwner => channel_owner::source(&w),
            Strategy::Sharded => sharded::source(&w),
        }
    }

    /// Whether some schedule of this strategy's program has a data race: only the
    /// unsynchronized map, and only when the workload writes (concurrent reads are fine).
    pub fn races(self, workload: Workload) -> bool {
        self == Strategy::Unsynchronized && workload.clamped().write_percent > 0
    }
}

/// The `const` block and helpers every preset shares.
fn prelude(w: &Workload) -> String {
    format!(
        "const (\n\tworkers      = {}\n\topsPerWorker = {}\n\twritePercent = {}\n\tkeys         = {}\n)\n\n\
         // isWrite spreads writePercent% of all operations as writes.\n\
         func isWrite(n int) bool {{\n\treturn (n+1)*writePercent/100 > n*writePercent/100\n}}\n\n\
         // key is the key worker id uses at its i-th operation.\n\
         func key(id, i int) string {{\n\treturn \"k\" + strconv.Itoa((id+i)%keys)\n}}\n",
        w.goroutines, w.ops_per_goroutine, w.write_percent, w.keys
    )
}

/// The `main` of every shared-map strategy: `setup` makes the shared map, each worker runs
/// `write` or `read` (with `id` and `k` in scope), and after the workers `count` is printed
/// (`before_count` holds any statements that compute it).
fn workers_main(setup: &str, write: &str, read: &str, before_count: &str, count: &str) -> String {
    format!(
        "func main() {{
\t{setup}
\tvar wg sync.WaitGroup
\tfor id := 0; id < workers; id++ {{
\t\twg.Add(1)
\t\tgo func(id int) {{
\t\t\tdefer wg.Done()
\t\t\tfor i := 0; i < opsPerWorker; i++ {{
\t\t\t\tk := key(id, i)
\t\t\t\tif isWrite(id*opsPerWorker + i) {{
\t\t\t\t\t{write}
\t\t\t\t}} else {{
\t\t\t\t\t{read}
\t\t\t\t}}
\t\t\t}}
\t\t}}(id)
\t}}
\twg.Wait()
{before_count}\tfmt.Println(\"keys:\", {count})
}}
"
    )
}

/// A `Cache` type guarding its map with `lock` (`sync.Mutex` or `sync.RWMutex`); readers take
/// `read_lock`/`read_unlock` (`Lock`/`Unlock`, or `RLock`/`RUnlock`).
fn cache_type(lock: &str, read_lock: &str, read_unlock: &str) -> String {
    format!(
        "type Cache struct {{
\tmu   {lock}
\tdata map[string]int
}}

func NewCache() *Cache {{ return &Cache{{data: make(map[string]int)}} }}

func (c *Cache) Get(key string) (int, bool) {{
\tc.mu.{read_lock}()
\tdefer c.mu.{read_unlock}()
\tval, ok := c.data[key]
\treturn val, ok
}}

func (c *Cache) Set(key string, value int) {{
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.data[key] = value
}}

func (c *Cache) Len() int {{
\tc.mu.{read_lock}()
\tdefer c.mu.{read_unlock}()
\treturn len(c.data)
}}
"
    )
}

/// The imports every preset uses.
const IMPORTS: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n\t\"sync\"\n)\n\n";

#[cfg(test)]
mod tests;
