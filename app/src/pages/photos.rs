//! The photo library of an event (issue 5, items 1, 3, 7): upload, a grid of thumbnails
//! with filters and the state of each photo in words and an icon (never colour alone),
//! and for organisers the export ZIP and the photographers' camera clock offsets.

use crate::api::photos::{get_export_status, get_photo_library, SetClockOffset, StartExport};
use crate::components::auth::RequireScanner;
use crate::components::errors::ErrorText;
use crate::components::loaded::loaded;
use crate::components::state_icon::StateIcon;
use crate::components::time::short_time;
use crate::components::uploader::PhotoUploader;
use crate::components::words::state_words;
use crate::i18n::*;
use crate::types::{ApiError, ExportStatus, PhotoFilter, PhotoLibrary, PhotoState, Photographer};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PhotosPage() -> impl IntoView {
    view! {
        <RequireScanner>
            <Library/>
        </RequireScanner>
    }
}

fn state_class(s: PhotoState) -> &'static str {
    match s {
        PhotoState::NeedsReview => "state state-review",
        PhotoState::Publishable => "state state-ok",
        PhotoState::PublishableBlurred => "state state-blurred",
        PhotoState::Blocked => "state state-blocked",
    }
}

#[component]
fn Library() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = move || crate::types::PublicId::from_route(params.read().get("event"));
    let filter = RwSignal::new(PhotoFilter::default());
    let reload = RwSignal::new(0u32);
    let data = Resource::new(
        move || (event_id(), filter.get(), reload.get()),
        |(e, f, _)| get_photo_library(e, f),
    );
    // The uploader lives outside the reloading part, so its progress stays in view
    // while the grid refreshes after a batch.
    // (Reading the resource out here would stall server rendering: the library view
    // passes the server's limit up once it has it.)
    let max_bytes = RwSignal::new(50 * 1024 * 1024u64);
    view! {
        <main id="main" class="page">
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, ph.loading)}</p> }>
                {move || data.get().map(|r| loaded(r, |lib| view! { <Heading lib/> }))}
            </Transition>
            {move || {
                let ev = event_id();
                Some(view! {
                    <PhotoUploader
                        event_id=ev
                        max_bytes
                        on_finished=Callback::new(move |_| reload.update(|n| *n += 1))
                    />
                })
            }}
            <Transition>
                {move || {
                    data.get()
                        .and_then(|r| r.ok())
                        .map(|lib| view! { <LibraryView lib filter reload max_bytes/> })
                }}
            </Transition>
        </main>
    }
}

#[component]
fn Heading(lib: PhotoLibrary) -> impl IntoView {
    let i18n = use_i18n();
    let ev = lib.event.id.clone();
    let back = if lib.can_manage {
        view! { <a href=format!("/dashboard/events/{ev}")>{t!(i18n, ph.back_event)}</a> }.into_any()
    } else {
        view! { <a href="/scan">{t!(i18n, ph.back_scan)}</a> }.into_any()
    };
    view! {
        {back}
        <h1>{lib.event.name.clone()} " – " {t!(i18n, ph.title)}</h1>
    }
}

