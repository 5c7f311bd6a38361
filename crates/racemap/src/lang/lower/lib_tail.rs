//! Library calls whose native part is followed by one instruction of bytecode: the calls that
//! write the program's memory, which a native call (local computation) cannot do visibly.
//! `utf8.EncodeRune(p, r)` is its native check (Go's `p[n-1]` bounds check, a panic when `p`
//! is too short) pushing `p` and the rune's encoding, then `copy(p, enc)` (a visible write of
//! `p`'s first bytes, its result the count); `utf8.AppendRune(p, r)` pushes `p` and the
//! encoding, then `append(p, enc...)` (Go's `append(p, b0, b1, …)`: the same growth).

use crate::bytecode::{Instr, LibFunc};
use crate::types::{Basic, TypeTable};

/// The instruction that finishes a call of `f` after its native part, if any.
pub(super) fn tail(f: LibFunc) -> Option<Instr> {
    match f {
        LibFunc::Utf8EncodeRune => Some(Instr::Copy),
        LibFunc::Utf8AppendRune => Some(Instr::AppendSlice {
            elem: TypeTable::basic(Basic::Uint8),
        }),
        _ => None,
    }
}
