//! The capacity `append` gives a slice it must grow: Go 1.19's `runtime.growslice` (double a
//! capacity under 256, else add a quarter and 192 until the length fits; at least the new
//! length), rounded up, in bytes, to the allocator's size class (`roundupsize`,
//! `runtime/sizeclasses.go`), so `append([]byte(nil), 'a')` has capacity 8 and appending 5
//! `int`s to a nil slice capacity 6.

/// Go 1.19's `class_to_size`: the sizes, in bytes, of the allocator's small-object classes.
const CLASS_TO_SIZE: [u64; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// The largest small object (`_MaxSmallSize`); larger ones take whole pages.
const MAX_SMALL_SIZE: u64 = 32768;

/// The allocator's page (`_PageSize`).
const PAGE_SIZE: u64 = 8192;

/// `roundupsize`: the size of the block the allocator gives a request of `size` bytes.
pub fn round_up_size(size: u64) -> u64 {
    if size < MAX_SMALL_SIZE {
        return CLASS_TO_SIZE
            .iter()
            .copied()
            .find(|&c| c >= size)
            .unwrap_or(MAX_SMALL_SIZE);
    }
    size.div_ceil(PAGE_SIZE).saturating_mul(PAGE_SIZE)
}

/// The capacity of the array `append` allocates for a slice of capacity `old_cap` that must
/// hold `needed` elements of `elem_size` bytes (`needed > old_cap`); `None` for an element size
/// racemap does not know (the capacity is then `growslice`'s count before rounding).
pub fn grown_capacity(old_cap: u64, needed: u64, elem_size: Option<u64>) -> u64 {
    const THRESHOLD: u64 = 256;
    let double = old_cap.saturating_mul(2);
    let mut new_cap = if needed > double {
        needed
    } else if old_cap < THRESHOLD {
        double
    } else {
        let mut c = old_cap;
        while c < needed {
            c += (c + 3 * THRESHOLD) / 4;
        }
        c
    };
    match elem_size {
        // A zero-size element: the slice's capacity is the length asked for.
        Some(0) => new_cap = needed,
        Some(size) => {
            if let Some(bytes) = new_cap.checked_mul(size) {
                new_cap = round_up_size(bytes) / size;
            }
        }
        None => {}
    }
    new_cap
}

#[cfg(test)]
mod tests {
    use super::*;

    // Capacities Go 1.19 prints (`cap(append(s, …))`, amd64).
    #[test]
    fn capacities_match_go() {
        // append([]byte(nil), 'a'): 1 byte rounds up to the 8-byte class.
        assert_eq!(grown_capacity(0, 1, Some(1)), 8);
        // append([]int(nil), 1, 2, 3, 4, 5): 40 bytes -> 48.
        assert_eq!(grown_capacity(0, 5, Some(8)), 6);
        // append([]int(nil), 1): 8 bytes.
        assert_eq!(grown_capacity(0, 1, Some(8)), 1);
        // One more int than a capacity of 4: double.
        assert_eq!(grown_capacity(4, 5, Some(8)), 8);
        // Three strings: 48 bytes; five: 80 bytes.
        assert_eq!(grown_capacity(0, 3, Some(16)), 3);
        assert_eq!(grown_capacity(0, 5, Some(16)), 5);
        // 24-byte structs: 3 need 72 bytes, the 80-byte class holds 3.
        assert_eq!(grown_capacity(0, 3, Some(24)), 3);
        // Past 256: 512 ints grow by (512 + 768) / 4 = 320 to 832 (6656 bytes -> 6784).
        assert_eq!(grown_capacity(512, 513, Some(8)), 848);
        // Large: whole pages.
        assert_eq!(grown_capacity(4096, 4097, Some(8)), 6144);
        assert_eq!(round_up_size(40000), 40960);
        // Zero-size elements, and an unknown size.
        assert_eq!(grown_capacity(0, 7, Some(0)), 7);
        assert_eq!(grown_capacity(3, 4, None), 6);
    }
}
