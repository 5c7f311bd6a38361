//! `math/rand`'s generator, seeded and deterministic. Go 1.19's `rngSource` is an additive
//! lagged Fibonacci generator whose 607-word table of "cooked" values racemap does not carry,
//! so racemap's numbers differ from Go's; what holds as in Go: the same seed gives the same
//! sequence in every run, the global source starts as if seeded with 1 (Go 1.19 seeds it with
//! 1 too: programs print the same numbers on every run), `Seed` reduces its argument modulo
//! 2³¹−1 (0 acts as 89482311), and `Intn`, `Int63n`, `Int31n`, `Uint32`, `Float64`,
//! `Float32`, `Perm` and `Shuffle`'s indices are derived from `Int63` with Go's algorithms
//! (rejection sampling, Lemire's method for `Shuffle`); `Uint64` is one whole draw.
//!
//! The generator is SplitMix64: the state is one 64-bit word, stored as `Value::Int` in the
//! source's cell, offset so that the zero word is the state after `Seed(1)`.

/// SplitMix64's increment.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// A source's state, as its cell holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    /// The stored word: the SplitMix64 state minus the state of `Seed(1)`.
    pub word: i64,
}

/// Why a call panics: Go's message.
pub type Invalid = &'static str;

impl Source {
    /// The state after `Seed(seed)` (`rngSource.Seed`'s reduction of the seed).
    pub fn seeded(seed: i64) -> Source {
        const INT32_MAX: i64 = (1 << 31) - 1;
        let mut s = seed % INT32_MAX;
        if s < 0 {
            s += INT32_MAX;
        }
        if s == 0 {
            s = 89_482_311;
        }
        let state = (s as u64).wrapping_mul(GAMMA);
        Source {
            word: state.wrapping_sub(GAMMA) as i64,
        }
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        let state = (self.word as u64).wrapping_add(GAMMA).wrapping_add(GAMMA);
        self.word = state.wrapping_sub(GAMMA) as i64;
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `Int63()`: a non-negative 63-bit integer.
    pub fn int63(&mut self) -> i64 {
        (self.next_u64() >> 1) as i64
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
