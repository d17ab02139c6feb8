//! One request's closing section: what still blocks closing, erasure, and closing it.

use super::ctx::{Area, Ctx};
use super::done_icon::DoneIcon;
use super::warn_icon::WarnIcon;
use super::words::blocker_words;
use crate::api::requests::{close_request, erase_person};
use crate::i18n::*;
use crate::types::{RequestBlocker, RequestKind, RequestStatus};
use leptos::prelude::*;

#[component]
pub(super) fn Finish(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let v = ctx.view;
    let note = RwSignal::new(String::new());
    let understand = RwSignal::new(false);
    let blocked = move || v.with(|v| !v.blockers.is_empty());
    let undecided = move || v.with(|v| v.blockers.contains(&RequestBlocker::UndecidedPhotos));
    let erasable = move || v.with(|v| v.kind == RequestKind::Erasure && !v.erased);
    view! {
        <section class="card" aria-labelledby="request-close-title">
            <h2 id="request-close-title">{t!(i18n, requests.close_title)}</h2>
            <Show
                when=move || ctx.is_open()
                fallback=move || {
                    view! {
                        <p class="request-closed">
                            <DoneIcon/>
                            {move || {
                                if v.with(|v| v.status == RequestStatus::Refused) {
                                    t_string!(i18n, requests.closed_refused).to_string()
                                } else {
                                    t_string!(i18n, requests.closed_done).to_string()
                                }
                            }}
                        </p>
                    }
                }
            >
                <Show
                    when=blocked
                    fallback=move || view! { <p class="ok">{t!(i18n, requests.bl_none)}</p> }
                >
                    <div id="request-blockers" class="request-blockers">
                        <p>{t!(i18n, requests.bl_intro)}</p>
                        <ul>
                            {move || {
                                v.with(|v| v.blockers.clone())
                                    .into_iter()
                                    .map(|b| view! { <li><WarnIcon/> {blocker_words(i18n, b)}</li> })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                </Show>
                <Show when=erasable>
                    <div class="request-erase">
                        <h3>{t!(i18n, requests.erase_title)}</h3>
                        <p>{t!(i18n, requests.erase_help)}</p>
                        <Show when=undecided>
                            <p class="help"><WarnIcon/> {t!(i18n, requests.erase_needs)}</p>
                        </Show>
                        <label class="check" for="request-erase-understand">
                            <input
                                id="request-erase-understand"
                                type="checkbox"
                                prop:checked=move || understand.get()
                                on:change=move |e| understand.set(event_target_checked(&e))
                            />
                            <span>{t!(i18n, requests.erase_understand)}</span>
                        </label>
                        <button
                            type="button"
                            class="danger-fill"
                            disabled=move || ctx.busy() || !understand.get() || undecided()
                            on:click=move |_| ctx.run(Area::Erase, erase_person(ctx.request_id()))
                        >
                            {t!(i18n, requests.erase)}
                        </button>
                        {ctx.outcome_at(Area::Erase, move || t_string!(i18n, requests.erased_note).to_string())}
                    </div>
                </Show>
                <form
                    class="request-close"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        ctx.run(Area::Close, close_request(ctx.request_id(), note.get_untracked().trim().to_string()));
                    }
                >
                    <div class="field">
                        <label for="request-close-note">{t!(i18n, requests.close_note)}</label>
                        <textarea
                            id="request-close-note"
                            rows="3"
                            prop:value=move || note.get()
                            on:input=move |e| note.set(event_target_value(&e))
                        ></textarea>
                    </div>
                    <button
                        type="submit"
                        class="primary"
                        disabled=move || ctx.busy() || blocked()
                        aria-describedby=move || if blocked() { Some("request-blockers") } else { None }
                    >
                        {t!(i18n, requests.close)}
                    </button>
                </form>
            </Show>
            {ctx.outcome_at(Area::Close, move || t_string!(i18n, requests.closed_done).to_string())}
        </section>
    }
    .into_any()
}
