//! One takedown of the checklist: where the photo is published, marking it taken down,
//! explaining why not, or reopening it.

use super::ctx::{Area, Ctx};
use super::done_icon::DoneIcon;
use super::warn_icon::WarnIcon;
use super::words::{is_web_url, photo_label, place_words};
use super::I18n;
use crate::api::requests::update_takedown;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::RequestView;
use leptos::prelude::*;

/// "Photo 2, Website" (with "#2" for a second place of the same photo and channel), to
/// name the takedown's controls.
fn takedown_name(i18n: I18n, v: &RequestView, id: i64) -> String {
    let Some(pos) = v.takedowns.iter().position(|t| t.id == id) else {
        return String::new();
    };
    let t = &v.takedowns[pos];
    let base = format!(
        "{}, {}",
        photo_label(i18n, t.label),
        place_words(i18n, &t.channel)
    );
    let same = |o: &crate::types::Takedown| o.label == t.label && o.channel == t.channel;
    let before = v.takedowns[..pos].iter().filter(|o| same(o)).count();
    if before == 0 {
        base
    } else {
        format!("{base} #{}", before + 1)
    }
}

#[component]
pub(super) fn TakedownItem(ctx: Ctx, id: i64) -> AnyView {
    let i18n = use_i18n();
    let td = Memo::new(move |_| {
        ctx.view
            .with(|v| v.takedowns.iter().find(|t| t.id == id).cloned())
    });
    let note = RwSignal::new(
        td.with_untracked(|t| t.as_ref().map(|t| t.note.clone()).unwrap_or_default()),
    );
    let note_missing = RwSignal::new(false);
    let what = move || ctx.view.with(|v| takedown_name(i18n, v, id));
    let done = move || td.with(|t| t.as_ref().is_some_and(|t| t.done_at.is_some()));
    let note_id = move || format!("request-td-{id}-note");
    let update = move |done: bool, text: String| {
        ctx.run(
            Area::Takedown(id),
            update_takedown(ctx.request_id(), id, done, text),
        );
    };
    view! {
        <li class="takedown">
            {move || {
                td.get()
                    .map(|t| {
                        let url = t.url.clone();
                        let link = if url.trim().is_empty() {
                            view! { <span class="help">{t!(i18n, requests.td_no_url)}</span> }.into_any()
                        } else if is_web_url(&url) {
                            view! { <a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a> }.into_any()
                        } else {
                            view! { <span>{url.clone()}</span> }.into_any()
                        };
                        let state = match (&t.done_at, t.note.trim().is_empty()) {
                            (Some(at), _) => view! {
                                <p class="td-state td-done"><DoneIcon/> {t_string!(i18n, requests.td_done, at = short_time(at)).to_string()}</p>
                            }
                                .into_any(),
                            (None, false) => view! {
                                <p class="td-state td-explained">{t_string!(i18n, requests.td_explained, note = t.note.clone()).to_string()}</p>
                            }
                                .into_any(),
                            (None, true) => view! {
                                <p class="td-state td-open"><WarnIcon/> {t!(i18n, requests.td_open)}</p>
                            }
                                .into_any(),
                        };
                        view! {
                            <dl class="facts">
                                <dt>{t!(i18n, ph.p_title)}</dt>
                                <dd><strong>{photo_label(i18n, t.label)}</strong></dd>
                                <dt>{t!(i18n, ph.pub_channel)}</dt>
                                <dd>{place_words(i18n, &t.channel)}</dd>
                                <dt>{t!(i18n, ph.pub_url)}</dt>
                                <dd class="td-url">{link}</dd>
                                <dt>{t!(i18n, requests.td_date)}</dt>
                                <dd>{t.published_on.clone()}</dd>
                                <dt>{t!(i18n, requests.td_state)}</dt>
                                <dd>{state}</dd>
                            </dl>
                        }
                    })
            }}
            <Show when=move || ctx.is_open()>
                <Show
                    when=done
                    fallback=move || {
                        view! {
                            <div class="actions">
                                <button type="button" class="primary" disabled=move || ctx.busy() on:click=move |_| update(true, String::new())>
                                    {move || t_string!(i18n, requests.td_mark, what = what()).to_string()}
                                </button>
                            </div>
                            <form
                                class="td-note"
                                on:submit=move |ev| {
                                    ev.prevent_default();
                                    let text = note.get_untracked().trim().to_string();
                                    if text.is_empty() {
                                        note_missing.set(true);
                                        return;
                                    }
                                    note_missing.set(false);
                                    update(false, text);
                                }
                            >
                                <div class="field">
                                    <label for=note_id()>{move || t_string!(i18n, requests.td_note_label, what = what()).to_string()}</label>
                                    <input
                                        id=note_id()
                                        type="text"
                                        prop:value=move || note.get()
                                        on:input=move |e| note.set(event_target_value(&e))
                                    />
                                </div>
                                <Show when=move || note_missing.get()>
                                    <p class="error" role="alert">{t!(i18n, errors.err_reason_missing)}</p>
                                </Show>
                                <button type="submit" class="secondary" disabled=move || ctx.busy()>
                                    {move || t_string!(i18n, requests.td_note_save, what = what()).to_string()}
                                </button>
                            </form>
                        }
                    }
                >
                    <button type="button" class="secondary" disabled=move || ctx.busy() on:click=move |_| update(false, String::new())>
                        {move || t_string!(i18n, requests.td_reopen, what = what()).to_string()}
                    </button>
                </Show>
            </Show>
            {ctx.outcome_at(Area::Takedown(id), move || t_string!(i18n, requests.saved).to_string())}
        </li>
    }
    .into_any()
}
