//! `racemap check FILE.go`: compile only. Nothing printed and exit 0 when it compiles; the
//! diagnostics on stderr (`FILE.go:LINE:COL: message`) and exit 1 otherwise.

use crate::args::{compile, lang, read_program, usage, UsageError};
use std::path::PathBuf;

/// Run the command.
pub fn main(mut parser: lexopt::Parser) -> Result<u8, UsageError> {
    let mut file: Option<PathBuf> = None;
    let mut lang_version = racemap::compile::LangVersion::DEFAULT;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            lexopt::Arg::Long("lang") => lang_version = lang(&mut parser)?,
            lexopt::Arg::Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let file = file.ok_or("check needs a FILE.go")?;
    let (name, source) = read_program(&file)?;
    Ok(match compile(&name, &source, lang_version) {
        Ok(_) => 0,
        Err(code) => code,
    })
}
