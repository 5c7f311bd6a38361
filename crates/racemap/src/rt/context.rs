//! Package `context`, after Go 1.19's `context/context.go`: `Background`, `TODO`,
//! `WithCancel`, `WithDeadline`, `WithTimeout`, `WithValue`, and the methods `Done`, `Err`,
//! `Value`, `Deadline` of the contexts they make.
//!
//! A context is a heap object holding a [`ContextState`]; the `context.Context` interface
//! values hold a pointer to it (dynamic type `*context.cancelCtx`). A cancelable context
//! (`WithCancel`, `WithDeadline`) has its `done` channel and, once canceled, its `err`
//! (`context.Canceled` or `context.DeadlineExceeded`). Canceling is Go's `cancelCtx.cancel`:
//! nothing if already canceled, else set `err`, close `done`, cancel every child (with the
//! same error), forget the children, leave the parent's child list, and stop the deadline's
//! timer; it is idempotent. A new cancelable context joins its nearest cancelable ancestor's
//! children (`propagateCancel`), or is canceled at once when that ancestor already is. A
//! deadline context arms a runtime timer (`rt::timer`) that cancels it with
//! `DeadlineExceeded`; a deadline already past cancels it at once; a parent's earlier deadline
//! makes it a plain `WithCancel`.
//!
//! Memory model: Go guards a context's fields with its mutex `mu`, taken by `Done`, `Err`,
//! `cancel` and a child's registration; racemap's steps acquire and release the context's
//! lock ([`SyncVar::Lock`](crate::rt::event::SyncVar::Lock)) the same way, and closing `done`
//! is a channel close (its receivers happen after it). `Value` and `Deadline` read fields
//! that never change: local computation.
//!
//! Differences from Go: the `done` channel is made with the context (Go makes it on the first
//! `Done`), and the deadline timer cancels on the runtime's timer goroutine (Go starts one
//! more goroutine for it, which takes a goroutine number). A parent context of another type
//! than package `context`'s is refused.

use crate::rt::value::{ChanId, Pointer, Value};

/// What kind of context it is.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub enum ContextKind {
    /// `context.Background()`: never canceled, no values, no deadline.
    #[default]
    Background,
    /// `context.TODO()`: the same, printed differently.
    Todo,
    /// `WithCancel`: canceled by its `CancelFunc` or its parent.
    Cancel,
    /// `WithDeadline`/`WithTimeout`: also canceled at this virtual time (ns).
    Deadline(i64),
    /// `WithValue`: carries one key and value; everything else is its parent's.
    Value {
        /// The key.
        key: Value,
        /// The value.
        val: Value,
    },
}

/// The state of one context.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct ContextState {
    /// Its kind.
    pub kind: ContextKind,
    /// The parent context (a `context.Context` interface value); `None` for Background/TODO.
    pub parent: Option<Pointer>,
    /// The `Done` channel of a cancelable context.
    pub done: Option<ChanId>,
    /// `nil` (`Value::Iface(None)`) until canceled, then the error `Err` returns.
    pub err: Option<Value>,
    /// What `err.Error()` says once canceled (`context canceled`, `context deadline
    /// exceeded`), for the page.
    // Invariant: `Some` ⇔ `err` is `Some`.
    pub reason: Option<&'static str>,
    /// The cancelable contexts that are canceled with it, in registration order.
    pub children: Vec<Pointer>,
    /// The runtime timer (`rt::timer`) of a deadline context.
    pub timer: Option<Pointer>,
    /// The call that made it as the program wrote it (`context.WithTimeout`,
    /// `context.Background`): a `WithTimeout` context is a deadline context too.
    pub made_by: &'static str,
    /// Where the program made it (`None` for `Background`/`TODO`/`WithValue`, which are made
    /// without a step).
    pub made_at: Option<crate::diag::Span>,
}

impl ContextState {
    /// A context of `kind` with `parent`.
    pub fn new(kind: ContextKind, parent: Option<Pointer>) -> ContextState {
        let made_by = match kind {
            ContextKind::Background => "context.Background",
            ContextKind::Todo => "context.TODO",
            ContextKind::Cancel => "context.WithCancel",
            ContextKind::Deadline(_) => "context.WithDeadline",
            ContextKind::Value { .. } => "context.WithValue",
        };
        ContextState {
            kind,
            parent,
            made_by,
            ..ContextState::default()
        }
    }

    /// It can be canceled (it has its own `done` and `err`).
    pub fn cancelable(&self) -> bool {
        matches!(self.kind, ContextKind::Cancel | ContextKind::Deadline(_))
    }

    /// Its own deadline, if it is a deadline context.
    pub fn own_deadline(&self) -> Option<i64> {
        match self.kind {
            ContextKind::Deadline(d) => Some(d),
            _ => None,
        }
    }

    /// The `%v` text Go 1.19 prints for a context of this kind, without its parent's
    /// (`context.Background`, `.WithCancel`, `.WithValue(type string, val v)`).
    pub fn go_name(&self) -> &'static str {
        match self.kind {
            ContextKind::Background => "context.Background",
            ContextKind::Todo => "context.TODO",
            ContextKind::Cancel => ".WithCancel",
            ContextKind::Deadline(_) => ".WithDeadline",
            ContextKind::Value { .. } => ".WithValue",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cancel_and_deadline_contexts_are_cancelable() {
        assert!(!ContextState::default().cancelable());
        assert!(ContextState::new(ContextKind::Cancel, None).cancelable());
        let d = ContextState::new(ContextKind::Deadline(5), None);
        assert!(d.cancelable());
        assert_eq!(d.own_deadline(), Some(5));
        let v = ContextState::new(
            ContextKind::Value {
                key: Value::Int(1),
                val: Value::Int(2),
            },
            None,
        );
        assert!(!v.cancelable());
        assert_eq!(v.own_deadline(), None);
    }
}
