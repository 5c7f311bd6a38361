//! `math/rand`'s generator, as Go 1.19 draws it: the same numbers as Go for every seed.
//!
//! Go's `rngSource` is an additive lagged Fibonacci generator: 607 words, each draw adds the
//! words 607 and 273 places back (mod 2⁶⁴). `Seed(s)` reduces `s` modulo 2³¹−1 (0 acts as
//! 89482311) and fills the words with a Park–Miller generator's output (`x ← 48271·x mod
//! 2³¹−1`, 20 draws skipped, three per word) XORed with a fixed table, `RNG_COOKED`
//! (`rand_cooked.rs`, read from real Go by `cargo xtask go-rand`). The global source starts as
//! if seeded with 1, as in Go 1.19, so programs print the same numbers on every run, and the
//! same ones as Go. `Intn`, `Int63n`, `Int31n`, `Uint32`, `Float64`, `Float32`, `Perm` and
//! `Shuffle`'s indices are derived from `Int63` with Go's algorithms (rejection sampling,
//! Lemire's method for `Shuffle`); `Uint64` is one whole draw (`rngSource` is a `Source64`).
//!
//! **State.** A source's cell holds one word: its seed and how many draws it made (`Source`).
//! The 607 words those determine are not machine state: a per-thread cache ([`Sequences`])
//! keeps each seed's generator and the numbers it drew so far, and a draw reads number `draws`
//! of its seed's sequence, extending it when needed. Equal cells are equal sources, so the
//! machine hashes and clones one word per source.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::rand_cooked::RNG_COOKED;

/// Words of the generator's state.
const LEN: usize = 607;
/// How far back the second word of a draw is.
const TAP: usize = 273;
/// 2³¹−1, the Park–Miller modulus.
const INT32_MAX: i64 = (1 << 31) - 1;
/// Draws counted in a cell's low half.
const DRAW_BITS: u32 = 32;
/// Seeds whose sequences the cache keeps (any beyond are drawn again when needed).
const CACHED_SEEDS: usize = 64;

/// A source's state, as its cell holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    /// `(seed − 1) << 32 | draws`: the reduced seed (1 ..= 2³¹−2) and the number of draws made
    /// since it was seeded, so that the zero word is the state after `Seed(1)`.
    pub word: i64,
}

/// Why a call panics: Go's message.
pub type Invalid = &'static str;

/// `seedrand`: one step of the Park–Miller generator, by Schrage's method (no overflow in 32
/// bits).
fn park_miller(x: i32) -> i32 {
    const A: i32 = 48_271;
    const Q: i32 = 44_488;
    const R: i32 = 3_399;
    let (hi, lo) = (x / Q, x % Q);
    let x = A.wrapping_mul(lo).wrapping_sub(R.wrapping_mul(hi));
    if x < 0 {
        x + INT32_MAX as i32
    } else {
        x
    }
}

/// One seed's generator and what it drew.
struct Sequence {
    /// The generator's words.
    // Invariant: the state after `drawn.len()` draws from the seed.
    words: Box<[u64; LEN]>,
    /// Where the next draw's first word is (counts down, as Go's `feed`).
    feed: usize,
    /// Where its second word is (Go's `tap`).
    tap: usize,
    /// Every number drawn so far, in order.
    drawn: Vec<u64>,
}

impl Sequence {
    /// The generator right after `Seed(seed)`, `seed` already reduced (1 ..= 2³¹−2).
    fn seeded(seed: i32) -> Sequence {
        let mut words = Box::new([0u64; LEN]);
        let mut x = seed;
        for i in -20..LEN as i32 {
            x = park_miller(x);
            if i >= 0 {
                let mut u = i64::from(x) << 40;
                x = park_miller(x);
                u ^= i64::from(x) << 20;
                x = park_miller(x);
                u ^= i64::from(x);
                u ^= RNG_COOKED[i as usize];
                words[i as usize] = u as u64;
            }
        }
        Sequence {
            words,
            feed: LEN - TAP,
            tap: 0,
            drawn: Vec::new(),
        }
    }

    /// Number `index` of the sequence (0 is the first draw).
    fn get(&mut self, index: usize) -> u64 {
        while self.drawn.len() <= index {
            self.tap = (self.tap + LEN - 1) % LEN;
            self.feed = (self.feed + LEN - 1) % LEN;
            let x = self.words[self.feed].wrapping_add(self.words[self.tap]);
            self.words[self.feed] = x;
            self.drawn.push(x);
        }
        self.drawn[index]
    }
}

/// The sequences drawn so far, by seed: a cache of a pure function (dropping an entry only
/// costs drawing it again), so it is no part of any machine's state.
struct Sequences {
    /// Seed → its sequence.
    by_seed: BTreeMap<i32, Sequence>,
}

