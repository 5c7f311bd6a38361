//! The Go-subset front end: lexer → parser → checker → lowering to bytecode.

pub mod ast;
pub mod types;
