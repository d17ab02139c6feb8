//! One request's closing section: what still blocks closing, erasure, and closing it.

use super::ctx::{Area, Ctx};
use super::done_icon::DoneIcon;
use super::warn_icon::WarnIcon;
use super::words::blocker_words;
use crate::api::cases::{close_case, erase_person};
use crate::i18n::*;
use crate::types::{CaseBlocker, CaseStatus, RequestKind};
use leptos::prelude::*;

#[component]
pub(super) fn Finish(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let v = ctx.view;
    let note = RwSignal::new(String::new());
    let understand = RwSignal::new(false);
    let blocked = move || v.with(|v| !v.blockers.is_empty());
    let undecided = move || v.with(|v| v.blockers.contains(&CaseBlocker::UndecidedPhotos));
    let erasable = move || v.with(|v| v.kind == RequestKind::Erasure && !v.erased);
    view! {
        <section class="card" aria-labelledby="case-close-title">
            <h2 id="case-close-title">{t!(i18n, cases.close_title)}</h2>
            <Show
                when=move || ctx.is_open()
                fallback=move || {
                    view! {
                        <p class="case-closed">
                            <DoneIcon/>
                            {move || {
                                if v.with(|v| v.status == CaseStatus::Refused) {
                                    t_string!(i18n, cases.closed_refused).to_string()
                                } else {
                                    t_string!(i18n, cases.closed_done).to_string()
                                }
                            }}
                        </p>
                    }
                }
            >
                <Show
                    when=blocked
                    fallback=move || view! { <p class="ok">{t!(i18n, cases.bl_none)}</p> }
                >
                    <div id="case-blockers" class="case-blockers">
                        <p>{t!(i18n, cases.bl_intro)}</p>
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
                    <div class="case-erase">
                        <h3>{t!(i18n, cases.erase_title)}</h3>
                        <p>{t!(i18n, cases.erase_help)}</p>
                        <Show when=undecided>
                            <p class="help"><WarnIcon/> {t!(i18n, cases.erase_needs)}</p>
                        </Show>
                        <label class="check" for="case-erase-understand">
                            <input
                                id="case-erase-understand"
                                type="checkbox"
                                prop:checked=move || understand.get()
                                on:change=move |e| understand.set(event_target_checked(&e))
                            />
                            <span>{t!(i18n, cases.erase_understand)}</span>
                        </label>
                        <button
                            type="button"
                            class="danger-fill"
                            disabled=move || ctx.busy() || !understand.get() || undecided()
                            on:click=move |_| ctx.run(Area::Erase, erase_person(ctx.case_id()))
                        >
                            {t!(i18n, cases.erase)}
                        </button>
                        {ctx.outcome_at(Area::Erase, move || t_string!(i18n, cases.erased_note).to_string())}
                    </div>
                </Show>
                <form
                    class="case-close"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        ctx.run(Area::Close, close_case(ctx.case_id(), note.get_untracked().trim().to_string()));
                    }
                >
                    <div class="field">
                        <label for="case-close-note">{t!(i18n, cases.close_note)}</label>
                        <textarea
                            id="case-close-note"
                            rows="3"
                            prop:value=move || note.get()
                            on:input=move |e| note.set(event_target_value(&e))
                        ></textarea>
                    </div>
                    <button
                        type="submit"
                        class="primary"
                        disabled=move || ctx.busy() || blocked()
                        aria-describedby=move || if blocked() { Some("case-blockers") } else { None }
                    >
                        {t!(i18n, cases.close)}
                    </button>
                </form>
            </Show>
            {ctx.outcome_at(Area::Close, move || t_string!(i18n, cases.closed_done).to_string())}
        </section>
    }
    .into_any()
}
