//! The drafted notifications (point 3) in the language chosen here (the page's at
//! first): to the inspectorate with GDPR Art. 33(3)'s items, and, when the risk is
//! high, to the people affected with Art. 34(2)'s. Each can be copied; Lanyard sends
//! nothing itself.

use super::breach_detail::Ctx;
use crate::api::breaches::draft_notifications;
use crate::components::errors::ErrorText;
use crate::components::files::copy_text;
use crate::i18n::*;
use crate::types::{Lang, PublicId};
use leptos::prelude::*;

#[component]
pub(super) fn Drafts(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let lang = RwSignal::new(match i18n.get_locale_untracked() {
        Locale::lv => Lang::Lv,
        Locale::en => Lang::En,
    });
    let fetch = Action::new(|(id, lang): &(PublicId, Lang)| draft_notifications(id.clone(), *lang));
    // Drafted again when the language or the record changes.
    Effect::new(move |_| {
        let id = ctx.view.with(|v| (v.id.clone(), v.history.len())).0;
        fetch.dispatch((id, lang.get()));
    });
    view! {
        <section class="card" aria-labelledby="breach-drafts-title">
            <h2 id="breach-drafts-title">{t!(i18n, breaches.h_drafts)}</h2>
            <p class="help">{t!(i18n, breaches.drafts_help)}</p>
            <div class="field">
                <label for="drafts-lang">{t!(i18n, breaches.drafts_lang)}</label>
                <select
                    id="drafts-lang"
                    prop:value=move || lang.get().as_str()
                    on:change=move |e| {
                        if let Some(l) = Lang::parse(&event_target_value(&e)) {
                            lang.set(l);
                        }
                    }
                >
                    <option value="lv">"Latviešu"</option>
                    <option value="en">"English"</option>
                </select>
            </div>
            {move || match fetch.value().get() {
                None => view! { <p class="loading" role="status">{t!(i18n, breaches.drafts_loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorText error=e/> }.into_any(),
                Some(Ok(d)) => view! {
                    <DraftText id="draft-inspectorate" title=move || t!(i18n, breaches.draft_inspectorate) text=d.inspectorate/>
                    {d.people.map(|p| view! { <DraftText id="draft-people" title=move || t!(i18n, breaches.draft_people) text=p/> })}
                }
                    .into_any(),
            }}
        </section>
    }
}

#[component]
fn DraftText(id: &'static str, #[prop(into)] title: ViewFn, text: String) -> impl IntoView {
    let i18n = use_i18n();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copied = RwSignal::new(None::<bool>);
    let lines = text.lines().count() + 1;
    let body = text.clone();
    let copy = move |_| {
        let t = body.clone();
        leptos::task::spawn_local(async move {
            let ok = copy_text(t).await;
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
        <div class="field draft">
            <label for=id>{title.run()}</label>
            <textarea id=id node_ref=area readonly rows=lines.to_string() prop:value=text></textarea>
            <button type="button" class="secondary" on:click=copy>{t!(i18n, breaches.copy)}</button>
            {move || copied.get().map(|ok| if ok {
                view! { <p class="ok" role="status">{t!(i18n, breaches.copied)}</p> }.into_any()
            } else {
                view! { <p class="error" role="alert">{t!(i18n, breaches.copy_failed)}</p> }.into_any()
            })}
        </div>
    }
}
