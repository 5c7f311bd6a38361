//! The Go-subset front end: lexer → parser → checker → lowering to bytecode.

pub mod ast;
pub mod check;
pub mod lexer;
pub mod lower;
pub mod parser;
pub mod supported;
pub mod token;
pub mod version;
pub use crate::types;
