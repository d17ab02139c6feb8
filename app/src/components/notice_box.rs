//! A privacy notice as shown before a decision (kiosk, `/me`, the organiser's forms):
//! its text one paragraph a line, in a box that scrolls, under a heading that names it.

use crate::types::NoticeText;
use leptos::prelude::*;

/// The notice `notice` under the heading `title`, with `lead` above the text. Nothing
/// shows while there is none (the event has no notice yet).
#[component]
pub fn NoticeBox(
    notice: Signal<Option<NoticeText>>,
    /// The heading's id (for `aria-labelledby`).
    id: &'static str,
    title: Signal<String>,
    lead: Signal<String>,
) -> impl IntoView {
    move || {
        notice.get().map(|n| {
            view! {
                <section class="notice-shown" aria-labelledby=id>
                    <h3 id=id>{title}</h3>
                    <p class="help">{lead}</p>
                    <div class="notice" tabindex="0" lang=n.lang.clone()>
                        {n.text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                    </div>
                </section>
            }
        })
    }
}
