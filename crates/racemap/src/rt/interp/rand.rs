//! `math/rand`'s top-level functions on the global source (`rt/rand.rs`): one visible step
//! each that reads and writes the source's hidden cell. Go's global functions lock the source,
//! so the step is an atomic read-modify-write for the race detector (consecutive calls are
//! ordered, as `Unlock` → `Lock` orders them in Go) and for the explorer (calls from
//! different goroutines do not commute: their order decides who gets which number). A
//! `*rand.Rand`'s methods are not safe for concurrent use: each is a plain read and write of
//! the Rand's two words (field 0 the source's state, field 1 its count of draws), so a Rand
//! shared without synchronization races as in Go, whose `rngSource.Uint64` reads and writes
//! two fields (`tap` and `feed`: Go files one report for each).

use super::*;
use crate::rt::rand::Source;

/// Whether `f` is a `math/rand` call on the global source or a `*rand.Rand` method.
pub(super) fn is_rand(f: LibFunc) -> bool {
    global_equivalent(f).is_some()
}

/// The top-level function a call draws like: itself, or for a `*rand.Rand` method the
/// function of the same name.
fn global_equivalent(f: LibFunc) -> Option<LibFunc> {
    use LibFunc::*;
    Some(match f {
        RandSeed | RandInt | RandIntn | RandInt63 | RandInt63n | RandInt31 | RandInt31n
        | RandFloat64 | RandPerm | RandShuffleIndex | RandUint32 | RandUint64 | RandFloat32 => f,
        RandRandSeed => RandSeed,
        RandRandInt => RandInt,
        RandRandIntn => RandIntn,
        RandRandInt63 => RandInt63,
        RandRandInt63n => RandInt63n,
        RandRandInt31 => RandInt31,
        RandRandInt31n => RandInt31n,
        RandRandFloat64 => RandFloat64,
        RandRandPerm => RandPerm,
        RandRandShuffleIndex => RandShuffleIndex,
        RandRandUint32 => RandUint32,
        RandRandUint64 => RandUint64,
        RandRandFloat32 => RandFloat32,
        _ => return None,
    })
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
        // The global source (top-level functions and Shuffle's hook), or a Rand's (its
        // methods and its Shuffle's hook).
        let locked = !matches!(func.spec().owner, crate::library::Owner::Struct(..))
            && func != LibFunc::RandRandShuffleIndex;
        // A Rand's source is its field 0, its count of draws field 1.
        let (p, draws) = if locked {
            (p, None)
        } else {
            (p.child(0), Some(p.child(1)))
        };
        let Some(func) = global_equivalent(func) else {
            let msg = format!("{} is not a math/rand call", func.go_name());
            return Err(InternalError::new(msg).into());
        };
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
            LibFunc::RandFloat32 => Ok(vec![Value::Float(f64::from(src.float32()))]),
            LibFunc::RandUint32 => Ok(vec![Value::Int(i64::from(src.uint32()))]),
            LibFunc::RandUint64 => Ok(vec![Value::Int(src.uint64() as i64)]),
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
                let msg = format!("{} is not a math/rand call", other.go_name());
                return Err(InternalError::new(msg).into());
            }
        };
        let results = drawn.map_err(RtError::library_panic)?;
        let word = Value::Int(src.word);
        self.heap.store(&p, word.clone())?;
        if let Some(draws) = draws {
            let n = int(&self.heap.load(&draws)?)?;
            self.heap.store(&draws, Value::Int(n.wrapping_add(1)))?;
            let mut eff = Vec::new();
            for loc in [Loc::Heap(p.clone()), Loc::Heap(draws)] {
                eff.push(Effect::Read(loc.clone()));
                eff.push(Effect::Write(loc));
            }
            self.emit(
                gid,
                Op::Store {
                    ptr: p,
                    value: word,
                },
                eff,
            );
            return Ok(results);
        }
        let var = crate::rt::event::SyncVar::Atomic(p.clone());
        let eff = vec![
            Effect::Atomic {
                loc: Loc::Heap(p.clone()),
                write: true,
                exclusive: false,
            },
            Effect::Acquire(var.clone()),
            Effect::Release(var),
        ];
        let name = format!("rand.{}", func.spec().name);
        let value = results.first().cloned().unwrap_or(word);
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

impl Machine {
    /// `rand.NewSource` and `rand.New` (local computation), `None` for other functions.
    pub(super) fn lib_rand_local(
        &mut self,
        func: LibFunc,
        args: &[Value],
    ) -> R<Option<Vec<Value>>> {
        Ok(Some(match func {
            LibFunc::RandNewSource => {
                vec![Value::Int(Source::seeded(int(arg(args, 0)?)?).word)]
            }
            LibFunc::RandNew => {
                let cell = Value::Struct(Box::new([arg(args, 0)?.clone(), Value::Int(0)]));
                let obj = self.heap.alloc(&self.config, cell, None)?;
                vec![Value::Ptr(Some(Pointer::root(obj)))]
            }
            _ => return Ok(None),
        }))
    }
}
