//! `cargo xtask bench`'s goroutine bombs (issue 13): programs that start goroutines up to
//! racemap's limit of 10 000, each goroutine blocking in its own way (or not at all), and two
//! that park 9 999 goroutines in `sync.Cond.Wait`. For each, the wall time of `racemap run`
//! and of `racemap explore --json` (release binary, one run each: the point is that they end,
//! with the limit message or the program's outcome, in about a second).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// The bombs: a name and the program.
const BOMBS: [(&str, &str); 9] = [
    (
        "select {}",
        "package main\n\nfunc main() {\n\tfor {\n\t\tgo func() { select {} }()\n\t}\n}\n",
    ),
    (
        "exit at once",
        "package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {}()\n\t}\n}\n",
    ),
    (
        "channel receive",
        "package main\n\nfunc main() {\n\tch := make(chan int)\n\tfor {\n\t\tgo func() { <-ch }()\n\t}\n}\n",
    ),
    (
        "mutex",
        "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tfor {\n\t\tgo func() { mu.Lock() }()\n\t}\n}\n",
    ),
    (
        "wg.Wait",
        "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tfor {\n\t\tgo func() { wg.Wait() }()\n\t}\n}\n",
    ),
    (
        "spawn tree (each goroutine starts two)",
        "package main\n\nfunc spawn() {\n\tgo spawn()\n\tgo spawn()\n}\n\nfunc main() {\n\tspawn()\n\tselect {}\n}\n",
    ),
    (
        "time.Sleep",
        "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\tgo func() { time.Sleep(time.Hour) }()\n\t}\n}\n",
    ),
    (
        "cond.Wait, never signalled",
        "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tready := false\n\tfor i := 0; i < 9999; i++ {\n\t\tgo func() {\n\t\t\tmu.Lock()\n\t\t\tfor !ready {\n\t\t\t\tc.Wait()\n\t\t\t}\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\tselect {}\n}\n",
    ),
    (
        "cond.Wait, then Broadcast",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tready := false\n\tfor i := 0; i < 9999; i++ {\n\t\tgo func() {\n\t\t\tmu.Lock()\n\t\t\tfor !ready {\n\t\t\t\tc.Wait()\n\t\t\t}\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\tmu.Lock()\n\tready = true\n\tc.Broadcast()\n\tmu.Unlock()\n\tfmt.Println(\"done\")\n}\n",
    ),
];

/// Print the table of the bombs' times, `racemap` being the release CLI and `scratch` a
/// directory for the programs.
pub fn table(racemap: &Path, scratch: &Path) -> Result {
    println!("\n### Goroutine bombs (limit 10 000 goroutines)\n");
    println!("| program | run | run's first error line | explore | explore's executions |");
    println!("|---|---:|---|---:|---:|");
    for (i, (name, source)) in BOMBS.iter().enumerate() {
        let file = scratch.join(format!("bomb{i}.go"));
        std::fs::write(&file, source)
            .map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
        let (run_time, run) = timed(Command::new(racemap).arg("run").arg(&file))?;
        let first = String::from_utf8_lossy(&run.stderr)
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect::<String>();
        let (explore_time, explore) =
            timed(Command::new(racemap).args(["explore", "--json"]).arg(&file))?;
        let json: serde_json::Value =
            serde_json::from_slice(&explore.stdout).unwrap_or(serde_json::Value::Null);
        println!(
            "| {name} | {:.2} s | {first} | {:.2} s | {} |",
            run_time.as_secs_f64(),
            explore_time.as_secs_f64(),
            json["executions"].as_u64().unwrap_or(0)
        );
    }
    Ok(())
}

/// Run `command` once: its wall time and output.
fn timed(command: &mut Command) -> Result<(Duration, std::process::Output)> {
    let started = Instant::now();
    let out = command
        .output()
        .map_err(|e| Error::new(format!("racemap: {e}")))?;
    Ok((started.elapsed(), out))
}
