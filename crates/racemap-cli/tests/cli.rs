//! The `racemap` binary end to end, on Go programs whose behaviour was checked with real Go 1.19
//! (`go run -race`): `two_writers.go` always reports one data race and prints
//! `2 map[alice:1 bob:2]`; `locked_writers.go` never races and prints
//! `3 map[alice:1 bob:2 carol:3]`; `undefined.go` does not compile.

use std::path::PathBuf;
use std::process::{Command, Output};

fn program(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/programs")
        .join(name)
}

fn racemap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_racemap"))
        .args(args)
        .output()
        .expect("racemap runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_is_silent_on_a_valid_program() {
    let out = racemap(&["check", program("locked_writers.go").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn check_prints_go_style_errors_and_exits_1() {
    let out = racemap(&["check", program("undefined.go").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "undefined.go:6:2: total declared but not used\nundefined.go:7:14: undefined: totl\n"
    );
}

#[test]
fn run_reports_the_race_like_go_and_exits_66() {
    // Seed 2: a schedule where both writes finish (others crash with `concurrent map writes`).
    let out = racemap(&[
        "run",
        "--seed",
        "2",
        program("two_writers.go").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(66));
    assert_eq!(text(&out.stdout), "2 map[alice:1 bob:2]\n");
    let err = text(&out.stderr);
    assert_eq!(err.matches("WARNING: DATA RACE").count(), 1, "{err}");
    assert!(err.contains("Previous write at"), "{err}");
    assert!(
        err.contains("main.main.func2()") && err.contains("main.main.func1()"),
        "{err}"
    );
    assert!(err.ends_with("Found 1 data race(s)\n"), "{err}");
}

#[test]
fn run_of_the_locked_version_is_clean_under_many_seeds() {
    for seed in 0..20 {
        let seed = seed.to_string();
        let out = racemap(&[
            "run",
            "--seed",
            &seed,
            program("locked_writers.go").to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "seed {seed}");
        assert_eq!(text(&out.stdout), "3 map[alice:1 bob:2 carol:3]\n");
        assert_eq!(text(&out.stderr), "");
    }
}

#[test]
fn explore_finds_the_map_crash_and_its_schedule_replays_it() {
    let file = program("two_writers.go");
    let out = racemap(&["explore", "--json", file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "explore exits 1 when it finds a bug"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(json["complete"], true);
    assert_eq!(json["race"], true);
    assert_eq!(json["deadlock"], false);
    let outcomes = json["outcomes"].as_array().unwrap();
    let crash = outcomes
        .iter()
        .find(|o| o["error"] == "fatal error: concurrent map writes")
        .expect("the concurrent map writes crash is one outcome");
    let normal = outcomes
        .iter()
        .find(|o| o["error"].is_null())
        .expect("a normal outcome");
    assert_eq!(normal["stdout"], "2 map[alice:1 bob:2]\n");
    assert_eq!(normal["race"], true);

    let schedule = crash["schedule"].as_str().unwrap();
    let replay = racemap(&["run", "--schedule", schedule, file.to_str().unwrap()]);
    assert_eq!(replay.status.code(), Some(2));
    let err = text(&replay.stderr);
    assert!(
        err.contains("fatal error: concurrent map writes\n\ngoroutine "),
        "{err}"
    );
}

/// A timeout that needs its sleep cut short: `--json` names the sleep, and the schedule replays
/// the timeout although `run`'s own scheduler follows virtual time.
#[test]
fn explore_names_the_sleep_an_outcome_needs_cut_short_and_run_replays_it() {
    let file = program("sleep_timeout.go");
    let out = racemap(&["explore", "--json", file.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let outcomes = json["outcomes"].as_array().unwrap();
    let timeout = outcomes
        .iter()
        .find(|o| o["stdout"] == "timeout\n")
        .expect("the timeout is an outcome");
    assert_eq!(
        timeout["early_wakes"],
        serde_json::json!([{"goroutine": 8, "file": "sleep_timeout.go", "line": 15}])
    );
    let done = outcomes.iter().find(|o| o["stdout"] == "done\n").unwrap();
    assert_eq!(done["early_wakes"], serde_json::json!([]));

    let schedule = timeout["schedule"].as_str().unwrap();
    let replay = racemap(&["run", "--schedule", schedule, file.to_str().unwrap()]);
    assert_eq!(text(&replay.stdout), "timeout\n");
    let seeded = racemap(&["run", "--seed", "1", file.to_str().unwrap()]);
    assert_eq!(text(&seeded.stdout), "done\n");
}

/// A search cut by a budget says which one, in JSON and in words, so the user knows what to
/// raise; the same search with room enough is complete.
#[test]
fn explore_names_the_budget_that_stopped_it() {
    let file = program("locked_writers.go");
    let file = file.to_str().unwrap();
    for (option, value, limit) in [
        ("--max-executions", "2", "max-executions"),
        ("--max-total-steps", "30", "max-total-steps"),
        ("--preemption-bound", "0", "preemption-bound"),
    ] {
        let out = racemap(&["explore", "--json", option, value, file]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(json["complete"], false, "{option}");
        assert_eq!(json["limit"], limit, "{option}");
        let human = text(&racemap(&["explore", option, value, file]).stdout);
        let first = human.lines().next().unwrap_or_default();
        assert!(first.contains("search incomplete"), "{option}: {first}");
        assert!(
            first.contains(&format!("{option} {value}")) || option == "--preemption-bound",
            "{option}: {first}"
        );
    }
    let out = racemap(&["explore", "--json", "--max-total-steps", "100000", file]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(json["complete"], true);
    assert!(json["limit"].is_null());
}

#[test]
fn trace_prints_one_line_per_step_with_the_source_line() {
    let out = racemap(&[
        "run",
        "--trace",
        "--no-race",
        "--seed",
        "2",
        program("two_writers.go").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(
        err.lines()
            .any(|l| l.contains("starts writing scores[\"alice\"]")
                && l.ends_with("two_writers.go:15")
                || l.contains("starts writing scores[\"bob\"]")
                    && l.ends_with("two_writers.go:19")),
        "{err}"
    );
    assert!(
        err.lines().last().unwrap().starts_with("schedule: "),
        "{err}"
    );
}

/// `--trace` numbers goroutines as Go does, like the race report under it: each access of the
/// report is a trace line of the same goroutine at the same source line, and each goroutine the
/// report says was created is started by a trace line at its `go` statement.
#[test]
fn trace_numbers_goroutines_like_the_race_report() {
    // Seeds whose run reports the race (others crash with `concurrent map writes` first).
    for seed in ["2", "4", "7", "8"] {
        let out = racemap(&[
            "run",
            "--seed",
            seed,
            "--trace",
            program("two_writers.go").to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(66), "seed {seed}");
        let err = text(&out.stderr);
        let (trace, report) = err
            .split_once("==================\n")
            .expect("a race report");
        // `   5  goroutine 6   starts writing …  two_writers.go:15` → (6, line text)
        let steps: Vec<(u64, &str)> = trace
            .lines()
            .filter_map(|l| {
                let rest = l.trim_start().split_once("  goroutine ")?.1;
                let (n, what) = rest.split_once(' ')?;
                Some((n.parse().ok()?, what))
            })
            .collect();
        assert!(steps.len() > 10, "seed {seed}: {trace}");
        assert!(steps.iter().all(|(g, _)| *g != 0), "seed {seed}: {trace}");
        assert!(steps.iter().any(|(g, _)| *g == 1), "seed {seed}: {trace}");
        // The report's blocks: `Write at 0x… by goroutine 7:` / `Goroutine 7 (running) created
        // at:`, each followed by frames; the first `two_writers.go:LINE` is the access or the
        // `go` statement.
        let mut checked = 0;
        let lines: Vec<&str> = report.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let (go_id, created) = if let Some(rest) = l.split_once(" by goroutine ") {
                (rest.1.trim_end_matches(':'), false)
            } else if let Some(rest) = l.strip_prefix("Goroutine ") {
                (rest.split(' ').next().unwrap(), true)
            } else {
                continue;
            };
            let go_id: u64 = go_id.parse().expect("a goroutine number");
            let at = lines[i + 1..]
                .iter()
                .find_map(|f| {
                    f.trim()
                        .split(' ')
                        .next()
                        .filter(|f| f.starts_with("two_writers.go:"))
                })
                .expect("a frame in the program");
            let found = if created {
                steps.iter().any(|(g, what)| {
                    *g == 1
                        && what.contains(&format!("starts goroutine {go_id} "))
                        && what.ends_with(at)
                })
            } else {
                steps.iter().any(|(g, what)| {
                    *g == go_id && what.contains("starts writing scores[") && what.ends_with(at)
                })
            };
            assert!(
                found,
                "seed {seed}: goroutine {go_id} at {at} not in the trace:\n{err}"
            );
            checked += 1;
        }
        assert_eq!(
            checked, 4,
            "seed {seed}: two accesses and two creations: {report}"
        );
    }
}

#[test]
fn every_example_compiles_and_prints_the_key_count() {
    for strategy in [
        "unsynchronized",
        "mutex",
        "rwmutex",
        "syncmap",
        "channel",
        "sharded",
    ] {
        let out = racemap(&["example", strategy, "--goroutines", "2", "--ops", "2"]);
        assert_eq!(out.status.code(), Some(0), "{strategy}");
        let dir =
            std::env::temp_dir().join(format!("racemap-example-{}-{strategy}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("prog.go");
        std::fs::write(&file, &out.stdout).unwrap();
        // Seed 0, Go's typical run: the unsynchronized example's writes do not collide (as in
        // 100 of 100 runs of Go 1.19's build; any seed for the others).
        let run = racemap(&["run", "--no-race", "--seed", "0", file.to_str().unwrap()]);
        assert_eq!(
            text(&run.stdout),
            "keys: 2\n",
            "{strategy}: {}",
            text(&run.stderr)
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn usage_errors_exit_64() {
    assert_eq!(racemap(&["frobnicate"]).status.code(), Some(64));
    assert_eq!(racemap(&["run"]).status.code(), Some(64));
    assert_eq!(
        racemap(&["run", "--seed", "x", "a.go"]).status.code(),
        Some(64)
    );
}

#[test]
fn runaway_programs_stop_at_a_limit_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("racemap-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spin = dir.join("spin.go");
    std::fs::write(&spin, "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n").unwrap();
    let out = racemap(&["run", "--max-instructions", "5000", spin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("raise it with --max-instructions"),
        "{}",
        text(&out.stderr)
    );

    let bomb = dir.join("bomb.go");
    std::fs::write(&bomb, "package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tselect {}\n\t\t}()\n\t}\n}\n").unwrap();
    let out = racemap(&["run", "--max-goroutines", "50", bomb.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("goroutine limit of 50 reached"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The three fixes of the article racemap grew from, as written (with a `main`), explored over
/// every interleaving: never a race, never an error, and what real Go 1.19 prints. sync.Map's
/// Range order is unspecified in Go (it varied across real runs), so its lines compare as a set.
#[test]
fn the_articles_three_fixes_run_as_written() {
    let cases: [(&str, &[&str]); 3] = [
        ("article_rwmutex_cache.go", &["v true"]),
        (
            "article_syncmap_config.go",
            &[
                "postgres://localhost:5432/mydb",
                "database_url: postgres://localhost:5432/mydb",
                "max_connections: 100",
            ],
        ),
        ("article_channel_cache.go", &[""]),
    ];
    for (file, lines) in cases {
        let out = racemap(&["explore", "--json", program(file).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["complete"], true, "{file}");
        assert_eq!(json["race"], false, "{file}");
        for outcome in json["outcomes"].as_array().unwrap() {
            assert!(outcome["error"].is_null(), "{file}: {outcome}");
            let mut got: Vec<&str> = outcome["stdout"].as_str().unwrap().lines().collect();
            let mut want = lines.to_vec();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{file}");
        }
    }
}

/// A file that is not UTF-8 is compiled, not refused: Go 1.19's `go build` printed
/// `./bytes.go:4:7: invalid UTF-8 encoding`, `./bytes.go:5:2: undefined: _\0` (the skipped NUL
/// stays in the name) and `./bytes.go:5:3: invalid NUL character`.
#[test]
fn check_reports_bad_bytes_where_go_does() {
    let dir = std::env::temp_dir().join(format!("racemap-bytes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bytes.go");
    std::fs::write(
        &file,
        b"package main\n\nfunc main() {\n\t_ = \"\xff\"\n\t_\x00 = 1\n}\n",
    )
    .unwrap();
    for command in ["check", "run"] {
        let out = racemap(&[command, file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert_eq!(
            text(&out.stderr),
            "bytes.go:4:7: invalid UTF-8 encoding\nbytes.go:5:2: undefined: _\0\nbytes.go:5:3: invalid NUL character\n",
            "{command}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A Go string holds bytes and `fmt` and `println` write them unchanged: `run` writes the
/// program's stdout and stderr byte for byte, invalid UTF-8 included. The expected bytes are what
/// Go 1.19's `go run -race` wrote for the same program (checked with `od -c`).
#[test]
fn run_writes_the_programs_bytes_to_stdout_and_stderr() {
    let dir = std::env::temp_dir().join(format!("racemap-raw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("raw.go");
    std::fs::write(
        &file,
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Print(\"a\\xffb\\n\")\n\t\
         fmt.Printf(\"%s|%v|%c|%5s|\\n\", \"\\xfe\", []string{\"\\xc3\"}, 0xe9, \"\\xff\")\n\t\
         fmt.Println(string([]byte{0xff, 'x'}), \"é\"[:1])\n\tprintln(\"p\\xff\", \"é\"[1:])\n}\n",
    )
    .unwrap();
    let out = racemap(&["run", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        out.stdout,
        b"a\xffb\n\xfe|[\xc3]|\xc3\xa9|    \xff|\n\xffx \xc3\n".to_vec()
    );
    assert_eq!(out.stderr, b"p\xff \xa9\n".to_vec());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Go prints a panic value's string as bytes (`printpanicval`): a string, a named string type
/// and an error's `Error()` holding invalid UTF-8 reach stderr unchanged, in a chain of
/// recovered and nested panics too. The expected bytes are what Go 1.19's `go run -race` wrote
/// for the same program (checked with `od -c`); racemap's dump follows.
#[test]
fn run_writes_a_panic_values_bytes_to_stderr() {
    let dir = std::env::temp_dir().join(format!("racemap-rawpanic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rawpanic.go");
    std::fs::write(
        &file,
        "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\ntype code string\n\n\
         func main() {\n\ts := \"caf\\xc3\"\n\tfmt.Println(len(s))\n\tdefer func() {\n\t\t\
         r := recover()\n\t\tfmt.Printf(\"%q\\n\", r)\n\t\tdefer func() {\n\t\t\t\
         panic(fmt.Errorf(\"wrapped %s: %w\", s[:3]+\"\\xff\", errors.New(\"inner\\xfe\")))\n\
         \t\t}()\n\t\tpanic(code(\"x\\x80y\"))\n\t}()\n\tprintln(\"before\")\n\t\
         panic(s + \"\\xe9!\")\n}\n",
    )
    .unwrap();
    let out = racemap(&["run", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(out.stdout, b"4\n\"caf\\xc3\\xe9!\"\n".to_vec());
    let go: &[u8] = b"before\npanic: caf\xc3\xe9! [recovered]\n\tpanic: main.code(\"x\x80y\")\n\
        \tpanic: wrapped caf\xff: inner\xfe\n\ngoroutine 1 [running]:\nmain.main.func1.1()\n";
    assert!(
        out.stderr.starts_with(go),
        "stderr:\n{:?}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lang_go1_21_shares_loop_variables_and_its_replays_say_so() {
    let file = program("loop_closure.go");
    let file = file.to_str().unwrap();
    let modern = racemap(&["explore", file]);
    assert_eq!(modern.status.code(), Some(0), "{}", text(&modern.stdout));
    assert!(text(&modern.stdout).contains("race: no"));

    let old = racemap(&["explore", "--lang", "go1.21", file]);
    let report = text(&old.stdout);
    assert_eq!(old.status.code(), Some(1), "{report}");
    assert!(report.contains("race: yes"), "{report}");
    // Shared `i`: some goroutine can read 3 (the value that ends the loop), so the sum varies.
    assert!(report.contains("stdout: \"9\\n\""), "{report}");
    let replay = report
        .lines()
        .skip_while(|l| !l.contains("with a data race"))
        .find(|l| l.trim_start().starts_with("replay: "))
        .expect("a replay command for a racing outcome");
    let args: Vec<&str> = replay.trim_start()["replay: racemap ".len()..]
        .split(' ')
        .collect();
    assert_eq!(&args[..4], &["run", file, "--lang", "go1.21"], "{replay}");
    let run = racemap(&args);
    assert_eq!(run.status.code(), Some(66), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("WARNING: DATA RACE"));
}

#[test]
fn lang_rejects_what_is_not_a_go_version() {
    let out = racemap(&[
        "check",
        "--lang",
        "go2",
        program("loop_closure.go").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(64));
    assert!(text(&out.stderr).contains("--lang: invalid Go version \"go2\""));
}

fn test_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/test_files")
        .join(name)
}

/// `racemap test --explore --json`: the shape; the leaked sender is named, and the
/// outcome's schedule replays to the same output.
#[test]
fn test_explore_json_reports_the_leak_and_its_schedule_replays() {
    let file = test_file("leak_test.go");
    let file = file.to_str().expect("utf-8 path");
    let out = racemap(&["test", "--explore", "--json", file]);
    assert_eq!(out.status.code(), Some(1), "a leak is a finding");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let test = &json;
    assert_eq!(test["tests"], serde_json::json!(["TestFetchLeaks"]));
    assert_eq!(test["complete"], true);
    assert_eq!(test["leak"], true);
    assert_eq!(test["failed"], false);
    assert_eq!(test["race"], false);
    assert_eq!(test["deadlock"], false);
    let outcome = &test["outcomes"][0];
    let leaked = outcome["leaked"][0].as_str().expect("a leaked goroutine");
    assert!(leaked.contains("[chan send]"), "{leaked}");
    assert_eq!(outcome["error"], serde_json::Value::Null);
    let schedule = outcome["schedule"].as_str().expect("a schedule");
    let replay = racemap(&[
        "test",
        "-v",
        "--run",
        "^TestFetchLeaks$",
        "--schedule",
        schedule,
        file,
    ]);
    assert_eq!(replay.status.code(), Some(0));
    assert!(text(&replay.stdout).contains(outcome["output"].as_str().expect("output")));
}

/// `racemap test --explore` takes `explore`'s `--search` and `--max-total-steps`: each search
/// finds the same outcomes of parallel subtests racing on a map, and a steps budget too small
/// is named.
#[test]
fn test_explore_takes_the_search_and_its_steps_budget() {
    let file = test_file("parallel_map_test.go");
    let file = file.to_str().expect("utf-8 path");
    let outcomes = |search: &str| {
        let out = racemap(&[
            "test",
            "--explore",
            "--json",
            "--run",
            "^TestRegister$",
            "--search",
            search,
            file,
        ]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{search}: the race is a finding"
        );
        let test: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(test["complete"], true, "{search}");
        let mut seen: Vec<String> = test["outcomes"]
            .as_array()
            .expect("outcomes")
            .iter()
            .map(|o| format!("{} {} {}", o["error"], o["failed"], o["output"]))
            .collect();
        seen.sort();
        seen
    };
    let auto = outcomes("auto");
    assert_eq!(
        auto.len(),
        24,
        "two orders of `=== CONT` times twelve endings: the map write crash, a pass, and ten \
         ways the race fails one or both subtests (which, the `testing.go:1319` line of those \
         whose race check saw it, a report that sees it fails without the line as Go's \
         `t.Failed()` does, and the subtests' `--- ` lines in the order they ended): {auto:#?}"
    );
    assert_eq!(outcomes("dpor"), auto);
    assert_eq!(outcomes("stateful"), auto);
    let out = racemap(&[
        "test",
        "--explore",
        "--json",
        "--max-total-steps",
        "10",
        file,
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(json["complete"], false);
    assert_eq!(json["limit"], "max-total-steps");
    let bad = racemap(&["test", "--explore", "--search", "bfs", file]);
    assert_eq!(bad.status.code(), Some(64));
    assert!(text(&bad.stderr).contains("--search expects auto, dpor or stateful"));
}

/// `--run` selects tests by regular expression; no match is `ok … [no tests to run]`, with
/// Go's warning under `-v` (as go1.19 prints them).
#[test]
fn test_run_selects_tests_by_regexp() {
    let file = test_file("basic_test.go");
    let file = file.to_str().expect("utf-8 path");
    let out = racemap(&["test", "-v", "--run", "Pass$", file]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("=== RUN   TestPass\n"), "{stdout}");
    assert!(!stdout.contains("TestFail"), "{stdout}");
    let none = racemap(&["test", "--run", "Nothing", file]);
    assert_eq!(
        text(&none.stdout),
        "ok  \tcommand-line-arguments\t0.000s [no tests to run]\n"
    );
    let none = racemap(&["test", "-v", "--run", "Nothing", file]);
    assert_eq!(
        text(&none.stdout),
        "testing: warning: no tests to run\nPASS\nok  \tcommand-line-arguments\t0.000s [no tests to run]\n"
    );
}

/// A `time.After` timeout: `--json` names the timer whose early fire the timeout needs, and the
/// schedule replays it.
#[test]
fn explore_names_the_timer_an_outcome_needs_fired_early() {
    let file = program("timer_timeout.go");
    let out = racemap(&["explore", "--json", file.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let outcomes = json["outcomes"].as_array().unwrap();
    let timeout = outcomes
        .iter()
        .find(|o| o["stdout"] == "timeout\n")
        .expect("the timeout is an outcome");
    assert_eq!(
        timeout["early_wakes"],
        serde_json::json!([{"goroutine": 0, "file": "timer_timeout.go", "line": 16, "timer": "time.After"}])
    );
    let schedule = timeout["schedule"].as_str().unwrap();
    let replay = racemap(&["run", "--schedule", schedule, file.to_str().unwrap()]);
    assert_eq!(text(&replay.stdout), "timeout\n");
    let seeded = racemap(&["run", file.to_str().unwrap()]);
    assert_eq!(text(&seeded.stdout), "done\n");
}

/// `--stats` prints the search's cost as one JSON object on stderr, for `explore` and for
/// `test --explore` alike; the report on stdout is unchanged.
#[test]
fn stats_print_the_search_cost_for_explore_and_test() {
    let test_file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/test_files/wg_add_inside_test.go");
    let runs = [
        racemap(&[
            "explore",
            "--stats",
            program("locked_writers.go").to_str().unwrap(),
        ]),
        racemap(&[
            "test",
            "--explore",
            "--stats",
            "--run",
            "^TestCrawlFixed$",
            test_file.to_str().unwrap(),
        ]),
    ];
    for out in runs {
        let stdout = text(&out.stdout);
        assert!(stdout.contains("every interleaving covered"), "{stdout}");
        let stats: serde_json::Value =
            serde_json::from_str(text(&out.stderr).trim()).expect("stderr is one JSON object");
        assert!(
            stats["executions"].as_u64().is_some_and(|n| n >= 1),
            "{stats}"
        );
        assert!(
            stats["total_steps"].as_u64().is_some_and(|n| n > 0),
            "{stats}"
        );
        assert!(stats["stateful"].is_boolean(), "{stats}");
    }
}

/// `racemap test --explore` says what `racemap explore` says of an outcome that needs a
/// goroutine delayed: the note under its replay command, and `overtakes` (and `early_wakes`)
/// in `--json`. Three goroutines queue on a held mutex a sleep apart: Go 1.19 (`go test
/// -race`, 40 runs) passes every time, as they take it in arrival order.
#[test]
fn test_explore_prints_the_notes_explore_prints() {
    let file = test_file("queue_order_test.go");
    let file = file.to_str().expect("utf-8 path");
    let out = racemap(&["test", "--explore", "--json", file]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let outcomes = json["outcomes"].as_array().expect("outcomes");
    assert_eq!(outcomes.len(), 6, "{json}");
    let (passing, failing): (Vec<_>, Vec<_>) = outcomes.iter().partition(|o| o["failed"] == false);
    assert_eq!(passing.len(), 1, "{json}");
    assert!(passing[0].get("overtakes").is_none(), "{json}");
    assert_eq!(passing[0]["early_wakes"], serde_json::json!([]));
    for o in &failing {
        let overtakes = o["overtakes"]
            .as_array()
            .expect("a failing order passes someone");
        assert!(
            overtakes
                .iter()
                .all(|t| t["rule"] == "mutex" && t["op"] == "Lock" && t["line"] == 21),
            "{o}"
        );
    }
    let human = text(&racemap(&["test", "--explore", file]).stdout);
    let noted = human
        .lines()
        .filter(|l| l.starts_with("     goroutine ") && l.contains("Go's mutex queue is FIFO"));
    assert_eq!(noted.count(), failing.len(), "{human}");
    assert!(
        human.contains("\n     goroutine 10's Lock at queue_order_test.go:21 takes the mutex ahead of goroutines 8 and 9"),
        "{human}"
    );
}

/// `run --no-race` runs a plain build, whose `runtime.main` waits for a panic in progress
/// when main returns (a race build's `racefini` exits first). Main returns after the panicking
/// goroutine's deferred call woke it: Go 1.19.8 plain build, 200 runs: `end` then the panic
/// 35, the panic alone 165, never `end` and exit 0 (race build: 24 of 200). The race build's
/// schedule for that outcome replays to the panic under `--no-race`, and no seed exits 0.
#[test]
fn a_plain_build_s_main_waits_for_a_panic_in_progress() {
    let file = program("main_returns_during_a_panic.go");
    let file = file.to_str().unwrap();
    let out = racemap(&["explore", "--json", file]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let exits = json["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["error"].is_null())
        .expect("the race build's main may exit first");
    let schedule = exits["schedule"].as_str().unwrap();
    let race = racemap(&["run", "--schedule", schedule, file]);
    assert_eq!(
        (race.status.code(), text(&race.stdout)),
        (Some(0), "end\n".into())
    );
    let plain = racemap(&["run", "--no-race", "--schedule", schedule, file]);
    assert_eq!(plain.status.code(), Some(2), "{}", text(&plain.stderr));
    assert_eq!(text(&plain.stdout), "end\n");
    assert!(
        text(&plain.stderr).starts_with("panic: boom\n"),
        "{}",
        text(&plain.stderr)
    );
    for seed in 0..20 {
        let run = racemap(&["run", "--no-race", "--seed", &seed.to_string(), file]);
        assert_eq!(run.status.code(), Some(2), "seed {seed}");
    }
}

/// A plain build's main still returns before a panic that has not begun (Go 1.19.8 plain
/// build, 200 runs: `hi there` and exit 0 167 times) and past one blocked for good in a
/// deferred call (its `runtime.main` yields a thousand times, then exits).
#[test]
fn a_plain_build_s_main_returns_past_a_panic_not_begun_or_blocked() {
    let dir = std::env::temp_dir().join(format!("racemap-plain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let not_begun = dir.join("not_begun.go");
    std::fs::write(
        &not_begun,
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tgo func() { panic(\"boom\") }()\n\t\
         fmt.Println(\"hi\")\n\tfmt.Println(\"there\")\n}\n",
    )
    .unwrap();
    let blocked = dir.join("blocked.go");
    std::fs::write(
        &blocked,
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tstarted := make(chan bool)\n\t\
         never := make(chan bool)\n\tgo func() {\n\t\tdefer func() { <-never }()\n\t\t\
         defer func() { started <- true }()\n\t\tpanic(\"boom\")\n\t}()\n\t<-started\n\t\
         fmt.Println(\"end\")\n}\n",
    )
    .unwrap();
    // The race build's schedule of that outcome: main returns after the goroutine's first
    // step, in which it began its panic (in local code).
    let not_begun = not_begun.to_str().unwrap();
    let out = racemap(&["explore", "--json", not_begun]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let exits = json["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["error"].is_null())
        .expect("main may return first");
    let schedule = exits["schedule"].as_str().unwrap();
    let plain = racemap(&["run", "--no-race", "--schedule", schedule, not_begun]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    assert_eq!(text(&plain.stdout), "hi\nthere\n");
    let blocked = blocked.to_str().unwrap();
    for seed in 0..5 {
        let run = racemap(&["run", "--no-race", "--seed", &seed.to_string(), blocked]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "seed {seed}: {}",
            text(&run.stderr)
        );
        assert_eq!(text(&run.stdout), "end\n");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