thread_local! {
    static SEQUENCES: RefCell<Sequences> = const {
        RefCell::new(Sequences { by_seed: BTreeMap::new() })
    };
}

/// Number `index` of `seed`'s sequence.
fn drawn(seed: i32, index: usize) -> u64 {
    SEQUENCES.with(|sequences| {
        let mut sequences = sequences.borrow_mut();
        if !sequences.by_seed.contains_key(&seed) && sequences.by_seed.len() >= CACHED_SEEDS {
            // Any seed goes (the smallest, deterministically): it is drawn again if needed.
            sequences.by_seed.pop_first();
        }
        sequences
            .by_seed
            .entry(seed)
            .or_insert_with(|| Sequence::seeded(seed))
            .get(index)
    })
}

impl Source {
    /// The state after `Seed(seed)` (`rngSource.Seed`'s reduction of the seed).
    pub fn seeded(seed: i64) -> Source {
        let mut s = seed % INT32_MAX;
        if s < 0 {
            s += INT32_MAX;
        }
        if s == 0 {
            s = 89_482_311;
        }
        Source {
            word: (s - 1) << DRAW_BITS,
        }
    }

    /// The reduced seed and the draws made.
    fn parts(self) -> (i32, usize) {
        let seed = ((self.word >> DRAW_BITS) + 1) as i32;
        let draws = (self.word & ((1 << DRAW_BITS) - 1)) as usize;
        (seed, draws)
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        let (seed, draws) = self.parts();
        let value = drawn(seed, draws);
        // Past 2³² draws the count starts again (no program runs that long in racemap).
        let next = (draws as i64 + 1) & ((1 << DRAW_BITS) - 1);
        self.word = (self.word & !((1 << DRAW_BITS) - 1)) | next;
        value
    }

    /// `Int63()`: a non-negative 63-bit integer (the draw without its top bit).
    pub fn int63(&mut self) -> i64 {
        (self.next_u64() & (u64::MAX >> 1)) as i64
    }

    /// `Uint64()` (Go's `rngSource` is a `Source64`: all 64 bits of one draw).
    pub fn uint64(&mut self) -> u64 {
        self.next_u64()
    }

    /// `Float32()`: `float32(Float64())`, drawn again when it rounds to 1 (Go 1.19's loop).
    pub fn float32(&mut self) -> f32 {
        loop {
            let f = self.float64() as f32;
            if f < 1.0 {
                return f;
            }
        }
    }

    /// `Uint32()`
    pub fn uint32(&mut self) -> u32 {
        (self.int63() >> 31) as u32
    }

    /// `Int31()`
    pub fn int31(&mut self) -> i32 {
        (self.int63() >> 32) as i32
    }

    /// `Int63n(n)`: uniform in `[0, n)`.
    pub fn int63n(&mut self, n: i64) -> Result<i64, Invalid> {
        if n <= 0 {
            return Err("invalid argument to Int63n");
        }
        if n & (n - 1) == 0 {
            return Ok(self.int63() & (n - 1));
        }
        let max = ((1u64 << 63) - 1 - (1u64 << 63) % n as u64) as i64;
        let mut v = self.int63();
        while v > max {
            v = self.int63();
        }
        Ok(v % n)
    }

    /// `Int31n(n)`: uniform in `[0, n)`.
    pub fn int31n(&mut self, n: i32) -> Result<i32, Invalid> {
        if n <= 0 {
            return Err("invalid argument to Int31n");
        }
        if n & (n - 1) == 0 {
            return Ok(self.int31() & (n - 1));
        }
        let max = ((1u32 << 31) - 1 - (1u32 << 31) % n as u32) as i32;
        let mut v = self.int31();
        while v > max {
            v = self.int31();
        }
        Ok(v % n)
    }

    /// `Intn(n)`: uniform in `[0, n)`.
    pub fn intn(&mut self, n: i64) -> Result<i64, Invalid> {
        if n <= 0 {
            return Err("invalid argument to Intn");
        }
        if n <= i64::from(i32::MAX) {
            return Ok(i64::from(self.int31n(n as i32)?));
        }
        self.int63n(n)
    }

    /// `Float64()`: in `[0, 1)`.
    pub fn float64(&mut self) -> f64 {
        loop {
            let f = self.int63() as f64 / (1u64 << 63) as f64;
            if f < 1.0 {
                return f;
            }
        }
    }

    /// `Perm(n)`: a permutation of `[0, n)` (Go's inside-out shuffle; a negative `n` is the
    /// caller's `makeslice` panic).
    pub fn perm(&mut self, n: usize) -> Vec<i64> {
        let mut m = vec![0i64; n];
        for i in 0..n {
            let j = self.int31n_small(i as i64 + 1) as usize;
            m[i] = m[j];
            m[j] = i as i64;
        }
        m
    }

