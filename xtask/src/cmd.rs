//! Running child processes with a clear echo of what runs, and errors that name the command.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::{Error, Result};

/// A command line to run, echoed before it runs.
pub fn command(program: impl AsRef<OsStr>, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// Run `command` with inherited stdio; an error if it cannot start or exits non-zero.
pub fn run(command: &mut Command) -> Result {
    eprintln!("$ {}", display(command));
    let status = command
        .status()
        .map_err(|e| Error::new(format!("cannot start `{}`: {e}", display(command))))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::new(format!(
            "`{}` failed ({status})",
            display(command)
        )))
    }
}

/// Run `program args` quietly and return its trimmed stdout, or `None` when it cannot start or
/// fails. Used to detect installed tools by their `--version`.
pub fn output(program: impl AsRef<OsStr>, args: &[&str], path: Option<&OsStr>) -> Option<String> {
    let mut command = command(program, args);
    if let Some(path) = path {
        command.env("PATH", path);
    }
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Whether `path` exists and is a file.
pub fn is_file(path: &Path) -> bool {
    path.is_file()
}

/// The command line as text, for echoing and errors.
pub fn display(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
