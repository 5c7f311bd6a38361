//! Small ordered maps and sets as sorted vectors: the entries in ascending key order in one
//! `Vec`, found by binary search; insertion and removal shift the entries after the slot.
//! The API is the subset of `BTreeMap`/`BTreeSet` the front end and the compiler use, with the
//! same iteration order (ascending key), equality and ordering.
//!
//! Why not `BTreeMap`: every key and value type instantiates the B-tree's code again (node
//! search, split, merge, rebalance, clone and drop of nodes: about 2–10 KiB of the page's wasm
//! per type); a sorted vector's code is a binary search and a `memmove`. Only for maps that stay
//! small or are built once (scopes, the checker's and the lowering's tables, the compiler's
//! analyses): an insertion in the middle costs time linear in the entries after it. The runtime's
//! maps that a program can grow without bound (Go maps, `sync.Map`, the race detector's shadow
//! state) keep their B-trees.

use std::borrow::Borrow;
use std::cmp::Ordering;

/// A map ordered by key, stored as a vector sorted by key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VecMap<K, V> {
    /// The entries, strictly ascending by key.
    entries: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }
}

impl<K, V> VecMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in ascending key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The entries in ascending key order, values mutably.
    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&K, &mut V)> + ExactSizeIterator {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in ascending order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in ascending key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The values in ascending key order, mutably.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// The values in ascending key order, by value.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> + ExactSizeIterator {
        self.entries.into_iter().map(|(_, v)| v)
    }

    /// The entry with the smallest key.
    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.entries.first().map(|(k, v)| (k, v))
    }

    /// The entry with the largest key.
    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.entries.last().map(|(k, v)| (k, v))
    }

    /// Keep only the entries for which `keep` is true (visited in ascending key order).
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// Remove every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// `Ok(slot)` of `key`, or `Err(slot)` where it would be inserted.
    fn find<Q: ?Sized + Ord>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value for `key`.
    pub fn get<Q: ?Sized + Ord>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        Some(&self.entries[i].1)
    }

    /// The stored key and the value for `key`.
    pub fn get_key_value<Q: ?Sized + Ord>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        let (k, v) = &self.entries[i];
        Some((k, v))
    }

    /// The value for `key`, mutably.
    pub fn get_mut<Q: ?Sized + Ord>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        Some(&mut self.entries[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q: ?Sized + Ord>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Set the value for `key`; returns the previous one (the stored key stays, as in a
    /// `BTreeMap`).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// Remove the entry for `key`; returns its value.
    pub fn remove<Q: ?Sized + Ord>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// The entry for `key`, to read, insert or update in place.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        match self.find(&key) {
            Ok(slot) => Entry::Occupied(OccupiedEntry { map: self, slot }),
            Err(slot) => Entry::Vacant(VacantEntry {
                map: self,
                slot,
                key,
            }),
        }
    }

    /// The entries with keys from `lo` (inclusive) on, in ascending key order.
    pub fn range_from<Q: ?Sized + Ord>(&self, lo: &Q) -> impl DoubleEndedIterator<Item = (&K, &V)>
    where
        K: Borrow<Q>,
    {
        let start = self.find(lo).unwrap_or_else(|i| i);
        self.entries[start..].iter().map(|(k, v)| (k, v))
    }
}

/// An entry of a [`VecMap`]: present or not.
pub enum Entry<'a, K, V> {
    /// The key has a value.
    Occupied(OccupiedEntry<'a, K, V>),
    /// The key has no value.
    Vacant(VacantEntry<'a, K, V>),
}

/// A key of a [`VecMap`] that has a value.
pub struct OccupiedEntry<'a, K, V> {
    /// The map.
    map: &'a mut VecMap<K, V>,
    /// The entry's slot in `map.entries`.
    slot: usize,
}

/// A key of a [`VecMap`] without a value.
pub struct VacantEntry<'a, K, V> {
    /// The map.
    map: &'a mut VecMap<K, V>,
    /// Where the key goes in `map.entries`.
    slot: usize,
    /// The key.
    key: K,
}

