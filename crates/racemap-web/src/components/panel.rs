//! A labelled panel: a `<section>` whose heading is its accessible name.

use yew::prelude::*;

/// Properties of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// Panel title, also its accessible name.
    pub title: AttrValue,
    /// Stable id fragment used for `id`/`aria-labelledby` and CSS grid placement.
    pub id: AttrValue,
    /// Panel body.
    #[prop_or_default]
    pub children: Html,
    /// The body scrolls when its content outgrows it and holds nothing focusable: it takes
    /// the focus itself, so keyboard users can scroll it (axe's `scrollable-region-focusable`).
    #[prop_or_default]
    pub focusable_body: bool,
}

/// One panel of the layout.
#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let heading_id = format!("panel-{}-title", props.id);
    html! {
        <section
            class={classes!("panel", format!("panel-{}", props.id))}
            aria-labelledby={heading_id.clone()}
        >
            <h2 id={heading_id} class="panel-title">{ props.title.clone() }</h2>
            if props.focusable_body {
                <div
                    class="panel-body"
                    tabindex="0"
                    role="group"
                    aria-label={format!("{} (scrolls)", props.title)}
                >
                    { props.children.clone() }
                </div>
            } else {
                <div class="panel-body">{ props.children.clone() }</div>
            }
        </section>
    }
}
