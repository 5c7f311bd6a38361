//! "What Go racemap understands": the constructs and library the core supports (its own lists,
//! whose examples the core's tests compile), and what it refuses. Shown beside compile errors
//! and in the footer.

use racemap::lang::supported::{SUPPORTED, UNSUPPORTED};
use yew::prelude::*;

use crate::services::core_info;

/// Properties of [`SupportedGo`].
#[derive(Properties, PartialEq)]
pub struct SupportedGoProps {
    /// Whether the details start open (beside compile errors).
    #[prop_or_default]
    pub open: bool,
}

/// The list, in a `<details>` titled "What Go racemap understands".
#[function_component(SupportedGo)]
pub fn supported_go(props: &SupportedGoProps) -> Html {
    html! {
        <details class="supported-go" open={props.open}>
            <summary>{ "What Go racemap understands" }</summary>
            <p>
                { "One Go file with " }<code>{ "package main" }</code>{ " and " }
                <code>{ "func main" }</code>{ ", run as Go 1.19 with " }<code>{ "-race" }</code>
                { " runs it (messages as Go prints them). A test file instead (any package, "
                }<code>{ "func TestXxx(t *testing.T)" }</code>{ " functions) runs the test picked in " }
                <strong>{ "Test" }</strong>{ " as " }<code>{ "go test -race -run" }</code>
                { " does. racemap runs:" }
            </p>
            <ul>
                { for SUPPORTED.iter().map(|c| html! { <li>{ c.name }</li> }) }
            </ul>
            <p>{ "and these packages:" }</p>
            <dl class="supported-packages">
                { for core_info::library_by_package().into_iter().map(|(package, members)| html! {
                    <>
                        <dt><code>{ package }</code></dt>
                        <dd>{ members.join(", ") }</dd>
                    </>
                }) }
            </dl>
            <p>
                { "Not yet: " }
                { UNSUPPORTED.iter().map(|c| c.name).collect::<Vec<_>>().join("; ") }
                { ". Such code gets " }<code>{ "racemap does not support …" }</code>
                { " at its line." }
            </p>
        </details>
    }
}