impl<'a, K, V> Entry<'a, K, V> {
    /// The value, `default` inserted first if there was none.
    pub fn or_insert(self, default: V) -> &'a mut V {
        self.or_insert_with(|| default)
    }

    /// The value, `default()` inserted first if there was none.
    pub fn or_insert_with(self, default: impl FnOnce() -> V) -> &'a mut V {
        match self {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(default()),
        }
    }

    /// The value, `V::default()` inserted first if there was none.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    /// Update the value in place if there is one.
    pub fn and_modify(mut self, f: impl FnOnce(&mut V)) -> Self {
        if let Entry::Occupied(e) = &mut self {
            f(e.get_mut());
        }
        self
    }
}

impl<'a, K, V> OccupiedEntry<'a, K, V> {
    /// The value.
    pub fn get(&self) -> &V {
        &self.map.entries[self.slot].1
    }

    /// The value, mutably.
    pub fn get_mut(&mut self) -> &mut V {
        &mut self.map.entries[self.slot].1
    }

    /// The value, mutably, for as long as the map is borrowed.
    pub fn into_mut(self) -> &'a mut V {
        &mut self.map.entries[self.slot].1
    }

    /// Replace the value; returns the old one.
    pub fn insert(&mut self, value: V) -> V {
        std::mem::replace(self.get_mut(), value)
    }

    /// Remove the entry; returns its value.
    pub fn remove(self) -> V {
        self.map.entries.remove(self.slot).1
    }
}

impl<'a, K, V> VacantEntry<'a, K, V> {
    /// Insert `value` for the entry's key.
    pub fn insert(self, value: V) -> &'a mut V {
        self.map.entries.insert(self.slot, (self.key, value));
        &mut self.map.entries[self.slot].1
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    /// As `BTreeMap`: the last value given for a key wins.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = VecMap::new();
        map.extend(iter);
        map
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Ord + Borrow<Q>, Q: ?Sized + Ord, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;

    /// The value for `key`; panics if there is none (as `BTreeMap`'s).
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

/// A set ordered by value, stored as a sorted vector.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VecSet<T> {
    /// The members, strictly ascending.
    items: Vec<T>,
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet { items: Vec::new() }
    }
}

impl<T> VecSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many members.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there is no member.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The members in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// The smallest member.
    pub fn first(&self) -> Option<&T> {
        self.items.first()
    }

    /// The largest member.
    pub fn last(&self) -> Option<&T> {
        self.items.last()
    }

    /// Keep only the members for which `keep` is true.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
    }
}