#[component]
fn LibraryView(
    lib: PhotoLibrary,
    filter: RwSignal<PhotoFilter>,
    reload: RwSignal<u32>,
    max_bytes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let limit = lib.max_upload_bytes;
    Effect::new(move |_| max_bytes.set(limit));
    let ev = lib.event.id.clone();
    let c = lib.counts;
    let filtered = filter.with_untracked(|f| *f != PhotoFilter::default());
    let shown = lib.photos.len();
    let photographers = lib.photographers.clone();
    let set = move |f: fn(&mut PhotoFilter, String), v: String| filter.update(|x| f(x, v));
    view! {
        <section class="card" aria-labelledby="filter-title">
            <h2 id="filter-title">{t!(i18n, ph.f_title)}</h2>
            <p role="status">
                {t!(
                    i18n, ph.counts,
                    total = c.total.to_string(),
                    publishable = c.publishable.to_string(),
                    blocked = c.blocked.to_string(),
                    review = c.needs_review.to_string(),
                    untagged = c.untagged.to_string()
                )}
            </p>
            <div class="filters">
                <label>
                    {t!(i18n, ph.f_state)}
                    <select
                        prop:value=move || filter.with(|f| f.state.clone())
                        on:change=move |e| set(|f, v| f.state = v, event_target_value(&e))
                    >
                        <option value="">{t!(i18n, ph.f_all)}</option>
                        <option value="untagged">{t!(i18n, ph.f_untagged)}</option>
                        <option value="needs_review">{t!(i18n, ph.f_needs_review)}</option>
                        <option value="publishable">{t!(i18n, ph.f_publishable)}</option>
                        <option value="blocked">{t!(i18n, ph.f_blocked)}</option>
                    </select>
                </label>
                <Show when=move || lib.can_manage>
                    <label>
                        {t!(i18n, ph.f_photographer)}
                        <select
                            prop:value=move || filter.with(|f| f.photographer.map(|p| p.to_string()).unwrap_or_default())
                            on:change=move |e| {
                                let v = event_target_value(&e);
                                filter.update(|f| f.photographer = v.parse().ok());
                            }
                        >
                            <option value="">{t!(i18n, ph.f_anyone)}</option>
                            {photographers
                                .iter()
                                .map(|p| view! { <option value=p.id.to_string()>{p.email.clone()}</option> })
                                .collect_view()}
                        </select>
                    </label>
                </Show>
                <label>
                    {t!(i18n, ph.f_from)}
                    <input
                        type="datetime-local"
                        prop:value=move || filter.with(|f| f.from.clone())
                        on:change=move |e| set(|f, v| f.from = v, event_target_value(&e))
                    />
                </label>
                <label>
                    {t!(i18n, ph.f_to)}
                    <input
                        type="datetime-local"
                        prop:value=move || filter.with(|f| f.to.clone())
                        on:change=move |e| set(|f, v| f.to = v, event_target_value(&e))
                    />
                </label>
            </div>
        </section>
        <section aria-labelledby="grid-title">
            <h2 id="grid-title" class="visually-hidden">{t!(i18n, ph.title)}</h2>
            {if shown == 0 {
                let text = if filtered || c.total > 0 {
                    t_string!(i18n, ph.empty_filtered).to_string()
                } else {
                    t_string!(i18n, ph.empty).to_string()
                };
                view! { <p class="empty">{text}</p> }.into_any()
            } else {
                view! {
                    <p>{t!(i18n, ph.showing, n = shown.to_string())}</p>
                    <ul class="photo-grid">
                        {lib
                            .photos
                            .into_iter()
                            .map(|p| {
                                let at = p
                                    .taken_at
                                    .as_deref()
                                    .map(short_time)
                                    .unwrap_or_else(|| t_string!(i18n, ph.no_time).to_string());
                                let words = state_words(i18n, p.state);
                                let label = t_string!(
                                    i18n, ph.card_label,
                                    at = at.clone(),
                                    state = words.clone(),
                                    n = p.tags.to_string()
                                )
                                .to_string();
                                let href = format!("/photos/{}/p/{}", ev, p.id);
                                let (tw, th) = if p.width >= p.height {
                                    (320, 320 * p.height / p.width.max(1))
                                } else {
                                    (320 * p.width / p.height.max(1), 320)
                                };
                                view! {
                                    <li class="photo-card">
                                        <a href=href aria-label=label>
                                            <img
                                                src=format!("/media/photos/{}/thumb.jpg", p.id)
                                                alt=""
                                                loading="lazy"
                                                width=tw
                                                height=th
                                            />
                                            <span class=state_class(p.state)>
                                                <StateIcon state=p.state/>
                                                {words}
                                            </span>
                                            <span class="photo-time">{at}</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <Show when=move || lib.can_manage>
            <ExportPanel event_id=ev.clone()/>
            <ClockPanel event_id=ev.clone() photographers=lib.photographers.clone() reload/>
        </Show>
    }
}

/// Builds the export ZIP with a progress bar, then offers the download.
#[component]
fn ExportPanel(event_id: crate::types::PublicId) -> impl IntoView {
    let i18n = use_i18n();
    let start = ServerAction::<StartExport>::new();
    let size = RwSignal::new(2048u32);
    let status: RwSignal<Option<ExportStatus>> = RwSignal::new(None);
    // Poll while a job runs.
    Effect::new(move |_| {
        if let Some(Ok(s)) = start.value().get() {
            status.set(Some(s.clone()));
            poll(s.job, status);
        }
    });
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{t!(i18n, ph.ex_title)}</h2>
            <p class="help">{t!(i18n, ph.ex_help)}</p>
            <label>
                {t!(i18n, ph.ex_size)}
                <select
                    prop:value=move || size.get().to_string()
                    on:change=move |e| size.set(event_target_value(&e).parse().unwrap_or(2048))
                >
                    <option value="1024">"1024 px"</option>
                    <option value="1600">"1600 px"</option>
                    <option value="2048">"2048 px"</option>
                    <option value="3000">"3000 px"</option>
                    <option value="4096">"4096 px"</option>
                </select>
            </label>
            <button
                type="button"
                class="primary"
                disabled=move || start.pending().get() || status.with(|s| s.as_ref().is_some_and(|s| !s.ready && !s.failed))
                on:click=move |_| {
                    status.set(None);
                    start.dispatch(StartExport { event_id: event_id.clone(), max_side: size.get() });
                }
            >
                {t!(i18n, ph.ex_start)}
            </button>
            {move || match start.value().get() {
                Some(Err(e)) => Some(view! { <ErrorText error=e/> }.into_any()),
                _ => None,
            }}
            {move || {
                status
                    .get()
                    .map(|s| {
                        let (done, total) = (s.done.to_string(), s.total.to_string());
                        if s.failed {
                            view! { <p class="error" role="alert">{t!(i18n, ph.ex_failed)}</p> }.into_any()
                        } else if s.stale {
                            let stale = ApiError::BadInput(crate::types::BadInput::ExportStale);
                            view! { <ErrorText error=stale/> }.into_any()
                        } else if s.ready {
                            let url = format!("/media/exports/{}.zip", s.job);
                            let job = s.job.clone();
                            view! {
                                <p role="status">{t!(i18n, ph.ex_ready, total)}</p>
                                {(s.total == 0).then(|| view! { <p class="help">{t!(i18n, ph.ex_empty)}</p> })}
                                <a
                                    class="button primary"
                                    href=url.clone()
                                    download="lanyard-photos.zip"
                                    on:click=move |ev| download(ev, job.clone(), url.clone(), status)
                                >
                                    {t!(i18n, ph.ex_download)}
                                </a>
                            }
                                .into_any()
                        } else {
                            view! {
                                <p role="status">{t!(i18n, ph.ex_progress, done, total)}</p>
                                <progress
                                    aria-label=move || t_string!(i18n, ph.ex_progress_label)
                                    max=s.total.max(1)
                                    value=s.done
                                ></progress>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}

/// Downloads the finished export after asking once more whether it is still up to date
/// (issue 14, point 2): when the event changed since it was built, the page says so
/// instead of fetching a file the server would refuse.
fn download(
    ev: leptos::ev::MouseEvent,
    job: String,
    url: String,
    status: RwSignal<Option<ExportStatus>>,
) {
    #[cfg(feature = "hydrate")]
    {
        ev.prevent_default();
        leptos::task::spawn_local(async move {
            match get_export_status(job).await {
                Ok(s) if s.stale || !s.ready => status.set(Some(s)),
                Ok(_) => {
                    let _ = window().location().set_href(&url);
                }
                Err(_) => status.update(|s| {
                    if let Some(s) = s {
                        s.failed = true;
                    }
                }),
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, job, url, status);
}

/// Asks for the job's progress every half second until it is ready or failed.
fn poll(job: String, status: RwSignal<Option<ExportStatus>>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        loop {
            gloo_sleep(500).await;
            match get_export_status(job.clone()).await {
                Ok(s) => {
                    let finished = s.ready || s.failed;
                    status.set(Some(s));
                    if finished {
                        break;
                    }
                }
                Err(_) => {
                    status.update(|s| {
                        if let Some(s) = s {
                            s.failed = true;
                        }
                    });
                    break;
                }
            }
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (job, status, get_export_status);
}

#[cfg(feature = "hydrate")]
async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Per-photographer camera clock offsets (organisers).
#[component]
fn ClockPanel(
    event_id: crate::types::PublicId,
    photographers: Vec<Photographer>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetClockOffset>::new();
    let event_id = StoredValue::new(event_id);
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    view! {
        <section class="card" aria-labelledby="clock-title">
            <h2 id="clock-title">{t!(i18n, ph.cl_title)}</h2>
            <p class="help">{t!(i18n, ph.cl_help)}</p>
            {if photographers.is_empty() {
                view! { <p class="empty">{t!(i18n, ph.cl_none)}</p> }.into_any()
            } else {
                photographers
                    .into_iter()
                    .map(|p| {
                        let value = RwSignal::new(p.offset_seconds.to_string());
                        let id = format!("clock-{}", p.id);
                        view! {
                            <div class="clock-row">
                                <label for=id.clone()>{t!(i18n, ph.cl_seconds, who = p.email.clone())}</label>
                                <input
                                    id=id
                                    type="number"
                                    inputmode="numeric"
                                    step="1"
                                    prop:value=move || value.get()
                                    on:input=move |e| value.set(event_target_value(&e))
                                />
                                <button
                                    type="button"
                                    class="secondary"
                                    disabled=move || save.pending().get()
                                    on:click=move |_| {
                                        save.dispatch(SetClockOffset {
                                            event_id: event_id.get_value(),
                                            user_id: p.id,
                                            offset_seconds: value.get().trim().parse().unwrap_or(0),
                                        });
                                    }
                                >
                                    {t!(i18n, ph.cl_save)}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            {move || match save.value().get() {
                Some(Err(e)) => Some(view! { <ErrorText error=e/> }.into_any()),
                Some(Ok(())) => Some(view! { <p role="status">{t!(i18n, ph.cl_saved)}</p> }.into_any()),
                None => None,
            }}
        </section>
    }
}
