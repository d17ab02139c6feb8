//! One event on the dashboard: check-in counts and the consent share as numbers and a
//! small chart (requirement 13), and the way to its attendees, import, photos,
//! data-subject requests and settings, and its photographers (issue 16).

use crate::api::scans::GetEventScans;
use crate::components::auth::RequireManager;
use crate::components::badge::ConsentIcon;
use crate::components::data_table::DataTable;
use crate::components::errors::ErrorText;
use crate::components::event_loader::EventLoader;
use crate::i18n::*;
use crate::types::{Consent, EventOverview, EventStats};
use leptos::prelude::*;
use photographers_card::PhotographersCard;
use retention_banner::RetentionBanner;
use retention_card::RetentionCard;
use tablets_card::TabletsCard;

mod pairing_form;
mod photographers_card;
mod retention_banner;
mod retention_card;
mod tablet_row;
mod tablets_card;

#[component]
pub fn EventPage() -> impl IntoView {
    view! {
        <RequireManager>
            <EventPanel/>
        </RequireManager>
    }
}

#[component]
fn EventPanel() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page">
            <a href="/dashboard">{t!(i18n, settings.back)}</a>
            <EventLoader show=|o| view! { <Overview o/> }.into_any()/>
        </main>
    }
}

/// Percent of `part` in `whole`, rounded; 0 for an empty whole.
fn pct(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 100 + whole / 2) / whole
    }
}

#[component]
fn Overview(o: EventOverview) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/dashboard/events/{}", o.event.id);
    let s = o.stats;
    // One value for the banner and the card: "delete now" updates both.
    let retention = RwSignal::new(o.retention.clone());
    let number = move |label: String, n: i64| {
        view! {
            <div class="stat">
                <dt>{label}</dt>
                <dd>{n}</dd>
            </div>
        }
    };
    view! {
        <h1>{o.event.name.clone()}</h1>
        {o.event.archived_at.is_some().then(|| view! {
            <p class="tag archived" role="status">{t!(i18n, events.archived_tag)}</p>
        })}
        <RetentionBanner info=retention/>
        <nav class="event-nav" aria-label=move || t_string!(i18n, ev.nav_label)>
            <a class="button primary" href=format!("{base}/attendees")>{t!(i18n, ev.attendees)}</a>
            <a class="button secondary" href=format!("{base}/attendees/new")>{t!(i18n, ev.register)}</a>
            <a class="button secondary" href=format!("{base}/import")>{t!(i18n, ev.import)}</a>
            <a class="button secondary" href=format!("/photos/{}", o.event.id)>{t!(i18n, ev.photos)}</a>
            <a class="button secondary" href=format!("{base}/requests")>{t!(i18n, ev.requests)}</a>
            <a class="button secondary" href=format!("{base}/settings")>{t!(i18n, settings.link)}</a>
            <a class="button secondary" href=format!("{base}/edit")>{t!(i18n, events.edit_link)}</a>
            <a class="button secondary" href=format!("/dashboard/audit?event={}", o.event.id)>{t!(i18n, audit.for_event)}</a>
            <a class="button secondary" href=format!("{base}/record")>{t!(i18n, ropa.link)}</a>
            <a class="button secondary" href=format!("{base}/signs")>{t!(i18n, signs.link)}</a>
        </nav>
        <section class="card" aria-labelledby="counts-title">
            <h2 id="counts-title">{t!(i18n, ev.counts_title)}</h2>
            <dl class="stats">
                {number(t_string!(i18n, ev.registered).to_string(), s.registered)}
                {number(t_string!(i18n, ev.checked_in).to_string(), s.checked_in)}
                {number(t_string!(i18n, ev.green).to_string(), s.green)}
                {number(t_string!(i18n, ev.red).to_string(), s.red)}
                {number(t_string!(i18n, ev.minors).to_string(), s.minors)}
            </dl>
            {if s.registered == 0 {
                view! { <p class="empty">{t!(i18n, ev.no_one_yet)}</p> }.into_any()
            } else {
                view! { <ShareChart s/> }.into_any()
            }}
        </section>
        <PhotographersCard event_id=o.event.id.clone()/>
        <ScanLog event_id=o.event.id.clone()/>
        <TabletsCard event_id=o.event.id.clone() tablets=o.tablets.clone()/>
        <RetentionCard event_id=o.event.id.clone() info=retention/>
    }
}