    /// `Intn(n)` for a known positive `n`.
    fn int31n_small(&mut self, n: i64) -> i64 {
        self.intn(n).unwrap_or(0)
    }

    /// The index `Shuffle` swaps with `i` (Go's unexported `int31n`, Lemire's method).
    pub fn shuffle_index(&mut self, i: i64) -> i64 {
        let n = (i + 1) as u32;
        let mut prod = u64::from(self.uint32()) * u64::from(n);
        if (prod as u32) < n {
            let thresh = n.wrapping_neg() % n;
            while (prod as u32) < thresh {
                prod = u64::from(self.uint32()) * u64::from(n);
            }
        }
        (prod >> 32) as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers real Go 1.19.8 printed: `rand.New(rand.NewSource(seed))`'s first three
    /// `Int63()` and its 1 001st, for seeds that reduce in every way.
    const GO_INT63: [(i64, [i64; 4]); 5] = [
        (
            1,
            [
                5577006791947779410,
                8674665223082153551,
                6129484611666145821,
                3828453040100642871,
            ],
        ),
        (
            42,
            [
                3440579354231278675,
                608747136543856411,
                5571782338101878760,
                7155619455067000974,
            ],
        ),
        (
            0,
            [
                8717895732742165505,
                2259404117704393152,
                6050128673802995827,
                4903983572025592447,
            ],
        ),
        (
            -7,
            [
                747107023976529931,
                7084732931963018726,
                6995717851144434728,
                6914850507880839580,
            ],
        ),
        (
            (1 << 31) + 4,
            [
                7414159922357799360,
                4792641634685506511,
                9033237450861500666,
                6853690593585471921,
            ],
        ),
    ];

    #[test]
    fn int63_draws_the_numbers_go_draws() {
        for (seed, expected) in GO_INT63 {
            let mut source = Source::seeded(seed);
            let first: Vec<i64> = (0..3).map(|_| source.int63()).collect();
            assert_eq!(first, expected[..3], "seed {seed}");
            for _ in 3..1000 {
                source.int63();
            }
            assert_eq!(source.int63(), expected[3], "seed {seed}, draw 1 001");
        }
    }

    #[test]
    fn the_global_source_prints_what_go_1_19_prints() {
        // `for i := 0; i < 10; i++ { fmt.Print(rand.Intn(100), " ") }` in Go 1.19.8.
        let mut global = Source { word: 0 };
        let printed: Vec<i64> = (0..10).map(|_| global.intn(100).unwrap()).collect();
        assert_eq!(printed, [81, 87, 47, 59, 81, 18, 25, 40, 56, 0]);
    }

    #[test]
    fn a_cache_that_forgot_a_seed_draws_the_same_numbers() {
        let mut kept = Source::seeded(5);
        let before: Vec<i64> = (0..10).map(|_| kept.int63()).collect();
        for seed in 100..100 + 2 * CACHED_SEEDS as i64 {
            Source::seeded(seed).int63();
        }
        let mut again = Source::seeded(5);
        let after: Vec<i64> = (0..10).map(|_| again.int63()).collect();
        assert_eq!(before, after);
        assert_eq!(kept.int63(), again.int63());
    }

    #[test]
    fn the_zero_word_is_seed_one_and_seeds_reduce_as_go() {
        assert_eq!(Source::seeded(1), Source { word: 0 });
        assert_eq!(Source::seeded(0), Source::seeded(89_482_311));
        assert_eq!(Source::seeded((1 << 31) - 1 + 5), Source::seeded(5));
        assert_eq!(Source::seeded(-3), Source::seeded((1 << 31) - 1 - 3));
    }
    #[test]
    fn values_are_deterministic_and_in_range() {
        let (mut a, mut b) = (Source::seeded(42), Source::seeded(42));
        for n in 1..200 {
            let x = a.intn(n).unwrap();
            assert_eq!(Ok(x), b.intn(n));
            assert!((0..n).contains(&x));
            let f = a.float64();
            assert!((0.0..1.0).contains(&f));
            b.float64();
        }
        assert_ne!(Source::seeded(1).int63(), Source::seeded(2).int63());
        let mut p = Source::seeded(7).perm(10);
        p.sort();
        assert_eq!(p, (0..10).collect::<Vec<_>>());
        assert_eq!(Source::seeded(1).intn(0), Err("invalid argument to Intn"));
        assert_eq!(
            Source::seeded(1).int63n(-1),
            Err("invalid argument to Int63n")
        );
    }
}
