//! Lowering of checked Go to bytecode (to be written).
