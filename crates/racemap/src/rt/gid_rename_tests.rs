//! The scopes of `gid_rename`.

use super::{erased, renamed, renaming};
use crate::rt::event::Gid;
use std::hash::{Hash, Hasher};

fn hash_of(g: Gid) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    g.hash(&mut h);
    h.finish()
}

#[test]
fn ids_are_themselves_outside_a_scope() {
    assert_eq!(renamed(5), 5);
    assert_ne!(hash_of(Gid(1)), hash_of(Gid(2)));
}

#[test]
fn a_renaming_scope_maps_ids_and_ends() {
    let plain = hash_of(Gid(0));
    renaming(&[2, 0, 1], || {
        assert_eq!(renamed(0), 2);
        assert_eq!(renamed(2), 1);
        assert_eq!(hash_of(Gid(1)), plain);
        // Past the table: kept apart from every renamed id.
        assert!(renamed(7) > 2);
        erased(|| assert_eq!(renamed(1), renamed(2)));
        assert_eq!(renamed(1), 0);
    });
    assert_eq!(renamed(0), 0);
}
