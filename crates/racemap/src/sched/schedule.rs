//! A [`Schedule`]: the sequence of moves a run made, and its short URL-safe text form.
//!
//! Encoding (version `1`): the character `1`, then the unpadded base64url (RFC 4648 §5) of a
//! byte stream of runs. A run of `count` equal consecutive choices `(gid, alt)` is the LEB128
//! varint `gid << 2 | (alt != 0) << 1 | (count > 1)`, followed by `varint(alt)` when `alt != 0`
//! and `varint(count - 2)` when `count > 1`. Typical schedules (a goroutine runs several steps
//! in a row, alternatives are rare) take about one byte per run.
//!
//! Version `2` is a schedule of a run whose clock ran with its steps from some move on
//! ([`Schedule::running_clock_from`]): the character `2`, then the base64url of
//! `varint(from)` followed by the same byte stream of runs. A schedule without it encodes as
//! version `1`, as before.
//!
//! Decoding checks everything and returns a [`ScheduleError`] for malformed text; it never
//! panics and never allocates more than [`MAX_DECODED_CHOICES`] choices.

use super::Choice;
use crate::rt::config::WakeOrder;
use crate::rt::event::Gid;
use serde::Serialize;
use std::fmt;

/// The most choices a decoded schedule may hold.
pub const MAX_DECODED_CHOICES: usize = 1 << 22;

/// The version character that starts every encoded schedule.
const VERSION: char = '1';

/// The version character of a schedule with [`Schedule::running_clock_from`].
const VERSION_RUNNING_CLOCK: char = '2';

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The moves of a run, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// One choice per step.
    pub choices: Vec<Choice>,
    /// From this move on (an index into `choices`), the run's clock ran with its steps
    /// ([`crate::rt::config::WakeOrder::RunningClock`]: the moves of `racemap run`'s scheduler
    /// and of the page's stepping); before it, and throughout when `None`, sleepers woke at any
    /// time on a clock that moves only at wake-ups (the explorer's runs). A replay switches
    /// there too, so that it reads the same clock as the run did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running_clock_from: Option<usize>,
}

/// Why a string is not an encoded schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScheduleError {
    /// It does not start with a version character, `1` or `2`.
    BadVersion,
    /// A character outside base64url at this byte offset.
    BadCharacter(usize),
    /// The base64 text has an impossible length or stray bits.
    BadLength,
    /// The byte stream ends inside a run.
    Truncated,
    /// A number does not fit (goroutine or alternative above `u32::MAX`, varint too long).
    Overflow,
    /// More than [`MAX_DECODED_CHOICES`] choices.
    TooLong,
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::BadVersion => {
                write!(f, "invalid schedule: it must start with `1` or `2`")
            }
            ScheduleError::BadCharacter(i) => {
                write!(f, "invalid schedule: unexpected character at offset {i}")
            }
            ScheduleError::BadLength => write!(f, "invalid schedule: bad length"),
            ScheduleError::Truncated => write!(f, "invalid schedule: truncated"),
            ScheduleError::Overflow => write!(f, "invalid schedule: number out of range"),
            ScheduleError::TooLong => {
                write!(f, "invalid schedule: more than {MAX_DECODED_CHOICES} steps")
            }
        }
    }
}

impl Schedule {
    /// An empty schedule.
    pub fn new() -> Schedule {
        Schedule::default()
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.choices.len()
    }

