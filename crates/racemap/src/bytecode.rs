//! Bytecode (to be written).