impl<T: Ord> VecSet<T> {
    /// `Ok(slot)` of `value`, or `Err(slot)` where it would be inserted.
    fn find<Q: ?Sized + Ord>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.items.binary_search_by(|x| x.borrow().cmp(value))
    }

    /// Add `value`; whether it was new (an equal member stays, as in a `BTreeSet`).
    pub fn insert(&mut self, value: T) -> bool {
        match self.find(&value) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, value);
                true
            }
        }
    }

    /// Whether `value` is a member.
    pub fn contains<Q: ?Sized + Ord>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(value).is_ok()
    }

    /// Remove `value`; whether it was a member.
    pub fn remove<Q: ?Sized + Ord>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(value) {
            Ok(i) => {
                self.items.remove(i);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut items: Vec<T> = iter.into_iter().collect();
        // Stable, so that of equal values the first stays (as `BTreeSet` keeps the first); the
        // core's shared sort, not one copy of the standard library's per element type.
        crate::stable_sort::sort(&mut items);
        items.dedup_by(|later, earlier| Ord::cmp(&*later, &*earlier) == Ordering::Equal);
        VecSet { items }
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for x in iter {
            self.insert(x);
        }
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// A small deterministic generator (xorshift) for the differential tests.
    fn numbers(seed: u64, n: usize, below: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % below
            })
            .collect()
    }

    #[test]
    fn behaves_like_a_btree_map() {
        for seed in 1..20 {
            let ops = numbers(seed, 400, 64);
            let mut ours: VecMap<u64, usize> = VecMap::new();
            let mut btree: BTreeMap<u64, usize> = BTreeMap::new();
            for (i, &k) in ops.iter().enumerate() {
                match i % 5 {
                    0 | 1 => assert_eq!(ours.insert(k, i), btree.insert(k, i)),
                    2 => assert_eq!(ours.remove(&k), btree.remove(&k)),
                    3 => {
                        *ours.entry(k).or_default() += i;
                        *btree.entry(k).or_default() += i;
                    }
                    _ => {
                        assert_eq!(ours.get(&k), btree.get(&k));
                        assert_eq!(ours.contains_key(&k), btree.contains_key(&k));
                    }
                }
                assert_eq!(ours.len(), btree.len());
            }
            assert!(ours.iter().eq(btree.iter()));
            assert!(ours.iter().rev().eq(btree.iter().rev()));
            assert!(ours.keys().eq(btree.keys()));
            assert!(ours.values().eq(btree.values()));
            assert_eq!(ours.first_key_value(), btree.first_key_value());
            assert_eq!(ours.last_key_value(), btree.last_key_value());
            assert!(ours.range_from(&30).eq(btree.range(30..)));
            ours.retain(|k, v| (k + *v as u64) & 2 == 0);
            btree.retain(|k, v| (k + *v as u64) & 2 == 0);
            assert!(ours.clone().into_iter().eq(btree.clone()));
        }
    }

    #[test]
    fn collecting_keeps_the_last_value_of_a_key() {
        let pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let ours: VecMap<i32, char> = pairs.into_iter().collect();
        let btree: BTreeMap<i32, char> = pairs.into_iter().collect();
        assert!(ours.iter().eq(btree.iter()));
        assert_eq!(ours[&3], 'c');
    }

    #[test]
    fn borrowed_keys_and_entries() {
        let mut m: VecMap<String, u32> = VecMap::new();
        m.insert("b".into(), 1);
        m.insert("a".into(), 2);
        assert_eq!(m.get("a"), Some(&2));
        assert_eq!(m.get_key_value("b"), Some((&"b".to_string(), &1)));
        *m.get_mut("b").unwrap() += 10;
        m.entry("b".into()).and_modify(|v| *v += 1).or_insert(0);
        m.entry("c".into()).and_modify(|v| *v += 1).or_insert(7);
        assert_eq!(
            m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(),
            [("a", 2), ("b", 12), ("c", 7)]
        );
        if let Entry::Occupied(e) = m.entry("a".into()) {
            assert_eq!(e.remove(), 2);
        }
        assert_eq!(m.remove("zz"), None);
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn ordering_and_equality_are_the_btree_maps() {
        let a: VecMap<u8, u8> = [(1, 2), (3, 4)].into_iter().collect();
        let b: VecMap<u8, u8> = [(1, 2), (4, 0)].into_iter().collect();
        let ba: BTreeMap<u8, u8> = a.clone().into_iter().collect();
        let bb: BTreeMap<u8, u8> = b.clone().into_iter().collect();
        assert_eq!(a.cmp(&b), ba.cmp(&bb));
        assert_eq!(b.cmp(&a), bb.cmp(&ba));
        assert_eq!(a, [(3, 4), (1, 2)].into_iter().collect());
    }

    #[test]
    fn behaves_like_a_btree_set() {
        for seed in 1..20 {
            let ops = numbers(seed, 300, 50);
            let mut ours = VecSet::new();
            let mut btree = BTreeSet::new();
            for (i, &x) in ops.iter().enumerate() {
                if i % 3 == 2 {
                    assert_eq!(ours.remove(&x), btree.remove(&x));
                } else {
                    assert_eq!(ours.insert(x), btree.insert(x));
                }
                assert_eq!(ours.contains(&(x + 1)), btree.contains(&(x + 1)));
            }
            assert!(ours.iter().eq(btree.iter()));
            assert_eq!(ours.first(), btree.first());
            assert_eq!(ours.last(), btree.last());
            let collected: VecSet<u64> = ops.iter().copied().collect();
            let expected: BTreeSet<u64> = ops.iter().copied().collect();
            assert!(collected.into_iter().eq(expected));
        }
    }
}
