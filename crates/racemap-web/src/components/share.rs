//! "Share" copies a link that reopens this exact view; "Embed" gives the iframe snippet for a
//! docs page (the same link with `embed=1`, the compact layout, and the host script `embed.js`
//! that sizes the iframe to its content).

use yew::prelude::*;

use crate::services::clipboard;

/// Properties of [`Share`].
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The URL hash (without `#`) of the current view.
    pub hash: AttrValue,
    /// What the view shows, for the iframe's title.
    pub title: AttrValue,
}

/// Which box is open.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Link,
    Embed,
}

/// The link to the full page (not the compact embed layout) showing `hash` of the page at
/// `base`: what "Open in racemap" and Share hand out from an embed.
pub fn full_page_link(base: &str, hash: &str) -> String {
    let items: Vec<&str> = hash
        .split('&')
        .filter(|item| *item != "embed" && !item.starts_with("embed="))
        .collect();
    format!("{base}#{}", items.join("&"))
}

/// The address of the host script `embed.js`, beside the page at `base`.
pub fn host_script(base: &str) -> String {
    match base.rsplit_once('/') {
        Some((folder, _page)) => format!("{folder}/embed.js"),
        None => "embed.js".to_string(),
    }
}

/// The iframe snippet embedding `hash` of the page at `base`, with the host script that
/// resizes the iframe to its content (the height is the size before the widget has loaded).
pub fn embed_snippet(base: &str, hash: &str, title: &str) -> String {
    let hash = if hash
        .split('&')
        .any(|item| item == "embed=1" || item == "embed")
    {
        hash.to_string()
    } else {
        format!("{hash}&embed=1")
    };
    format!(
        "<iframe src=\"{base}#{hash}\" title=\"racemap: {title}\" width=\"100%\" height=\"640\" \
         style=\"border:1px solid #ccc;border-radius:6px\" loading=\"lazy\" \
         allow=\"clipboard-write\"></iframe>\n<script src=\"{}\" async></script>",
        host_script(base)
    )
}

/// The Share and Embed buttons and the box each opens.
#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let open = use_state(|| None::<Open>);
    let copied = use_state(|| false);
    // A reader sharing from an embed shares the full page.
    let link = full_page_link(&clipboard::page_base(), &props.hash);
    let snippet = embed_snippet(&clipboard::page_base(), &props.hash, &props.title);
    let toggle = |which: Open, text: String| {
        let open = open.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if *open == Some(which) {
                open.set(None);
            } else {
                copied.set(false);
                let copied = copied.clone();
                clipboard::copy(&text, move |ok| copied.set(ok));
                open.set(Some(which));
            }
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        } else if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
            area.select();
        }
    });
    let note = if *copied {
        "Copied to the clipboard."
    } else {
        "Copy this text."
    };
    html! {
        <div class="share">
            <button
                type="button"
                aria-expanded={(*open == Some(Open::Link)).to_string()}
                onclick={toggle(Open::Link, link.clone())}
            >
                { "Share" }
            </button>
            <button
                type="button"
                aria-expanded={(*open == Some(Open::Embed)).to_string()}
                onclick={toggle(Open::Embed, snippet.clone())}
            >
                { "Embed" }
            </button>
            if *open == Some(Open::Link) {
                <div class="share-box">
                    <label class="field">
                        <span class="field-label">{ "Link to this view" }</span>
                        <input type="text" readonly=true value={link} onfocus={select_all.clone()} />
                    </label>
                    <p class="note" role="status">{ note }</p>
                </div>
            }
            if *open == Some(Open::Embed) {
                <div class="share-box">
                    <label class="field">
                        <span class="field-label">{ "Embed code" }</span>
                        <textarea readonly=true rows="3" value={snippet} onfocus={select_all} />
                    </label>
                    <p class="note" role="status">{ note }</p>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://docs.example/racemap/index.html";

    #[test]
    fn the_snippet_loads_the_compact_layout_and_the_resizing_script() {
        assert_eq!(
            embed_snippet(BASE, "example=mutex&seed=2", "sync.Mutex"),
            "<iframe src=\"https://docs.example/racemap/index.html#example=mutex&seed=2&embed=1\" \
             title=\"racemap: sync.Mutex\" width=\"100%\" height=\"640\" \
             style=\"border:1px solid #ccc;border-radius:6px\" loading=\"lazy\" \
             allow=\"clipboard-write\"></iframe>\n\
             <script src=\"https://docs.example/racemap/embed.js\" async></script>"
        );
        // Already compact: not twice.
        assert!(
            embed_snippet(BASE, "example=mutex&embed=1", "t").contains("#example=mutex&embed=1\"")
        );
    }

    #[test]
    fn the_full_page_link_drops_only_the_embed_flag() {
        assert_eq!(
            full_page_link(BASE, "example=blank&code=x&embed=1&step=3"),
            "https://docs.example/racemap/index.html#example=blank&code=x&step=3"
        );
        assert_eq!(full_page_link(BASE, "embed"), format!("{BASE}#"));
    }
}
