//! One request's closing message to the person, in their language, ready to copy.

use super::ctx::Ctx;
use super::words::lang_words;
use crate::components::files::copy_text;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn ClosingMessage(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let area = NodeRef::<leptos::html::Textarea>::new();
    // None: not tried yet; Some(true) copied; Some(false) could not (the text is selected).
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let text = move || ctx.view.with(|v| v.closing_message.clone());
    Effect::new(move |_| {
        // A new message (after an action) was not copied yet.
        let _ = text();
        copied.set(None);
    });
    let copy = move || {
        let message = text();
        leptos::task::spawn_local(async move {
            let ok = copy_text(message).await;
            if !ok {
                if let Some(el) = area.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    view! {
        <Show when=move || ctx.view.with(|v| !v.closing_message.trim().is_empty())>
            <section class="card" aria-labelledby="request-msg-title">
                <h2 id="request-msg-title">{t!(i18n, requests.msg_title)}</h2>
                <div class="field">
                    <label for="request-closing-message">
                        {move || {
                            let lang = ctx.view.with(|v| lang_words(i18n, &v.lang));
                            t_string!(i18n, requests.msg_label, lang = lang).to_string()
                        }}
                    </label>
                    <textarea
                        id="request-closing-message"
                        node_ref=area
                        readonly
                        rows="10"
                        aria-describedby="request-msg-help"
                        prop:value=text
                    ></textarea>
                    <p id="request-msg-help" class="help">{t!(i18n, requests.msg_help)}</p>
                </div>
                <button type="button" class="secondary" on:click=move |_| copy()>
                    {t!(i18n, requests.copy)}
                </button>
                {move || {
                    copied
                        .get()
                        .map(|ok| {
                            if ok {
                                view! { <p class="ok" role="status">{t!(i18n, requests.copied)}</p> }.into_any()
                            } else {
                                view! { <p class="error" role="alert">{t!(i18n, requests.copy_failed)}</p> }.into_any()
                            }
                        })
                }}
            </section>
        </Show>
    }
    .into_any()
}
