//! Tables keyed by dense ids (syntax node ids, which the parser numbers from 0; goroutine ids,
//! numbered from 0 in creation order): a table is a vector indexed by id, with an empty slot
//! for ids it has no entry for. The API is the subset of `BTreeMap`/`BTreeSet` the core uses,
//! with the same iteration order (ascending id).
//!
//! Why not `BTreeMap<Id, V>`: each key and value type instantiated the B-tree's code again
//! (about 1–3 KiB of the page's wasm per type); a vector's code is a few bytes, and lookups
//! are cheaper. Only for ids that are dense: a table is as long as its largest id.

/// An id that indexes a table: small and dense.
pub trait DenseId: Copy {
    /// The table index of this id.
    fn index(self) -> usize;
}

/// A map from a dense id to `V`.
#[derive(Clone, Debug)]
pub struct IdMap<K, V> {
    /// `slots[id]` is id `id` and its value, if it has one (the id is kept so that iteration
    /// yields `(&K, &V)` as a `BTreeMap` does).
    slots: Vec<Option<(K, V)>>,
}

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        IdMap { slots: Vec::new() }
    }
}

impl<K: DenseId + PartialEq, V: PartialEq> PartialEq for IdMap<K, V> {
    /// Equal entries (however long the vectors of empty slots behind them).
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<K: DenseId, V> IdMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value for `id`.
    pub fn get(&self, id: &K) -> Option<&V> {
        self.slots.get(id.index())?.as_ref().map(|(_, v)| v)
    }

    /// The value for `id`, mutably.
    pub fn get_mut(&mut self, id: &K) -> Option<&mut V> {
        self.slots.get_mut(id.index())?.as_mut().map(|(_, v)| v)
    }

    /// Whether `id` has a value.
    pub fn contains_key(&self, id: &K) -> bool {
        self.get(id).is_some()
    }

    /// Set the value for `id`; returns the previous one.
    pub fn insert(&mut self, id: K, value: V) -> Option<V> {
        let i = id.index();
        if self.slots.len() <= i {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i].replace((id, value)).map(|(_, v)| v)
    }

    /// Remove the value for `id`; returns it.
    pub fn remove(&mut self, id: &K) -> Option<V> {
        let (_, v) = self.slots.get_mut(id.index())?.take()?;
        Some(v)
    }

    /// The entries in ascending id order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter {
            slots: self.slots.iter(),
        }
    }

    /// The values in ascending id order.
    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// How many ids have a value.
    pub fn len(&self) -> usize {
        self.values().count()
    }

    /// Whether no id has a value.
    pub fn is_empty(&self) -> bool {
        self.values().next().is_none()
    }
}

/// The entries of an [`IdMap`] in ascending id order.
pub struct Iter<'a, K, V> {
    /// The slots not yet visited.
    slots: std::slice::Iter<'a, Option<(K, V)>>,
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        self.slots
            .find_map(|slot| slot.as_ref().map(|(id, v)| (id, v)))
    }
}

impl<'a, K: DenseId, V> IntoIterator for &'a IdMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

/// A set of dense ids.
#[derive(Clone, Debug, PartialEq)]
pub struct IdSet<K: DenseId + PartialEq> {
    /// The members.
    map: IdMap<K, ()>,
}

impl<K: DenseId + PartialEq> Default for IdSet<K> {
    fn default() -> Self {
        IdSet {
            map: IdMap::default(),
        }
    }
}

impl<K: DenseId + PartialEq> IdSet<K> {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add `id`; whether it was new.
    pub fn insert(&mut self, id: K) -> bool {
        self.map.insert(id, ()).is_none()
    }

    /// Whether `id` is a member.
    pub fn contains(&self, id: &K) -> bool {
        self.map.contains_key(id)
    }

    /// The members in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.map.iter().map(|(id, ())| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    struct NodeId(u32);

    impl DenseId for NodeId {
        fn index(self) -> usize {
            self.0 as usize
        }
    }

    type NodeMap<V> = IdMap<NodeId, V>;
    type NodeSet = IdSet<NodeId>;

    #[test]
    fn behaves_like_a_btree_map() {
        let mut ours = NodeMap::new();
        let mut btree = BTreeMap::new();
        for (k, v) in [(5, "a"), (2, "b"), (5, "c"), (0, "d"), (9, "e")] {
            assert_eq!(ours.insert(NodeId(k), v), btree.insert(NodeId(k), v));
        }
        assert_eq!(
            ours.iter().collect::<Vec<_>>(),
            btree.iter().collect::<Vec<_>>()
        );
        assert_eq!(ours.len(), 4);
        assert_eq!(ours.get(&NodeId(5)), Some(&"c"));
        assert_eq!(ours.get(&NodeId(3)), None);
        assert_eq!(ours.get(&NodeId(100)), None);
        assert!(!ours.contains_key(&NodeId(1)));
        *ours.get_mut(&NodeId(2)).unwrap() = "z";
        assert_eq!(
            ours.values().copied().collect::<Vec<_>>(),
            ["d", "z", "c", "e"]
        );
        assert_eq!(btree.remove(&NodeId(2)), Some("b"));
        assert_eq!(ours.remove(&NodeId(2)), Some("z"));
        assert_eq!(ours.remove(&NodeId(2)), None);
        assert_eq!(ours.remove(&NodeId(50)), None);
        assert_eq!(ours.len(), 3);
    }

    #[test]
    fn equality_ignores_empty_slots() {
        let mut a = NodeMap::new();
        a.insert(NodeId(1), 1);
        let mut b = NodeMap::new();
        b.insert(NodeId(1), 1);
        assert_eq!(a, b);
        b.insert(NodeId(7), 2);
        assert_ne!(a, b);
        let mut s = NodeSet::new();
        assert!(s.insert(NodeId(3)));
        assert!(!s.insert(NodeId(3)));
        assert!(s.contains(&NodeId(3)) && !s.contains(&NodeId(2)));
        assert_eq!(s.iter().collect::<Vec<_>>(), [&NodeId(3)]);
        assert!(NodeMap::<u8>::new().is_empty());
    }
}
