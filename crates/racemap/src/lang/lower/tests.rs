//! Lowering tests (expect-test disassembly).
