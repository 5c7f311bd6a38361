//! What the page asks of the core to play a program, in one place for both ends.
//!
//! The page's own wasm does not link the core's compiler and machine: they are in the explorer
//! worker's wasm, which the page also instantiates in its main thread (the same file, so the
//! workers find it in the HTTP cache) and calls through that module's `#[wasm_bindgen]` exports
//! (`bin/explorer_worker/core_exports.rs`). This module holds the data that crosses between the
//! two modules ([`OpenConfig`], [`ViewUpdate`]) and the calls that do more than forward to
//! `racemap::playback::Playback` ([`open`], [`test_names`], [`SentView`], [`ReceivedView`]); the
//! exports and the native tests' port (`services/core/native.rs`) both use them, so the page's
//! reducer sees the same answers natively and in the browser.
//!
//! **Views as updates.** A view's timeline and arrows hold every step up to the cursor (20 000
//! at most), and copying them between the two modules on every click would cost a click time
//! proportional to the trace. So the core sends, with the rest of the view, only how many of
//! the timeline entries (and arrows) the page already has stay ([`ViewUpdate::timeline_kept`]:
//! the longest common prefix with the last view sent) and the entries after them: a step
//! forward sends one entry, a step back none. [`SentView`] (the core's end) remembers the last
//! view's timeline and arrows, [`ReceivedView`] (the page's) rebuilds them.
// Invariant: a `SentView` and its `ReceivedView` hold equal timelines and arrows after each
// update is applied; every update made is applied, in order.

use racemap::compile::{CompileOptions, LangVersion};
use racemap::diag::SourceMap;
use racemap::playback::timeline::{Arrow, TimelineEntry};
use racemap::playback::{Playback, PlaybackConfig, SchedulerMode, View};
use serde::{Deserialize, Serialize};

/// How the page opens a program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenConfig {
    /// Who makes the automatic moves.
    pub scheduler: SchedulerMode,
    /// Most steps of the run.
    pub max_steps: u64,
    /// How to compile the source.
    pub compile: CompileOptions,
}

/// Compile `source` and stand at step 0; a program that does not compile gives its errors as
/// `go build` prints them (`prog.go:LINE:COL: message`, one a line, Go's "too many errors" cut).
pub fn open(source: &str, config: OpenConfig) -> Result<Playback, String> {
    let config = PlaybackConfig {
        scheduler: config.scheduler,
        max_steps: config.max_steps,
        compile: config.compile,
        ..PlaybackConfig::default()
    };
    Playback::new(source, config).map_err(|diagnostics| {
        let map = SourceMap::new(racemap::compile::DEFAULT_FILE_NAME, source);
        racemap::diag::render_all(&diagnostics, &map)
    })
}

/// The tests of `source` when it is a `_test.go` file with tests ([`racemap::compile::test_names`]).
pub fn test_names(source: &str, lang: LangVersion) -> Option<Vec<String>> {
    racemap::compile::test_names(source, lang)
}

/// A view as the core sends it: the view without its timeline and arrows, and what changed in
/// them since the last view sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewUpdate {
    /// The view, its `timeline` and `arrows` empty.
    pub view: View,
    /// How many entries of the last timeline sent stay.
    pub timeline_kept: usize,
    /// The entries after them.
    pub timeline_new: Vec<TimelineEntry>,
    /// How many arrows of the last view sent stay.
    pub arrows_kept: usize,
    /// The arrows after them.
    pub arrows_new: Vec<Arrow>,
}

/// How many leading elements `old` and `new` share.
fn common_prefix<T: PartialEq>(old: &[T], new: &[T]) -> usize {
    old.iter().zip(new).take_while(|(a, b)| a == b).count()
}

/// The core's end: the timeline and arrows of the last view sent.
#[derive(Debug, Default)]
pub struct SentView {
    /// The last timeline sent.
    timeline: Vec<TimelineEntry>,
    /// The last arrows sent.
    arrows: Vec<Arrow>,
}

impl SentView {
    /// `view` as an update of the last view sent.
    pub fn update(&mut self, mut view: View) -> ViewUpdate {
        let timeline = std::mem::take(&mut view.timeline);
        let arrows = std::mem::take(&mut view.arrows);
        let timeline_kept = common_prefix(&self.timeline, &timeline);
        let arrows_kept = common_prefix(&self.arrows, &arrows);
        let update = ViewUpdate {
            view,
            timeline_kept,
            timeline_new: timeline[timeline_kept..].to_vec(),
            arrows_kept,
            arrows_new: arrows[arrows_kept..].to_vec(),
        };
        self.timeline = timeline;
        self.arrows = arrows;
        update
    }
}

/// The page's end: the timeline and arrows of the last view received.
#[derive(Debug, Default)]
pub struct ReceivedView {
    /// The last timeline received.
    timeline: Vec<TimelineEntry>,
    /// The last arrows received.
    arrows: Vec<Arrow>,
}

impl ReceivedView {
    /// The whole view `update` describes; an error when it keeps more than this end has (the
    /// two ends disagree: racemap's own bug).
    pub fn apply(&mut self, update: ViewUpdate) -> Result<View, String> {
        if update.timeline_kept > self.timeline.len() || update.arrows_kept > self.arrows.len() {
            return Err(format!(
                "racemap internal error: a view update keeps {} steps and {} arrows of {} and {}",
                update.timeline_kept,
                update.arrows_kept,
                self.timeline.len(),
                self.arrows.len()
            ));
        }
        self.timeline.truncate(update.timeline_kept);
        self.timeline.extend(update.timeline_new);
        self.arrows.truncate(update.arrows_kept);
        self.arrows.extend(update.arrows_new);
        Ok(View {
            timeline: self.timeline.clone(),
            arrows: self.arrows.clone(),
            ..update.view
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use racemap::strategies::{Strategy, Workload};

    #[test]
    fn views_cross_as_updates_that_carry_only_what_changed() {
        let source = Strategy::Mutex.source(Workload::default());
        let config = OpenConfig {
            scheduler: SchedulerMode::Seeded { seed: 2 },
            max_steps: 20_000,
            compile: CompileOptions::default(),
        };
        let mut p = open(&source, config).expect("compiles");
        let (mut sent, mut received) = (SentView::default(), ReceivedView::default());
        let mut cross = |p: &Playback| {
            let update = sent.update(p.view());
            let new = (update.timeline_new.len(), update.arrows_new.len());
            (received.apply(update).expect("applies"), new)
        };
        assert_eq!(cross(&p).0, p.view());
        for _ in 0..30 {
            p.step_auto().expect("moves");
            let (view, (entries, _)) = cross(&p);
            assert_eq!(view, p.view());
            // A step forward sends its own entry (and those whose racing mark changed).
            assert!(entries >= 1, "{entries}");
        }
        let arrows = p.view().arrows.len();
        assert!(arrows > 0);
        p.goto(10).expect("goes back");
        let (view, new) = cross(&p);
        assert_eq!(view, p.view());
        assert_eq!(new, (0, 0), "a step back sends no entry");
        p.reset();
        assert_eq!(cross(&p), (p.view(), (0, 0)));
        p.step_auto().expect("moves");
        assert_eq!(cross(&p).0, p.view());
        // An update that keeps more than the page has is refused.
        let mut fresh = ReceivedView::default();
        let mut sent = SentView::default();
        sent.update(p.view());
        p.step_auto().expect("moves");
        assert!(fresh.apply(sent.update(p.view())).is_err());
    }
}
