//! One photo of a request: its facts and the decision on it (delete, blur the person,
//! keep with a reason), with the confirmation for the final ones.

use super::ctx::{Area, Ctx};
use super::done_icon::DoneIcon;
use super::region_picker::RegionPicker;
use super::region_text::{percent, typed_region};
use super::warn_icon::WarnIcon;
use super::words::{decision_words, photo_label};
use crate::api::cases::decide_photo;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::{DecisionInput, PhotoDecision, Region};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum LocalProblem {
    Reason,
    Region,
}

#[component]
pub(super) fn PhotoCard(ctx: Ctx, item: i64) -> AnyView {
    let i18n = use_i18n();
    let photo = Memo::new(move |_| {
        ctx.view
            .with(|v| v.photos.iter().find(|p| p.item == item).cloned())
    });
    let init = photo.get_untracked();
    let label = init.as_ref().map(|p| p.label).unwrap_or_default();
    let choice: RwSignal<Option<PhotoDecision>> =
        RwSignal::new(init.as_ref().and_then(|p| p.decision));
    let reason = RwSignal::new(init.as_ref().map(|p| p.reason.clone()).unwrap_or_default());
    // The region in percent, as typed or drawn; `touched` once the organiser changed it.
    let pct =
        |r: Option<Region>, f: fn(&Region) -> f32| r.map(|r| percent(f(&r))).unwrap_or_default();
    let existing = init.as_ref().and_then(|p| p.region);
    let rx = RwSignal::new(pct(existing, |r| r.x));
    let ry = RwSignal::new(pct(existing, |r| r.y));
    let rw = RwSignal::new(pct(existing, |r| r.w));
    let rh = RwSignal::new(pct(existing, |r| r.h));
    let touched = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let problem: RwSignal<Option<LocalProblem>> = RwSignal::new(None);

    let drawn = move || typed_region(rx, ry, rw, rh).filter(Region::is_valid);
    let can_decide =
        move || ctx.is_open() && photo.with(|p| p.as_ref().is_some_and(|p| p.photo_id.is_some()));
    let photo_id = move || {
        photo
            .with_untracked(|p| p.as_ref().and_then(|p| p.photo_id.clone()))
            .unwrap_or_default()
    };
    let save = move |confirmed: bool| {
        let Some(d) = choice.get_untracked() else {
            return;
        };
        problem.set(None);
        let has_region = photo.with_untracked(|p| p.as_ref().is_some_and(|p| p.region.is_some()));
        let text = reason.get_untracked().trim().to_string();
        match d {
            PhotoDecision::Keep if text.is_empty() => {
                problem.set(Some(LocalProblem::Reason));
                return;
            }
            PhotoDecision::Blur if !has_region && drawn().is_none() => {
                problem.set(Some(LocalProblem::Region));
                return;
            }
            // Both are for good: the organiser confirms first (blur only the first time).
            PhotoDecision::Delete if !confirmed => {
                confirming.set(true);
                return;
            }
            PhotoDecision::Blur
                if !confirmed
                    && photo.with_untracked(|p| {
                        p.as_ref().and_then(|p| p.decision) != Some(PhotoDecision::Blur)
                    }) =>
            {
                confirming.set(true);
                return;
            }
            _ => {}
        }
        confirming.set(false);
        let region = if d == PhotoDecision::Blur && (touched.get_untracked() || !has_region) {
            drawn()
        } else {
            None
        };
        ctx.run(
            Area::Photo(item),
            decide_photo(
                ctx.case_id(),
                DecisionInput {
                    item,
                    decision: d,
                    reason: text,
                    region,
                },
            ),
        );
    };

    let n = label;
    let heading_id = format!("case-photo-{item}");
    let legend_id = format!("case-photo-{item}-decision");
    let reason_id = format!("case-photo-{item}-reason");
    let reason_help_id = format!("case-photo-{item}-reason-help");
    let option = move |d: PhotoDecision| {
        let id = format!("case-photo-{item}-{}", d.as_str());
        let words = move || match d {
            PhotoDecision::Delete => t_string!(i18n, cases.opt_delete).to_string(),
            PhotoDecision::Blur => t_string!(i18n, cases.opt_blur).to_string(),
            PhotoDecision::Keep => t_string!(i18n, cases.opt_keep).to_string(),
        };
        view! {
            <label class="check decision-option" for=id.clone()>
                <input
                    id=id.clone()
                    type="radio"
                    name=format!("case-photo-{item}-decision")
                    value=d.as_str()
                    prop:checked=move || choice.get() == Some(d)
                    on:change=move |_| {
                        choice.set(Some(d));
                        confirming.set(false);
                        problem.set(None);
                    }
                />
                <span>{words}</span>
            </label>
        }
    };

    view! {
        <li class="case-photo" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{move || photo_label(i18n, n)}</h3>
            <div class="case-photo-body">
                {move || {
                    match photo.with(|p| p.as_ref().and_then(|p| p.photo_id.clone())) {
                        Some(id) => {
                            view! {
                                <img
                                    class="case-thumb"
                                    src=format!("/media/photos/{id}/thumb.jpg")
                                    alt=move || t_string!(i18n, cases.thumb_alt, n = n).to_string()
                                    loading="lazy"
                                />
                            }
                                .into_any()
                        }
                        None => view! { <p class="case-deleted">{t!(i18n, cases.deleted)}</p> }.into_any(),
                    }
                }}
                <dl class="facts">
                    <dt>{t!(i18n, cases.taken)}</dt>
                    <dd>
                        {move || {
                            photo
                                .with(|p| p.as_ref().and_then(|p| p.taken_at.clone()))
                                .map(|t| short_time(&t))
                                .unwrap_or_else(|| t_string!(i18n, cases.no_time).to_string())
                        }}
                    </dd>
                    <dt>{t!(i18n, cases.requested)}</dt>
                    <dd>
                        {move || {
                            if photo.with(|p| p.as_ref().is_some_and(|p| p.requested)) {
                                t_string!(i18n, att.yes).to_string()
                            } else {
                                t_string!(i18n, att.no).to_string()
                            }
                        }}
                    </dd>
                    <dt>{t!(i18n, cases.published)}</dt>
                    <dd>{move || photo.with(|p| p.as_ref().map(|p| p.published).unwrap_or_default())}</dd>
                    <dt>{t!(i18n, cases.decision)}</dt>
                    <dd class="case-decision">
                        {move || {
                            photo
                                .with(|p| p.as_ref().map(|p| (p.decision, p.decided_at.clone())))
                                .map(|(d, at)| {
                                    view! {
                                        {d.is_some().then(|| view! { <DoneIcon/> })}
                                        <strong>{decision_words(i18n, d)}</strong>
                                        {at.map(|at| format!(" · {}", short_time(&at)))}
                                    }
                                })
                        }}
                    </dd>
                    {move || {
                        photo
                            .with(|p| p.as_ref().map(|p| p.reason.clone()))
                            .filter(|r| !r.trim().is_empty())
                            .map(|r| view! { <dt>{t!(i18n, cases.reason)}</dt><dd class="pre">{r}</dd> })
                    }}
                </dl>
            </div>
            <Show when=can_decide>
                <div class="case-decide">
                    <fieldset class="decision-options" role="radiogroup" aria-labelledby=legend_id.clone()>
                        <legend id=legend_id.clone()>{move || t_string!(i18n, cases.decide_group, n = n).to_string()}</legend>
                        {option(PhotoDecision::Delete)}
                        {option(PhotoDecision::Blur)}
                        {option(PhotoDecision::Keep)}
                    </fieldset>
                    <Show when=move || choice.get() == Some(PhotoDecision::Blur)>
                        <RegionPicker
                            n
                            item
                            photo_id=photo_id()
                            marked=photo.with_untracked(|p| p.as_ref().is_some_and(|p| p.region.is_some()))
                            rx
                            ry
                            rw
                            rh
                            touched
                        />
                    </Show>
                    <div class="field">
                        <label for=reason_id.clone()>
                            {move || t_string!(i18n, cases.reason_label, n = n).to_string()}
                            <Show when=move || choice.get() == Some(PhotoDecision::Keep)>
                                " " <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                            </Show>
                        </label>
                        <textarea
                            id=reason_id.clone()
                            rows="3"
                            aria-describedby=reason_help_id.clone()
                            aria-required=move || (choice.get() == Some(PhotoDecision::Keep)).to_string()
                            prop:value=move || reason.get()
                            on:input=move |e| reason.set(event_target_value(&e))
                        ></textarea>
                        <p id=reason_help_id.clone() class="help">{t!(i18n, cases.reason_help)}</p>
                    </div>
                    {move || {
                        problem
                            .get()
                            .map(|p| {
                                let text = match p {
                                    LocalProblem::Reason => t_string!(i18n, errors.err_reason_missing).to_string(),
                                    LocalProblem::Region => t_string!(i18n, errors.err_region_missing).to_string(),
                                };
                                view! { <p class="error" role="alert">{text}</p> }
                            })
                    }}
                    <Show
                        when=move || confirming.get()
                        fallback=move || {
                            view! {
                                <button
                                    type="button"
                                    class="primary"
                                    disabled=move || ctx.busy() || choice.get().is_none()
                                    on:click=move |_| save(false)
                                >
                                    {move || t_string!(i18n, cases.save_decision, n = n).to_string()}
                                </button>
                            }
                        }
                    >
                        <div class="confirm">
                            <p role="alert"><WarnIcon/> {move || if choice.get() == Some(PhotoDecision::Blur) {
                                t_string!(i18n, cases.confirm_blur, n = n).to_string()
                            } else {
                                t_string!(i18n, cases.confirm_delete, n = n).to_string()
                            }}</p>
                            <div class="actions">
                                <button type="button" class="danger-fill" disabled=move || ctx.busy() on:click=move |_| save(true)>
                                    {move || if choice.get() == Some(PhotoDecision::Blur) {
                                        t_string!(i18n, cases.confirm_blur_yes, n = n).to_string()
                                    } else {
                                        t_string!(i18n, cases.confirm_delete_yes, n = n).to_string()
                                    }}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    {t!(i18n, cases.cancel)}
                                </button>
                            </div>
                        </div>
                    </Show>
                </div>
            </Show>
            {ctx.outcome_at(Area::Photo(item), move || t_string!(i18n, cases.decision_saved, n = n).to_string())}
        </li>
    }
    .into_any()
}