/// The event's badge scans with names, loaded on request (reading it is audited).
#[component]
fn ScanLog(event_id: crate::types::PublicId) -> impl IntoView {
    let i18n = use_i18n();
    let load = ServerAction::<GetEventScans>::new();
    view! {
        <section class="card" aria-labelledby="scans-title">
            <h2 id="scans-title">{t!(i18n, ev.scans_title)}</h2>
            <button
                type="button"
                class="secondary"
                disabled=move || load.pending().get()
                on:click=move |_| {
                    load.dispatch(GetEventScans { event_id: event_id.clone() });
                }
            >
                {t!(i18n, ev.scans_show)}
            </button>
            {move || {
                load.value()
                    .get()
                    .map(|r| match r {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{t!(i18n, ev.scans_none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <DataTable heads=vec![
                                t!(i18n, ev.scans_time).into_any(),
                                t!(i18n, att.col_name).into_any(),
                                t!(i18n, ev.scans_shown).into_any(),
                                t!(i18n, ev.scans_by).into_any(),
                            ]>
                                        {list
                                            .into_iter()
                                            .map(|s| {
                                                let words = match s.shown {
                                                    Some(Consent::Green) => t_string!(i18n, kiosk.choice_green).to_string(),
                                                    Some(Consent::Red) => t_string!(i18n, kiosk.choice_red).to_string(),
                                                    None => t_string!(i18n, verdict.unknown).to_string(),
                                                };
                                                view! {
                                                    <tr>
                                                        <td>{s.device_time.clone().unwrap_or(s.received_at.clone())}</td>
                                                        <td>{s.name.clone().unwrap_or_default()}</td>
                                                        <td>{s.shown.map(|c| view! { <ConsentIcon consent=c/> })} " " {words}</td>
                                                        <td>{s.scanned_by.clone()}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                            </DataTable>
                        }
                            .into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </section>
    }
}

/// Two bars: consent share (green, red, not chosen yet) and checked in of registered.
/// Red is striped and green dotted, so the bars read in greyscale too; the numbers
/// above and the label say the same in words.
#[component]
fn ShareChart(s: EventStats) -> impl IntoView {
    let i18n = use_i18n();
    let total = s.registered.max(1) as f64;
    let undecided = (s.registered - s.green - s.red).max(0);
    let w = |n: i64| n as f64 / total * 300.0;
    let (gw, rw, uw) = (w(s.green), w(s.red), w(undecided));
    let cw = w(s.checked_in);
    let (green_pct, red_pct, undecided_pct, checked_pct) = (
        pct(s.green, s.registered),
        pct(s.red, s.registered),
        pct(undecided, s.registered),
        pct(s.checked_in, s.registered),
    );
    let label = move || {
        let green = green_pct.to_string();
        let red = red_pct.to_string();
        let checked = checked_pct.to_string();
        t_string!(i18n, ev.chart_label, green, red, checked).to_string()
    };
    view! {
        <figure class="share-chart">
            <svg viewBox="0 0 300 70" role="img" aria-label=label>
                <defs>
                    <pattern id="chart-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="8" height="8" fill="#a4161a"/>
                        <rect width="3" height="8" fill="#5c0c0e"/>
                    </pattern>
                    <pattern id="chart-dots" width="6" height="6" patternUnits="userSpaceOnUse">
                        <rect width="6" height="6" fill="#1c6b2f"/>
                        <circle cx="3" cy="3" r="1.2" fill="#8fd19e"/>
                    </pattern>
                </defs>
                <rect x="0" y="0" width=gw height="26" fill="url(#chart-dots)"/>
                <rect x=gw y="0" width=rw height="26" fill="url(#chart-stripes)"/>
                <rect x=gw + rw y="0" width=uw height="26" fill="#d9d9d9"/>
                <rect x="0" y="40" width="300" height="26" fill="#eeeeee"/>
                <rect x="0" y="40" width=cw height="26" fill="#3a3a3a"/>
            </svg>
            <figcaption>
                <span class="legend green">{t!(i18n, ev.green)} ": " {green_pct} " %"</span>
                <span class="legend red">{t!(i18n, ev.red)} ": " {red_pct} " %"</span>
                <span class="legend undecided">{t!(i18n, ev.undecided)} ": " {undecided_pct} " %"</span>
                <span class="legend checked">{t!(i18n, ev.checked_in)} ": " {checked_pct} " %"</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn percentages_round_and_survive_zero() {
        assert_eq!(super::pct(1, 3), 33);
        assert_eq!(super::pct(2, 3), 67);
        assert_eq!(super::pct(0, 0), 0);
    }
}
