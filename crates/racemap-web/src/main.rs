//! racemap's browser visualizer.

fn main() {}