    /// No steps.
    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
    }

    /// Append a step.
    pub fn push(&mut self, choice: Choice) {
        self.choices.push(choice);
    }

    /// The URL-safe text form.
    pub fn encode(&self) -> String {
        let mut bytes = Vec::new();
        if let Some(from) = self.running_clock_from {
            put_varint(&mut bytes, from as u64);
        }
        let mut i = 0;
        while i < self.choices.len() {
            let c = self.choices[i];
            let mut count = 1;
            while i + count < self.choices.len() && self.choices[i + count] == c {
                count += 1;
            }
            let header = (c.gid.0 as u64) << 2 | ((c.alt != 0) as u64) << 1 | (count > 1) as u64;
            put_varint(&mut bytes, header);
            if c.alt != 0 {
                put_varint(&mut bytes, c.alt as u64);
            }
            if count > 1 {
                put_varint(&mut bytes, count as u64 - 2);
            }
            i += count;
        }
        let mut out = String::with_capacity(1 + bytes.len() * 4 / 3 + 2);
        out.push(match self.running_clock_from {
            Some(_) => VERSION_RUNNING_CLOCK,
            None => VERSION,
        });
        base64url_encode(&bytes, &mut out);
        out
    }

    /// Parse the text form.
    pub fn decode(text: &str) -> Result<Schedule, ScheduleError> {
        let (rest, clock_runs) = match text.strip_prefix(VERSION) {
            Some(rest) => (rest, false),
            None => (
                text.strip_prefix(VERSION_RUNNING_CLOCK)
                    .ok_or(ScheduleError::BadVersion)?,
                true,
            ),
        };
        let bytes = base64url_decode(rest)?;
        let mut choices = Vec::new();
        let mut pos = 0;
        let running_clock_from = if clock_runs {
            let from = get_varint(&bytes, &mut pos)?;
            Some(usize::try_from(from).map_err(|_| ScheduleError::Overflow)?)
        } else {
            None
        };
        while pos < bytes.len() {
            let header = get_varint(&bytes, &mut pos)?;
            let gid = u32::try_from(header >> 2).map_err(|_| ScheduleError::Overflow)?;
            let alt = if header & 2 != 0 {
                let a = get_varint(&bytes, &mut pos)?;
                u32::try_from(a).map_err(|_| ScheduleError::Overflow)?
            } else {
                0
            };
            let count = if header & 1 != 0 {
                get_varint(&bytes, &mut pos)?.saturating_add(2)
            } else {
                1
            };
            if count > (MAX_DECODED_CHOICES - choices.len()) as u64 {
                return Err(ScheduleError::TooLong);
            }
            let choice = Choice { gid: Gid(gid), alt };
            choices.extend(std::iter::repeat_n(choice, count as usize));
        }
        Ok(Schedule {
            choices,
            running_clock_from,
        })
    }

    /// The wake order to replay move `index` in: the running clock from
    /// [`Schedule::running_clock_from`] on, before it wake-ups at any time.
    pub fn wake_order_at(&self, index: usize) -> WakeOrder {
        wake_order_at(self.running_clock_from, index)
    }
}

/// The wake order to replay move `index` of a run in whose clock ran with its steps from move
/// `running_clock_from` on ([`Schedule::running_clock_from`]): the running clock from there,
/// wake-ups at any time before it (a replayed explorer schedule's moves).
pub fn wake_order_at(running_clock_from: Option<usize>, index: usize) -> WakeOrder {
    match running_clock_from {
        Some(from) if index >= from => WakeOrder::RunningClock,
        _ => WakeOrder::AnyTimeUnbounded,
    }
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn get_varint(bytes: &[u8], pos: &mut usize) -> Result<u64, ScheduleError> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*pos).ok_or(ScheduleError::Truncated)?;
        *pos += 1;
        let bits = (byte & 0x7f) as u64;
        if shift == 63 && bits > 1 {
            return Err(ScheduleError::Overflow);
        }
        v |= bits << shift;
        if byte & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(ScheduleError::Overflow)
}

fn base64url_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let idx = (n >> (18 - 6 * i)) & 0x3f;
            out.push(ALPHABET[idx as usize] as char);
        }
    }
}

