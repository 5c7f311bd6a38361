//! `racemap`: check, run and explore Go programs from the command line.

fn main() {
    eprintln!("racemap: no commands yet");
    std::process::exit(2);
}
