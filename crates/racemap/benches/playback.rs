//! What one click in the visualizer costs on a long trace: a program of about 19,200 visible
//! steps (two goroutines doing 1200 locked map increments each), played with a seeded scheduler
//! (and the page's step limit, 20 000) to step 2000, then one step forward, one step back and a
//! jump to step 1000, each with the `view()` the page renders afterwards; and one step forward
//! and one back at steps 9000 and 18000, to see how the cost grows with the trace.
//!
//! `cargo bench -p racemap --bench playback`; the README's performance section records results.

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion};
use racemap::playback::{Playback, PlaybackConfig, SchedulerMode};
use std::hint::black_box;

/// Two workers, 1200 iterations each of `mu.Lock(); m[k]++; mu.Unlock()`, joined by a
/// WaitGroup: 19,219 steps under seed 1.
const PROGRAM: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	m := make(map[string]int)
	keys := []string{"a", "b", "c"}
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1200; i++ {
				k := keys[i%len(keys)]
				mu.Lock()
				m[k]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(m), m["a"]+m["b"]+m["c"])
}
"#;

/// The page's step limit.
const MAX_STEPS: u64 = 20_000;

/// The program played with seed 1 (default checkpoint interval, the page's step limit) up to
/// step `n`, with the view of step `n` built (the page builds one after every click, and the
/// playback keeps what the next view can reuse).
fn playback_at(n: u64) -> Playback {
    let config = PlaybackConfig {
        scheduler: SchedulerMode::Seeded { seed: 1 },
        max_steps: MAX_STEPS,
        ..PlaybackConfig::default()
    };
    let mut p = Playback::new(PROGRAM, config).expect("the benchmark program compiles");
    while p.cursor() < n {
        p.step_auto()
            .expect("the run is longer than the benchmark's steps");
    }
    assert!(p.ending().is_none(), "the run must go on past step {n}");
    black_box(p.view());
    p
}

/// Benchmark one click: `click` on a clone of `start` (the clone is setup, not measured), then,
/// when `with_view`, building and dropping the view the page renders after it. Dropping the
/// cloned playback is not measured either: the page keeps it.
fn bench_click(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    start: &Playback,
    click: fn(&mut Playback),
    with_view: bool,
) {
    group.bench_function(name, |b| {
        b.iter_batched(
            || start.clone(),
            |mut p| {
                click(&mut p);
                if with_view {
                    black_box(p.view());
                }
                p
            },
            BatchSize::LargeInput,
        )
    });
}

fn step(p: &mut Playback) {
    p.step_auto().expect("steps");
}

fn back(p: &mut Playback) {
    p.back().expect("goes back");
}

fn goto_1000(p: &mut Playback) {
    p.goto(1000).expect("goes back");
}

fn bench_playback(c: &mut Criterion) {
    let at_1999 = playback_at(1999);
    let mut at_2000 = at_1999.clone();
    at_2000.step_auto().expect("step 2000");
    assert_eq!(at_2000.cursor(), 2000);
    black_box(at_2000.view());

    let mut group = c.benchmark_group("playback/2000");
    bench_click(&mut group, "step_auto+view", &at_1999, step, true);
    bench_click(&mut group, "back+view", &at_2000, back, true);
    bench_click(&mut group, "goto_1000", &at_2000, goto_1000, false);
    bench_click(&mut group, "goto_1000+view", &at_2000, goto_1000, true);
    group.bench_function("view", |b| b.iter(|| black_box(at_2000.view())));
    group.finish();

    // How the view's cost grows with the trace: the same at steps 9000 and 18000.
    let mut at = at_2000;
    for n in [9000, 18000] {
        at.goto(n - 1).expect("reaches the step");
        assert!(at.ending().is_none());
        black_box(at.view());
        let mut at_n = at.clone();
        at_n.step_auto().expect("steps");
        black_box(at_n.view());
        let mut group = c.benchmark_group(format!("playback/{n}"));
        bench_click(&mut group, "step_auto+view", &at, step, true);
        bench_click(&mut group, "back+view", &at_n, back, true);
        group.bench_function("view", |b| b.iter(|| black_box(at_n.view())));
        group.finish();
    }
}

criterion_group!(benches, bench_playback);
criterion_main!(benches);