fn base64url_decode(text: &str) -> Result<Vec<u8>, ScheduleError> {
    let mut vals = Vec::with_capacity(text.len());
    for (i, b) in text.bytes().enumerate() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(ScheduleError::BadCharacter(i + 1)),
        };
        vals.push(v as u32);
    }
    if vals.len() % 4 == 1 {
        return Err(ScheduleError::BadLength);
    }
    let mut out = Vec::with_capacity(vals.len() * 3 / 4);
    for chunk in vals.chunks(4) {
        let mut n = 0u32;
        for (i, v) in chunk.iter().enumerate() {
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // The bits beyond the last whole byte must be zero (canonical form).
        let used_bits = 8 * bytes;
        if n & ((1u32 << (24 - used_bits)) - 1) != 0 && bytes < 3 {
            return Err(ScheduleError::BadLength);
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(gid: u32, alt: u32) -> Choice {
        Choice { gid: Gid(gid), alt }
    }

    #[test]
    fn encodes_short_and_url_safe() {
        let mut s = Schedule {
            choices: vec![c(0, 0), c(0, 0), c(0, 0), c(1, 0), c(2, 1), c(1, 0)],
            running_clock_from: None,
        };
        let text = s.encode();
        assert_eq!(text, "1AQEECgEE");
        assert_eq!(Schedule::decode(&text), Ok(s.clone()));
        // A run's moves on the running clock from move 3 on: version 2, `from` first.
        s.running_clock_from = Some(3);
        let text = s.encode();
        assert_eq!(text, "2AwEBBAoBBA");
        assert_eq!(Schedule::decode(&text), Ok(s.clone()));
        assert_eq!(s.wake_order_at(2), WakeOrder::AnyTimeUnbounded);
        assert_eq!(s.wake_order_at(3), WakeOrder::RunningClock);
        assert_eq!(Schedule::new().encode(), "1");
        assert_eq!(Schedule::decode("1"), Ok(Schedule::new()));
    }

    #[test]
    fn malformed_text_is_an_error() {
        assert_eq!(Schedule::decode(""), Err(ScheduleError::BadVersion));
        assert_eq!(Schedule::decode("3AAA"), Err(ScheduleError::BadVersion));
        assert_eq!(Schedule::decode("2"), Err(ScheduleError::Truncated));
        assert_eq!(
            Schedule::decode("1A=A"),
            Err(ScheduleError::BadCharacter(2))
        );
        assert_eq!(Schedule::decode("1A"), Err(ScheduleError::BadLength));
        // a header announcing an alternative, then nothing
        assert_eq!(Schedule::decode("1Ag"), Err(ScheduleError::Truncated));
        let from_bytes = |bytes: &[u8]| {
            let mut text = String::from("1");
            base64url_encode(bytes, &mut text);
            text
        };
        // a run of 2^62 steps
        let mut run = vec![1];
        put_varint(&mut run, 1 << 62);
        assert_eq!(
            Schedule::decode(&from_bytes(&run)),
            Err(ScheduleError::TooLong)
        );
        // a varint of eleven bytes
        assert_eq!(
            Schedule::decode(&from_bytes(&[0xff; 11])),
            Err(ScheduleError::Overflow)
        );
        // a goroutine id above u32::MAX
        let mut big = Vec::new();
        put_varint(&mut big, 1 << 40);
        assert_eq!(
            Schedule::decode(&from_bytes(&big)),
            Err(ScheduleError::Overflow)
        );
    }

    proptest! {
        #[test]
        fn round_trips(choices in proptest::collection::vec(
            (prop_oneof![0u32..4, any::<u32>()], prop_oneof![Just(0u32), 0u32..3, any::<u32>()]),
            0..64,
        ), running_clock_from in proptest::option::of(0usize..100)) {
            let s = Schedule {
                choices: choices.into_iter().map(|(g, a)| c(g, a)).collect(),
                running_clock_from,
            };
            let text = s.encode();
            prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(Schedule::decode(&text), Ok(s));
        }

        #[test]
        fn decoding_never_panics(text in ".{0,40}") {
            let _ = Schedule::decode(&text);
        }

        #[test]
        fn decoding_base64_noise_never_panics(text in "[12][A-Za-z0-9_-]{0,40}") {
            if let Ok(s) = Schedule::decode(&text) {
                prop_assert!(s.len() <= MAX_DECODED_CHOICES);
            }
        }
    }
}
