//! One photo (issue 5, items 3-6, 8): the preview with the tagged people's regions, the
//! publication state with its reasons, tagging without biometrics (scan-time
//! suggestions, a badge code, or for organisers a name search), regions drawn on the
//! preview or typed in percent, "no identifiable people", "publish blurred" with the
//! blurred preview, and the publication ledger.

use crate::api::attendees::list_attendees;
use crate::api::photos::{
    get_photo, AddPublication, SetNoPeople, SetPublishBlurred, SetRegion, TagPerson, UntagPerson,
};
use crate::components::auth::RequireScanner;
use crate::components::badge::ConsentIcon;
use crate::components::camera::QrCamera;
use crate::components::draw::{region_style, DrawSurface};
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::pages::attendees::full_name;
use crate::pages::photos::{short_time, state_words, StateIcon};
use crate::types::{
    ApiError, AttendeeFilter, AttendeeRow, Consent, GateReason, PhotoDetail, PhotoTag, Region,
    TagBy,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PhotoPage() -> impl IntoView {
    view! {
        <RequireScanner>
            <PhotoLoader/>
        </RequireScanner>
    }
}

#[component]
fn PhotoLoader() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("photo").unwrap_or_default(),
        get_photo,
    );
    let event = move || params.read().get("event").unwrap_or_default();
    view! {
        <main id="main" class="page">
            <a href=move || format!("/photos/{}", event())>{t!(i18n, ph.back_library)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, ph.loading)}</p> }>
                {move || {
                    data.get()
                        .map(|r| match r {
                            Ok(d) => view! { <PhotoView initial=d/> }.into_any(),
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
}

/// "Anna Bērziņa" for organisers, "Person 2" for photographers.
fn who(i18n: leptos_i18n::I18nContext<Locale>, name: &Option<String>, n: usize) -> String {
    name.clone()
        .unwrap_or_else(|| t_string!(i18n, ph.person, n = n.to_string()).to_string())
}

fn consent_words(i18n: leptos_i18n::I18nContext<Locale>, c: Option<Consent>) -> String {
    match c {
        Some(Consent::Green) => t_string!(i18n, ev.green).to_string(),
        Some(Consent::Red) => t_string!(i18n, ev.red).to_string(),
        None => t_string!(i18n, att.consent_none).to_string(),
    }
}

fn reason_text(i18n: leptos_i18n::I18nContext<Locale>, r: &GateReason) -> String {
    match r {
        GateReason::NotReviewed => t_string!(i18n, ph.r_not_reviewed).to_string(),
        GateReason::NoPeople => t_string!(i18n, ph.r_no_people).to_string(),
        GateReason::AllGreen { people } => {
            t_string!(i18n, ph.r_all_green, n = people.to_string()).to_string()
        }
        GateReason::Red { tag, name, .. } => {
            t_string!(i18n, ph.r_red, who = who(i18n, name, *tag)).to_string()
        }
        GateReason::RemovalPending { tag, name } => {
            t_string!(i18n, ph.r_removal, who = who(i18n, name, *tag)).to_string()
        }
        GateReason::NoChoiceYet { tag, name } => {
            t_string!(i18n, ph.r_no_choice, who = who(i18n, name, *tag)).to_string()
        }
        GateReason::Blurred { people } => {
            t_string!(i18n, ph.r_blurred, n = people.to_string()).to_string()
        }
    }
}

#[component]
fn PhotoView(initial: PhotoDetail) -> impl IntoView {
    let i18n = use_i18n();
    let detail = RwSignal::new(initial);
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    // The tag whose region is being drawn.
    let drawing: RwSignal<Option<i64>> = RwSignal::new(None);

    let tag = ServerAction::<TagPerson>::new();
    let untag = ServerAction::<UntagPerson>::new();
    let region = ServerAction::<SetRegion>::new();
    let no_people = ServerAction::<SetNoPeople>::new();
    let blur = ServerAction::<SetPublishBlurred>::new();
    let publication = ServerAction::<AddPublication>::new();
    // Every change answers with the photo page as it now is.
    let take = move |v: Option<Result<PhotoDetail, ApiError>>| match v {
        Some(Ok(d)) => {
            detail.set(d);
            error.set(None);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    };
    Effect::new(move |_| take(tag.value().get()));
    Effect::new(move |_| take(untag.value().get()));
    Effect::new(move |_| {
        let v = region.value().get();
        if matches!(v, Some(Ok(_))) {
            drawing.set(None);
        }
        take(v)
    });
    Effect::new(move |_| take(no_people.value().get()));
    Effect::new(move |_| take(blur.value().get()));
    Effect::new(move |_| take(publication.value().get()));
    let pending = move || {
        tag.pending().get()
            || untag.pending().get()
            || region.pending().get()
            || no_people.pending().get()
            || blur.pending().get()
            || publication.pending().get()
    };
    let photo_id = move || detail.with(|d| d.id.clone());

    view! {
        <h1>{t!(i18n, ph.p_title)}</h1>
        <div class="photo-layout">
            <Stage detail drawing region/>
            <div class="photo-side">
                <section class="card" aria-labelledby="state-title">
                    <h2 id="state-title">{t!(i18n, ph.p_state)}</h2>
                    {move || {
                        let d = detail.get();
                        view! {
                            <p class=format!("state-line {}", match d.state {
                                crate::types::PhotoState::Blocked => "state-blocked",
                                crate::types::PhotoState::NeedsReview => "state-review",
                                crate::types::PhotoState::PublishableBlurred => "state-blurred",
                                crate::types::PhotoState::Publishable => "state-ok",
                            })>
                                <StateIcon state=d.state/>
                                <strong>{state_words(i18n, d.state)}</strong>
                            </p>
                            <ul class="reasons">
                                {d.reasons.iter().map(|r| view! { <li>{reason_text(i18n, r)}</li> }).collect_view()}
                            </ul>
                        }
                    }}
                    {move || error.get().map(|e| view! { <ErrorText error=e/> })}
                    <Show when=move || pending()>
                        <p class="loading" role="status">{t!(i18n, ph.saving)}</p>
                    </Show>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || detail.with(|d| d.no_people)
                            on:change=move |e| {
                                no_people.dispatch(SetNoPeople { photo_id: photo_id(), value: event_target_checked(&e) });
                            }
                        />
                        {t!(i18n, ph.np_label)}
                    </label>
                    <Show when=move || detail.with(|d| d.can_manage && (d.can_blur || d.publish_blurred || d.reasons.iter().any(|r| matches!(r, GateReason::Red { .. }))))>
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || detail.with(|d| d.publish_blurred)
                                disabled=move || detail.with(|d| !d.can_blur && !d.publish_blurred)
                                on:change=move |e| {
                                    blur.dispatch(SetPublishBlurred { photo_id: photo_id(), value: event_target_checked(&e) });
                                }
                            />
                            {t!(i18n, ph.bl_label)}
                        </label>
                        <p class="help">
                            {move || if detail.with(|d| d.can_blur) {
                                t_string!(i18n, ph.bl_help).to_string()
                            } else {
                                t_string!(i18n, ph.bl_needs).to_string()
                            }}
                        </p>
                    </Show>
                </section>
                <Tags detail drawing untag region/>
                <Suggestions detail tag/>
                <AddByBadge detail tag/>
                <Show when=move || detail.with(|d| d.can_manage)>
                    <Search detail tag/>
                </Show>
                <Meta detail/>
                <Show when=move || detail.with(|d| d.can_manage)>
                    <Ledger detail publication/>
                </Show>
            </div>
        </div>
    }
}

/// The preview with the regions, and the drawing surface while a region is drawn.
#[component]
fn Stage(
    detail: RwSignal<PhotoDetail>,
    drawing: RwSignal<Option<i64>>,
    region: ServerAction<SetRegion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rect: RwSignal<Option<Region>> = RwSignal::new(None);
    let done = Callback::new(move |r: Region| {
        if let Some(tag_id) = drawing.get_untracked() {
            region.dispatch(SetRegion {
                photo_id: detail.with_untracked(|d| d.id.clone()),
                tag_id,
                region: Some(r),
            });
        }
    });
    let src = move || {
        detail.with(|d| {
            if d.publish_blurred {
                format!("/media/photos/{}/redacted.jpg", d.id)
            } else {
                format!("/media/photos/{}/preview.jpg", d.id)
            }
        })
    };
    let alt = move || {
        if detail.with(|d| d.publish_blurred) {
            t_string!(i18n, ph.p_alt_blurred).to_string()
        } else {
            t_string!(i18n, ph.p_alt).to_string()
        }
    };
    view! {
        <div class="photo-stage" class:drawing=move || drawing.get().is_some()>
            <img
                src=src
                alt=alt
                width=move || detail.with(|d| d.width)
                height=move || detail.with(|d| d.height)
            />
            {move || {
                detail
                    .get()
                    .tags
                    .into_iter()
                    .filter_map(|t| t.region.map(|r| (t, r)))
                    .map(|(t, r)| {
                        let red = t.consent == Some(Consent::Red);
                        view! {
                            <div class="region" class:region-red=red style=region_style(r) aria-hidden="true">
                                <span class="region-label">{t.number}</span>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <Show when=move || drawing.get().is_some()>
                <DrawSurface live=rect on_done=done/>
            </Show>
        </div>
    }
}

#[component]
fn Tags(
    detail: RwSignal<PhotoDetail>,
    drawing: RwSignal<Option<i64>>,
    untag: ServerAction<UntagPerson>,
    region: ServerAction<SetRegion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |t: PhotoTag| {
        let name = who(i18n, &t.name, t.number);
        let (id, tag_id) = (detail.with_untracked(|d| d.id.clone()), t.id);
        let id2 = id.clone();
        let has_region = t.region.is_some();
        view! {
            <li class="tag-row">
                <span class="tag-number" aria-hidden="true">{t.number}</span>
                <span class="tag-name">{name.clone()}</span>
                {t.consent.map(|c| view! { <span class=format!("consent-{}", c.as_str())><ConsentIcon consent=c/></span> })}
                <span class="tag-consent">{consent_words(i18n, t.consent)}</span>
                {has_region.then(|| view! { <span class="tag-region">{t!(i18n, ph.t_has_region)}</span> })}
                <div class="tag-actions">
                    <button type="button" class="secondary" on:click=move |_| drawing.set(Some(tag_id))>
                        {t!(i18n, ph.t_region, who = name.clone())}
                    </button>
                    {has_region.then(|| {
                        let id = id2.clone();
                        let name = name.clone();
                        view! {
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| {
                                    region.dispatch(SetRegion { photo_id: id.clone(), tag_id, region: None });
                                }
                            >
                                {t!(i18n, ph.t_region_clear, who = name.clone())}
                            </button>
                        }
                    })}
                    <button
                        type="button"
                        class="secondary danger"
                        on:click=move |_| {
                            untag.dispatch(UntagPerson { photo_id: id.clone(), tag_id });
                        }
                    >
                        {t!(i18n, ph.t_remove, who = name.clone())}
                    </button>
                </div>
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="tags-title">
            <h2 id="tags-title">{t!(i18n, ph.t_title)}</h2>
            {move || {
                let tags = detail.get().tags;
                if tags.is_empty() {
                    view! { <p class="empty">{t!(i18n, ph.t_none)}</p> }.into_any()
                } else {
                    view! { <ul class="tag-list">{tags.into_iter().map(row).collect_view()}</ul> }.into_any()
                }
            }}
            {move || drawing.get().map(|tag_id| view! { <RegionForm detail tag_id drawing region/> })}
        </section>
    }
}

/// The keyboard way to give a region: four numbers in percent.
#[component]
fn RegionForm(
    detail: RwSignal<PhotoDetail>,
    tag_id: i64,
    drawing: RwSignal<Option<i64>>,
    region: ServerAction<SetRegion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tag = detail.with_untracked(|d| d.tags.iter().find(|t| t.id == tag_id).cloned());
    let name = tag
        .as_ref()
        .map(|t| who(i18n, &t.name, t.number))
        .unwrap_or_default();
    let current = tag.and_then(|t| t.region).unwrap_or(Region {
        x: 0.25,
        y: 0.25,
        w: 0.5,
        h: 0.5,
    });
    let x = RwSignal::new(format!("{:.0}", current.x * 100.0));
    let y = RwSignal::new(format!("{:.0}", current.y * 100.0));
    let w = RwSignal::new(format!("{:.0}", current.w * 100.0));
    let h = RwSignal::new(format!("{:.0}", current.h * 100.0));
    let field = move |label: String, id: &'static str, v: RwSignal<String>| {
        view! {
            <label for=id>{label}</label>
            <input
                id=id
                type="number"
                min="0"
                max="100"
                inputmode="numeric"
                prop:value=move || v.get()
                on:input=move |e| v.set(event_target_value(&e))
            />
        }
    };
    view! {
        <form
            class="region-form"
            on:submit=move |ev| {
                ev.prevent_default();
                let n = |s: RwSignal<String>| s.get().trim().parse::<f32>().unwrap_or(-1.0) / 100.0;
                region.dispatch(SetRegion {
                    photo_id: detail.with_untracked(|d| d.id.clone()),
                    tag_id,
                    region: Some(Region { x: n(x), y: n(y), w: n(w), h: n(h) }),
                });
            }
        >
            <p role="status">{t!(i18n, ph.t_drawing, who = name)}</p>
            <div class="region-fields">
                {field(t_string!(i18n, ph.rx).to_string(), "region-x", x)}
                {field(t_string!(i18n, ph.ry).to_string(), "region-y", y)}
                {field(t_string!(i18n, ph.rw).to_string(), "region-w", w)}
                {field(t_string!(i18n, ph.rh).to_string(), "region-h", h)}
            </div>
            <button type="submit" class="primary">{t!(i18n, ph.region_save)}</button>
            <button type="button" class="secondary" on:click=move |_| drawing.set(None)>
                {t!(i18n, ph.t_cancel)}
            </button>
        </form>
    }
}

#[component]
fn Suggestions(detail: RwSignal<PhotoDetail>, tag: ServerAction<TagPerson>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="sugg-title">
            <h2 id="sugg-title">{t!(i18n, ph.sg_title)}</h2>
            <p class="help">{t!(i18n, ph.sg_help)}</p>
            {move || {
                let d = detail.get();
                if d.taken_at.is_none() {
                    return view! { <p class="empty">{t!(i18n, ph.sg_no_time)}</p> }.into_any();
                }
                if d.suggestions.is_empty() {
                    return view! { <p class="empty">{t!(i18n, ph.sg_none)}</p> }.into_any();
                }
                let id = d.id.clone();
                view! {
                    <ul class="suggestions">
                        {d
                            .suggestions
                            .into_iter()
                            .map(|s| {
                                let label = s.name.clone().unwrap_or_else(|| {
                                    t_string!(i18n, ph.sg_badge, at = short_time(&s.scanned_at)).to_string()
                                });
                                let secs = s.delta_seconds.abs().to_string();
                                let when = if s.delta_seconds < 0 {
                                    t_string!(i18n, ph.sg_before, s = secs).to_string()
                                } else {
                                    t_string!(i18n, ph.sg_after, s = secs).to_string()
                                };
                                let id = id.clone();
                                let scan_id = s.scan_id;
                                view! {
                                    <li>
                                        <span class="tag-name">{label.clone()}</span>
                                        <span class="tag-consent">{consent_words(i18n, s.consent)}</span>
                                        <span class="help">{when}</span>
                                        <button
                                            type="button"
                                            class="primary"
                                            on:click=move |_| {
                                                tag.dispatch(TagPerson {
                                                    photo_id: id.clone(),
                                                    by: TagBy::Scan { scan_id },
                                                    region: None,
                                                });
                                            }
                                        >
                                            {t!(i18n, ph.sg_add, who = label)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

/// A badge scanned with a USB/Bluetooth scanner (it types and presses Enter) or typed.
#[component]
fn AddByBadge(detail: RwSignal<PhotoDetail>, tag: ServerAction<TagPerson>) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let camera = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(_)) = tag.value().get() {
            code.set(String::new());
        }
    });
    let add = move |c: String| {
        tag.dispatch(TagPerson {
            photo_id: detail.with_untracked(|d| d.id.clone()),
            by: TagBy::Badge { code: c },
            region: None,
        });
    };
    view! {
        <section class="card">
            <button type="button" class="secondary" on:click=move |_| camera.update(|c| *c = !*c)>
                {move || if camera.get() {
                    t_string!(i18n, ph.cam_stop).to_string()
                } else {
                    t_string!(i18n, ph.cam_start).to_string()
                }}
            </button>
            <Show when=move || camera.get()>
                <QrCamera
                    on_decode=Callback::new(move |t: String| {
                        camera.set(false);
                        add(t);
                    })
                    active=Signal::derive(move || camera.get())
                />
            </Show>
        </section>
        <form
            class="card"
            on:submit=move |ev| {
                ev.prevent_default();
                let c = code.get();
                if c.trim().is_empty() {
                    return;
                }
                add(c);
            }
        >
            <label for="badge-code">{t!(i18n, ph.b_label)}</label>
            <input
                id="badge-code"
                type="text"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                prop:value=move || code.get()
                on:input=move |e| code.set(event_target_value(&e))
            />
            <button type="submit" class="secondary">{t!(i18n, ph.b_add)}</button>
        </form>
    }
}

/// Organisers: find an attendee by name (the search is audited as a list read).
#[component]
fn Search(detail: RwSignal<PhotoDetail>, tag: ServerAction<TagPerson>) -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let results: RwSignal<Option<Result<Vec<AttendeeRow>, ApiError>>> = RwSignal::new(None);
    let search = move || {
        let query = q.get_untracked();
        let event_id = detail.with_untracked(|d| d.event_id.clone());
        leptos::task::spawn_local(async move {
            let filter = AttendeeFilter {
                q: query,
                ..Default::default()
            };
            results.set(Some(list_attendees(event_id, filter).await.map(|l| l.rows)));
        });
    };
    view! {
        <section class="card" aria-labelledby="search-title">
            <form on:submit=move |ev| {
                ev.prevent_default();
                search();
            }>
                <label id="search-title" for="attendee-q">{t!(i18n, ph.q_label)}</label>
                <input
                    id="attendee-q"
                    type="search"
                    prop:value=move || q.get()
                    on:input=move |e| q.set(event_target_value(&e))
                />
                <button type="submit" class="secondary">{t!(i18n, ph.q_search)}</button>
            </form>
            {move || {
                results
                    .get()
                    .map(|r| match r {
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        Ok(rows) if rows.is_empty() => view! { <p class="empty">{t!(i18n, ph.q_none)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <ul class="suggestions">
                                {rows
                                    .into_iter()
                                    .map(|a| {
                                        let name = full_name(i18n, &a.fields);
                                        let attendee_id = a.id;
                                        view! {
                                            <li>
                                                <span class="tag-name">{name.clone()}</span>
                                                <span class="tag-consent">{consent_words(i18n, a.consent)}</span>
                                                <button
                                                    type="button"
                                                    class="secondary"
                                                    on:click=move |_| {
                                                        tag.dispatch(TagPerson {
                                                            photo_id: detail.with_untracked(|d| d.id.clone()),
                                                            by: TagBy::Attendee { attendee_id },
                                                            region: None,
                                                        });
                                                    }
                                                >
                                                    {t!(i18n, ph.q_add, who = name)}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any(),
                    })
            }}
        </section>
    }
}

#[component]
fn Meta(detail: RwSignal<PhotoDetail>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let d = detail.get();
        let camera = match (&d.camera_time, &d.camera_serial) {
            (None, None) => None,
            (t, s) => Some(
                [t.clone(), s.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
            ),
        };
        view! {
            <section class="card">
                <dl class="meta">
                    <dt>{t!(i18n, ph.m_taken)}</dt>
                    <dd>{d.taken_at.as_deref().map(short_time).unwrap_or_else(|| t_string!(i18n, ph.no_time).to_string())}</dd>
                    <dt>{t!(i18n, ph.m_uploaded)}</dt>
                    <dd>{short_time(&d.uploaded_at)}</dd>
                    <dt>{t!(i18n, ph.m_by)}</dt>
                    <dd>{d.photographer.clone()}</dd>
                    {d.original_name.clone().map(|n| view! { <dt>{t!(i18n, ph.m_file)}</dt><dd>{n}</dd> })}
                    {camera.map(|c| view! { <dt>{t!(i18n, ph.m_camera)}</dt><dd>{c}</dd> })}
                </dl>
                {d.can_manage.then(|| view! {
                    <a class="button secondary" href=format!("/media/photos/{}/original", d.id) download="original">
                        {t!(i18n, ph.m_original)}
                    </a>
                })}
            </section>
        }
    }
}

#[component]
fn Ledger(
    detail: RwSignal<PhotoDetail>,
    publication: ServerAction<AddPublication>,
) -> impl IntoView {
    let i18n = use_i18n();
    let channel = RwSignal::new("website".to_string());
    let url = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let channel_words = move |c: &str| match c {
        "website" => t_string!(i18n, ph.ch_website).to_string(),
        "social" => t_string!(i18n, ph.ch_social).to_string(),
        "press" => t_string!(i18n, ph.ch_press).to_string(),
        _ => t_string!(i18n, ph.ch_print).to_string(),
    };
    view! {
        <section class="card" aria-labelledby="ledger-title">
            <h2 id="ledger-title">{t!(i18n, ph.pub_title)}</h2>
            {move || {
                let list = detail.get().publications;
                if list.is_empty() {
                    view! { <p class="empty">{t!(i18n, ph.pub_none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="ledger">
                            {list
                                .into_iter()
                                .map(|p| view! {
                                    <li>
                                        <strong>{channel_words(&p.channel)}</strong>
                                        " · " {p.published_on.clone()}
                                        {(!p.url.is_empty()).then(|| view! { " · " <a href=p.url.clone() rel="noopener noreferrer">{p.url.clone()}</a> })}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <form on:submit=move |ev| {
                ev.prevent_default();
                publication.dispatch(AddPublication {
                    photo_id: detail.with_untracked(|d| d.id.clone()),
                    channel: channel.get(),
                    url: url.get(),
                    published_on: date.get(),
                });
            }>
                <label for="pub-channel">{t!(i18n, ph.pub_channel)}</label>
                <select id="pub-channel" prop:value=move || channel.get() on:change=move |e| channel.set(event_target_value(&e))>
                    <option value="website">{t!(i18n, ph.ch_website)}</option>
                    <option value="social">{t!(i18n, ph.ch_social)}</option>
                    <option value="press">{t!(i18n, ph.ch_press)}</option>
                    <option value="print">{t!(i18n, ph.ch_print)}</option>
                </select>
                <label for="pub-url">{t!(i18n, ph.pub_url)}</label>
                <input id="pub-url" type="url" prop:value=move || url.get() on:input=move |e| url.set(event_target_value(&e))/>
                <label for="pub-date">{t!(i18n, ph.pub_date)}</label>
                <input id="pub-date" type="date" prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e))/>
                <button type="submit" class="secondary">{t!(i18n, ph.pub_add)}</button>
            </form>
        </section>
    }
}
