//! Decoding a visible instruction: pop its operands into a [`Visible`] operation that the
//! goroutine parks on until the scheduler picks it.

use super::*;

impl Machine {
    pub(super) fn decode_visible(&mut self, gid: Gid, ins: &Instr) -> R<Visible> {
        let prog = self.program.clone();
        Ok(match ins {
            Instr::Load => Visible::Load(ptr_of(self.pop(gid)?)),
            Instr::Store => {
                let v = self.pop(gid)?;
                Visible::Store(ptr_of(self.pop(gid)?), v)
            }
            Instr::MapGet { elem, comma_ok } => {
                let key = self.pop(gid)?;
                Visible::MapGet {
                    map: map_of(&self.pop(gid)?),
                    key,
                    elem: *elem,
                    comma_ok: *comma_ok,
                }
            }
            Instr::MapSet => {
                let v = self.pop(gid)?;
                let k = self.pop(gid)?;
                Visible::MapWriteBegin {
                    map: map_of(&self.pop(gid)?),
                    key: Some(k),
                    value: Some(v),
                    clear: false,
                }
            }
            Instr::MapDelete => {
                let k = self.pop(gid)?;
                Visible::MapWriteBegin {
                    map: map_of(&self.pop(gid)?),
                    key: Some(k),
                    value: None,
                    clear: false,
                }
            }
            Instr::MapClear => Visible::MapWriteBegin {
                map: map_of(&self.pop(gid)?),
                key: None,
                value: None,
                clear: true,
            },
            Instr::MapLen => Visible::MapLen(map_of(&self.pop(gid)?)),
            Instr::ChanLen => Visible::ChanLen(chan_of(&self.pop(gid)?)),
            Instr::MapIterNext { slot } => {
                let i = int(local_slot(&self.frame(gid)?.locals, *slot)?)?;
                Visible::MapIterNext { iter: i as usize }
            }
            Instr::Append { elem, n } => {
                let elems = self.popn(gid, *n as usize)?;
                Visible::Append {
                    slice: self.pop(gid)?,
                    elems,
                    elem: *elem,
                    source: None,
                }
            }
            Instr::AppendSlice { elem } => {
                let t = self.pop(gid)?;
                let elems = self.elements_of(&t)?;
                Visible::Append {
                    slice: self.pop(gid)?,
                    elems,
                    elem: *elem,
                    source: Some(t),
                }
            }
            Instr::Copy => {
                let src = self.pop(gid)?;
                Visible::Copy {
                    dst: self.pop(gid)?,
                    src,
                }
            }
            Instr::Go { argc } => {
                let args = self.popn(gid, *argc as usize)?;
                Visible::Go {
                    func: self.pop(gid)?,
                    args,
                }
            }
            Instr::Send => {
                let v = self.pop(gid)?;
                Visible::Send(chan_of(&self.pop(gid)?), v)
            }
            Instr::Recv { elem, comma_ok } => Visible::Recv {
                chan: chan_of(&self.pop(gid)?),
                elem: *elem,
                comma_ok: *comma_ok,
            },
            Instr::Close => Visible::Close(chan_of(&self.pop(gid)?)),
            Instr::Select(id) => {
                let table = prog.selects.get(id.0 as usize).cloned().ok_or_else(|| {
                    InternalError::new(format!("select table {} does not exist", id.0))
                })?;
                let mut arms = Vec::with_capacity(table.cases.len());
                for c in table.cases.iter().rev() {
                    match c {
                        SelectCase::Send => {
                            let v = self.pop(gid)?;
                            let ch = chan_of(&self.pop(gid)?);
                            arms.push(SelectArm {
                                chan: ch,
                                send: Some(v),
                                elem: None,
                            });
                        }
                        SelectCase::Recv { elem } => {
                            let ch = chan_of(&self.pop(gid)?);
                            arms.push(SelectArm {
                                chan: ch,
                                send: None,
                                elem: Some(*elem),
                            });
                        }
                    }
                }
                arms.reverse();
                Visible::Select {
                    id: *id,
                    arms,
                    has_default: table.has_default,
                }
            }
            Instr::PrintBuiltin { newline, argc } => Visible::Print {
                newline: *newline,
                args: self.popn(gid, *argc as usize)?,
            },
            Instr::CallLib { func, argc } => {
                let f = self.frame(gid)?;
                let site = (f.func, f.call_pc);
                Visible::Lib {
                    func: *func,
                    args: self.popn(gid, *argc as usize)?,
                    push_results: true,
                    exclusive: prog.exclusive_atomics.contains_key(&site),
                }
            }
            _ => {
                return Err(
                    InternalError::new("no visible semantics for a local instruction").into(),
                )
            }
        })
    }
}
