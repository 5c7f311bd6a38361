//! `sync/atomic` operations.
