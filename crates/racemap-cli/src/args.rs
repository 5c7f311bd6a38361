//! Small helpers over `lexopt` and the core shared by the commands.

use racemap::bytecode::Program;
use racemap::compile::{CompileOptions, LangVersion};
use std::path::{Path, PathBuf};

/// A usage error message.
pub type UsageError = String;

/// Exit status of a program that does not compile (as `go run`).
pub const EXIT_COMPILE: u8 = 1;

/// Turn a lexopt error into a usage message.
pub fn usage(e: lexopt::Error) -> UsageError {
    e.to_string()
}

/// Parse the value of an option as a number.
pub fn number<T: std::str::FromStr>(
    parser: &mut lexopt::Parser,
    name: &str,
) -> Result<T, UsageError> {
    let raw = parser.value().map_err(usage)?;
    let text = raw.to_string_lossy();
    text.parse()
        .map_err(|_| format!("{name} expects a number, got {text:?}"))
}

/// The value of `--schedule`: an encoded schedule (from `explore`).
pub fn schedule_value(parser: &mut lexopt::Parser) -> Result<racemap::sched::Schedule, UsageError> {
    let text = parser
        .value()
        .map_err(usage)?
        .to_string_lossy()
        .into_owned();
    racemap::sched::Schedule::decode(&text).map_err(|e| format!("--schedule {text:?}: {e:?}"))
}

/// The Go file named on the command line, read into memory: `(file name for messages, source)`.
/// Messages name the file as given, like `go build` does for a file argument's base name. The
/// bytes are kept as they are: the compiler reports NUL bytes and invalid UTF-8 as Go does.
pub fn read_program(path: &PathBuf) -> Result<(String, Vec<u8>), UsageError> {
    let source = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    Ok((name.unwrap_or_else(|| "prog.go".into()), source))
}

/// Parse the value of `--lang`: a Go language version such as `go1.21`.
pub fn lang(parser: &mut lexopt::Parser) -> Result<LangVersion, UsageError> {
    let raw = parser.value().map_err(usage)?;
    LangVersion::parse(&raw.to_string_lossy()).map_err(|e| format!("--lang: {e}"))
}

/// Compile as the Go language version `lang`, printing Go-style diagnostics on stderr when it
/// fails (then `Err(EXIT_COMPILE)`).
pub fn compile(name: &str, source: &[u8], lang: LangVersion) -> Result<Program, u8> {
    compile_with(name, source, &program_options(lang))
}

/// [`compile`] with `options`.
pub fn compile_with(name: &str, source: &[u8], options: &CompileOptions) -> Result<Program, u8> {
    match racemap::compile::compile_with(source, name, options) {
        Ok(program) => Ok(program),
        Err(diagnostics) => {
            let map = racemap::diag::SourceMap::from_bytes(name, source);
            eprint!("{}", racemap::diag::render_all(&diagnostics, &map));
            Err(EXIT_COMPILE)
        }
    }
}

/// How `run` and `explore` compile a program (not a test file) for language version `lang`.
pub fn program_options(lang: LangVersion) -> CompileOptions {
    CompileOptions {
        lang,
        ..CompileOptions::default()
    }
}

/// The options that raise racemap's runtime limits.
pub const LIMIT_OPTIONS: [&str; 4] = [
    "max-instructions",
    "max-goroutines",
    "max-heap-objects",
    "max-heap-slots",
];

/// Apply the runtime-limit option `--NAME VALUE` (one of [`LIMIT_OPTIONS`]) to `config`.
pub fn set_limit(
    name: &str,
    parser: &mut lexopt::Parser,
    config: &mut racemap::rt::config::Config,
) -> Result<(), UsageError> {
    let flag = format!("--{name}");
    match name {
        "max-instructions" => config.max_instructions_per_step = number(parser, &flag)?,
        "max-goroutines" => config.max_goroutines = number(parser, &flag)?,
        "max-heap-objects" => config.max_heap_objects = number(parser, &flag)?,
        _ => config.max_heap_slots = number(parser, &flag)?,
    }
    Ok(())
}
