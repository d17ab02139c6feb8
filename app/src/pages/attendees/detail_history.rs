//! One attendee's consent history, with the notice version shown each time and its
//! hash.

use crate::components::consent_tag::ConsentTag;
use crate::components::data_table::DataTable;
use crate::i18n::*;
use crate::types::{AskedBy, AttendeeDetail, Channel};
use leptos::prelude::*;

/// How a person asked an organiser to act for them, in words.
pub(super) fn asked_words(i18n: leptos_i18n::I18nContext<Locale>, a: AskedBy) -> String {
    match a {
        AskedBy::Email => t_string!(i18n, att.asked_email).to_string(),
        AskedBy::Phone => t_string!(i18n, att.asked_phone).to_string(),
        AskedBy::InPerson => t_string!(i18n, att.asked_in_person).to_string(),
    }
}

fn channel_words(i18n: leptos_i18n::I18nContext<Locale>, c: Channel) -> String {
    match c {
        Channel::Kiosk => t_string!(i18n, att.channel_kiosk).to_string(),
        Channel::Organiser => t_string!(i18n, att.channel_organiser).to_string(),
        Channel::SelfService => t_string!(i18n, att.channel_self).to_string(),
        Channel::BadgeScan => t_string!(i18n, att.channel_scan).to_string(),
    }
}

#[component]
pub(super) fn DetailHistory(detail: RwSignal<AttendeeDetail>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t!(i18n, att.history_title)}</h2>
            <DataTable
                class="history"
                heads=vec![
                    t!(i18n, att.col_time).into_any(),
                    t!(i18n, att.col_consent).into_any(),
                    t!(i18n, att.col_channel).into_any(),
                    t!(i18n, att.col_guardian).into_any(),
                    t!(i18n, att.col_notice).into_any(),
                ]
            >
                        {move || {
                            detail.with(|d| d.history.clone())
                                .into_iter()
                                .map(|h| {
                                    let version = h.notice_version_id.to_string();
                                    let sha = h.notice_sha256.clone();
                                    let guardian = h.guardian_name.clone().map(|g| {
                                        let sig = h.signature_ref.clone().unwrap_or_default();
                                        format!("{g} ({sig})")
                                    });
                                    view! {
                                        <tr>
                                            <td>{h.at.clone()}</td>
                                            <td><ConsentTag consent=Some(h.choice)/></td>
                                            <td>{channel_words(i18n, h.channel)} " (" {h.channel_ref.clone()} ")"</td>
                                            <td>{guardian.unwrap_or_default()}</td>
                                            <td>
                                                <details>
                                                    <summary>{t!(i18n, att.notice_version, version)}</summary>
                                                    <div class="notice">
                                                        {h.notice_text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                                                    </div>
                                                </details>
                                                // The whole hash: the proof of which text was shown.
                                                <p class="sha">{t!(i18n, att.notice_sha)} " " <code>{sha}</code></p>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
            </DataTable>
            {move || detail.with(|d| d.history.is_empty()).then(|| view! { <p class="empty">{t!(i18n, att.history_empty)}</p> })}
        </section>
    }
}
