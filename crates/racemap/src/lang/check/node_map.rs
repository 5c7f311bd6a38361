//! Tables keyed by syntax node id, for the checker's [`Info`](super::Info): node ids are dense
//! (the parser numbers nodes from 0), so a table is a vector indexed by id with an empty slot
//! for ids it has no entry for. The API is the subset of `BTreeMap`/`BTreeSet` the checker and
//! lowering use, with the same iteration order (ascending id).
//!
//! Why not `BTreeMap<NodeId, V>`: each value type instantiated the B-tree's code again (about
//! 1–3 KiB of the page's wasm per type); a vector's code is a few bytes, and lookups are
//! cheaper.

use crate::lang::ast::NodeId;

/// A map from node id to `V`.
#[derive(Clone, Debug)]
pub struct NodeMap<V> {
    /// `slots[id]` is node `id` and its value, if it has one (the id is kept so that iteration
    /// yields `(&NodeId, &V)` as a `BTreeMap` does).
    slots: Vec<Option<(NodeId, V)>>,
}

impl<V> Default for NodeMap<V> {
    fn default() -> Self {
        NodeMap { slots: Vec::new() }
    }
}

impl<V: PartialEq> PartialEq for NodeMap<V> {
    /// Equal entries (however long the vectors of empty slots behind them).
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<V> NodeMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value for `id`.
    pub fn get(&self, id: &NodeId) -> Option<&V> {
        self.slots.get(id.0 as usize)?.as_ref().map(|(_, v)| v)
    }

    /// The value for `id`, mutably.
    pub fn get_mut(&mut self, id: &NodeId) -> Option<&mut V> {
        self.slots.get_mut(id.0 as usize)?.as_mut().map(|(_, v)| v)
    }

    /// Whether `id` has a value.
    pub fn contains_key(&self, id: &NodeId) -> bool {
        self.get(id).is_some()
    }

    /// Set the value for `id`; returns the previous one.
    pub fn insert(&mut self, id: NodeId, value: V) -> Option<V> {
        let i = id.0 as usize;
        if self.slots.len() <= i {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i].replace((id, value)).map(|(_, v)| v)
    }

    /// The entries in ascending id order.
    pub fn iter(&self) -> Iter<'_, V> {
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

/// The entries of a [`NodeMap`] in ascending id order.
pub struct Iter<'a, V> {
    /// The slots not yet visited.
    slots: std::slice::Iter<'a, Option<(NodeId, V)>>,
}

impl<'a, V> Iterator for Iter<'a, V> {
    type Item = (&'a NodeId, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        self.slots
            .find_map(|slot| slot.as_ref().map(|(id, v)| (id, v)))
    }
}

impl<'a, V> IntoIterator for &'a NodeMap<V> {
    type Item = (&'a NodeId, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

/// A set of node ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeSet {
    /// The members.
    map: NodeMap<()>,
}

impl NodeSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add `id`; whether it was new.
    pub fn insert(&mut self, id: NodeId) -> bool {
        self.map.insert(id, ()).is_none()
    }

    /// Whether `id` is a member.
    pub fn contains(&self, id: &NodeId) -> bool {
        self.map.contains_key(id)
    }

    /// The members in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = &NodeId> + '_ {
        self.map.iter().map(|(id, ())| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

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
