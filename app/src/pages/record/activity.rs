//! One event's processing: controller and contact, purposes and legal bases, the
//! categories of people and data, recipients, transfers and periods.

use super::items::Items;
use super::retention::Retention;
use crate::i18n::*;
use crate::types::RecordActivity;
use leptos::prelude::*;

#[component]
pub(super) fn Activity(a: RecordActivity) -> impl IntoView {
    let i18n = use_i18n();
    let id = a.event.id.as_str().to_string();
    let heading = format!("record-{id}");
    let or_not_set = move |s: String| {
        if s.trim().is_empty() {
            t_string!(i18n, notice.not_set).to_string()
        } else {
            s
        }
    };
    let dates = match (&a.event.starts_on, &a.event.ends_on) {
        (Some(s), Some(e)) if s != e => format!("{s} – {e}"),
        (_, Some(e)) => e.clone(),
        (Some(s), None) => s.clone(),
        (None, None) => String::new(),
    };
    let meta = [dates, a.event.venue.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let c = a.controller;
    let fact = move |label: String, value: String| {
        view! {
            <dt>{label}</dt>
            <dd>{or_not_set(value)}</dd>
        }
    };
    let purposes = if a.purposes.is_empty() {
        view! { <p>{t!(i18n, ropa.no_purposes)}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table aria-labelledby=format!("{heading}-purposes")>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, settings.purpose)}</th>
                            <th scope="col">{t!(i18n, settings.legal_basis)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {a.purposes
                            .into_iter()
                            .map(|p| view! {
                                <tr>
                                    <td>{p.purpose}</td>
                                    <td>{or_not_set(p.legal_basis)}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card record-activity" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{a.event.name.clone()}</h2>
            {(!meta.is_empty()).then(|| view! { <p class="meta">{meta}</p> })}
            <h3>{t!(i18n, ropa.h_controller)}</h3>
            <dl class="record-facts">
                {fact(t_string!(i18n, settings.controller_name).to_string(), c.name)}
                {fact(t_string!(i18n, settings.controller_address).to_string(), c.address)}
                {fact(t_string!(i18n, settings.controller_email).to_string(), c.email)}
                {fact(t_string!(i18n, settings.dpo_contact).to_string(), c.dpo)}
            </dl>
            <h3 id=format!("{heading}-purposes")>{t!(i18n, ropa.h_purposes)}</h3>
            {purposes}
            <h3 id=format!("{heading}-subjects")>{t!(i18n, ropa.h_subjects)}</h3>
            <Items items=a.subjects labelled_by=format!("{heading}-subjects")/>
            <h3 id=format!("{heading}-data")>{t!(i18n, ropa.h_data)}</h3>
            <Items items=a.data labelled_by=format!("{heading}-data")/>
            <h3>{t!(i18n, ropa.h_recipients)}</h3>
            <p>{or_not_set(a.recipients)}</p>
            <h3>{t!(i18n, ropa.h_transfers)}</h3>
            <p>
                {if a.third_country_transfer {
                    t!(i18n, ropa.transfer_yes).into_any()
                } else {
                    t!(i18n, ropa.transfer_no).into_any()
                }}
            </p>
            <h3>{t!(i18n, ropa.h_retention)}</h3>
            <Retention r=a.retention/>
        </section>
    }
}
