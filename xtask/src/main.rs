//! Development commands: `cargo xtask serve|test|dist`.

fn main() {}
