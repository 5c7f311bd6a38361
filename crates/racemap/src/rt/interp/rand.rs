//! `math/rand`'s top-level functions on the global source (`rt/rand.rs`): one visible step
//! each that reads and writes the source's hidden cell. Go's global functions lock the source,
//! so the step is an atomic read-modify-write for the race detector (consecutive calls are
//! ordered, as `Unlock` → `Lock` orders them in Go) and for the explorer (calls from
//! different goroutines do not commute: their order decides who gets which number).

use super::*;
use crate::rt::rand::Source;

/// Whether `f` is a `math/rand` call on the global source.
pub(super) fn is_rand(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::RandSeed
            | LibFunc::RandInt
            | LibFunc::RandIntn
            | LibFunc::RandInt63
            | LibFunc::RandInt63n
            | LibFunc::RandInt31
            | LibFunc::RandInt31n
            | LibFunc::RandFloat64
            | LibFunc::RandPerm
            | LibFunc::RandShuffleIndex
    )
}

impl Machine {
    /// A call on the source whose cell `p` points to; `args[0]` is `p`, the rest are the
    /// call's arguments. Returns its results.
    pub(super) fn rand_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let a1 = || int(arg(args, 1)?);
        let mut src = match self.heap.load(&p)? {
            Value::Int(word) => Source { word },
            other => return Err(wrong_kind("a math/rand source", &other)),
        };
        let drawn = match func {
            LibFunc::RandSeed => {
                src = Source::seeded(a1()?);
                Ok(Vec::new())
            }
            LibFunc::RandInt | LibFunc::RandInt63 => Ok(vec![Value::Int(src.int63())]),
            LibFunc::RandInt31 => Ok(vec![Value::Int(i64::from(src.int31()))]),
            LibFunc::RandIntn => src.intn(a1()?).map(|v| vec![Value::Int(v)]),
            LibFunc::RandInt63n => src.int63n(a1()?).map(|v| vec![Value::Int(v)]),
            LibFunc::RandInt31n => src
                .int31n(a1()? as i32)
                .map(|v| vec![Value::Int(i64::from(v))]),
            LibFunc::RandFloat64 => Ok(vec![Value::Float(src.float64())]),
            LibFunc::RandShuffleIndex => Ok(vec![Value::Int(src.shuffle_index(a1()?))]),
            LibFunc::RandPerm => {
                let n = a1()?;
                if n < 0 {
                    return Err(RtError::makeslice_len().into());
                }
                self.heap.reserve(&self.config, n as u64)?;
                let parts: Vec<Value> = src.perm(n as usize).into_iter().map(Value::Int).collect();
                let len = parts.len();
                let sl = self.new_slice(parts, len, crate::types::TypeTable::basic(Basic::Int))?;
                Ok(vec![Value::Slice(Some(sl))])
            }
            other => {
                let msg = format!("{other:?} is not a math/rand call");
                return Err(InternalError::new(msg).into());
            }
        };
        let results = drawn.map_err(RtError::library_panic)?;
        self.heap.store(&p, Value::Int(src.word))?;
        let var = crate::rt::event::SyncVar::Atomic(p.clone());
        let eff = vec![
            Effect::Atomic {
                loc: Loc::Heap(p.clone()),
                write: true,
            },
            Effect::Acquire(var.clone()),
            Effect::Release(var),
        ];
        let name = format!("rand.{}", func.spec().name);
        let value = results.first().cloned().unwrap_or(Value::Int(src.word));
        self.emit(
            gid,
            Op::Atomic {
                ptr: p,
                name,
                value,
            },
            eff,
        );
        Ok(results)
    }
}
