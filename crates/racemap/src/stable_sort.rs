//! A stable sort with little code per element type, for the core's sorts that are not hot (the
//! checker's, the diagnostics', the views'): the page's WebAssembly carries one copy of the
//! standard library's sort (driftsort and its small sorts, about 3 KiB) per element type and
//! comparison, this module one shared merge sort plus a few bytes per call site.
//!
//! Algorithm: a bottom-up merge sort of the indices `0..len` ([`order`], not generic: it
//! compares through a `dyn` callback), then the permutation applied in place by walking its
//! cycles with swaps ([`permute`], not generic either). Stable, like `slice::sort`: equal
//! elements keep their order, so the result is the same as `slice::sort`'s. `O(n log n)`
//! comparisons, `O(n)` swaps, two `usize` buffers of `n` each.

use std::cmp::Ordering;

/// Sort `v` stably by `key` (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` stably in ascending order (like `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sort `v` stably by `compare` (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = order(v.len(), &mut |i, j| compare(&v[i], &v[j]) == Ordering::Less);
    permute(order, &mut |i, j| v.swap(i, j));
}

/// The indices `0..len` in stable sorted order, where `less(i, j)` says whether element `i`
/// sorts strictly before element `j`: a bottom-up merge sort, runs of width 1, 2, 4, ….
#[inline(never)]
fn order(len: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut lo = 0;
        while lo < len {
            let mid = (lo + width).min(len);
            let hi = (lo + 2 * width).min(len);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right run only when strictly less: equal elements keep their
                // order.
                if less(from[j], from[i]) {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            let rest = mid - i;
            to[k..k + rest].copy_from_slice(&from[i..mid]);
            to[k + rest..hi].copy_from_slice(&from[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Rearrange a sequence so that position `k` receives the element at `order[k]`, by swaps
/// (`swap(i, j)` exchanges positions `i` and `j`): each cycle of the permutation is walked
/// once, each element moved once into place.
#[inline(never)]
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let next = order[at];
            // Mark `at` done: it now holds (or will hold, once the cycle closes) its element.
            order[at] = at;
            if next == start || next == at {
                break;
            }
            // Position `at` takes the element at `next`; the cycle's first element, carried
            // along, ends up at the cycle's last position.
            swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_elements_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(
            v,
            vec![(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
    }

    #[test]
    fn empty_and_single() {
        let mut v: Vec<String> = Vec::new();
        sort(&mut v);
        assert!(v.is_empty());
        let mut v = vec!["x".to_string()];
        sort(&mut v);
        assert_eq!(v, ["x"]);
    }

    proptest! {
        /// Same result as the standard library's stable sort, on keys with many ties (so
        /// stability is tested) and elements that are not `Copy`.
        #[test]
        fn same_as_std(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let items: Vec<(u8, String)> = v.iter().map(|(k, n)| (*k, n.to_string())).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &std_sorted);
            let mut ours = items.clone();
            sort(&mut ours);
            let mut std_sorted = items;
            std_sorted.sort();
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
