//! The examples of the picker: one per map strategy of the core's presets, generated for the
//! workload, plus "Your own program".

use racemap::strategies::{Strategy, Workload};

use super::BLANK_SOURCE;

/// What the example picker selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// A map strategy of the core's presets, generated for the workload.
    Preset(Strategy),
    /// The user's own program.
    Blank,
}

impl Example {
    /// Every choice of the picker, in order.
    pub fn all() -> impl Iterator<Item = Example> {
        Strategy::ALL
            .into_iter()
            .map(Example::Preset)
            .chain([Example::Blank])
    }

    /// The id used in the URL hash (`#example=ID`): the strategy's slug, or `blank`.
    pub fn id(self) -> &'static str {
        match self {
            Example::Preset(strategy) => strategy.slug(),
            Example::Blank => "blank",
        }
    }

    /// The label shown in the picker.
    pub fn label(self) -> &'static str {
        match self {
            Example::Preset(strategy) => strategy.title(),
            Example::Blank => "Your own program",
        }
    }

    /// The example with this id.
    pub fn from_id(id: &str) -> Option<Example> {
        Example::all().find(|example| example.id() == id)
    }

    /// The example's program for `workload`.
    pub fn source(self, workload: Workload) -> String {
        match self {
            Example::Preset(strategy) => strategy.source(workload),
            Example::Blank => BLANK_SOURCE.to_string(),
        }
    }
}
