//! The notifications Lanyard drafts from a breach's record (issue 17 point 3), in
//! Latvian or English, for the organiser to check and send:
//! - to the Data State Inspectorate, with every item of GDPR Art. 33(3): (a) the nature
//!   of the breach with the categories and approximate numbers of people and records,
//!   (b) the name and contact details of the data protection officer or other contact
//!   point, (c) the likely consequences, (d) the measures taken or proposed; and the
//!   reasons for a delay (Art. 33(1));
//! - to the people affected (high risk), in plain language with Art. 34(2)'s items:
//!   the nature of the breach and (b), (c), (d) above.

use super::clock::show_local;
use crate::components::breach_words::{category_in, kind_in, risk_in};
use crate::i18n::*;
use crate::types::{
    BreachDrafts, BreachRecord, BreachRisk, ClockStatus, ClockView, EventSettings, Lang, NotifiedTo,
};

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Lv => Locale::lv,
        Lang::En => Locale::en,
    }
}

/// The distinct non-empty values of `f` over the events' settings, joined.
fn joined(settings: &[EventSettings], f: impl Fn(&EventSettings) -> String) -> String {
    let mut seen: Vec<String> = Vec::new();
    for s in settings {
        let v = f(s).trim().to_string();
        if !v.is_empty() && !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.join("; ")
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "–"
    } else {
        s
    }
}

/// Both drafts for a record concerning `events` (names) with their `settings`.
pub fn drafts(
    lang: Lang,
    id: &str,
    r: &BreachRecord,
    events: &[String],
    settings: &[EventSettings],
    clocks: &[ClockView],
) -> BreachDrafts {
    let l = locale(lang);
    let kinds = r
        .kinds
        .iter()
        .map(|k| kind_in(l, *k))
        .collect::<Vec<_>>()
        .join(", ");
    let categories = r
        .categories
        .iter()
        .map(|c| category_in(l, *c))
        .collect::<Vec<_>>()
        .join(", ");
    let discovered = r
        .discovered_at
        .parse()
        .map(show_local)
        .unwrap_or_else(|_| r.discovered_at.clone());
    let controller = joined(settings, |s| {
        [
            &s.controller_name,
            &s.controller_address,
            &s.controller_email,
        ]
        .into_iter()
        .filter(|v| !v.trim().is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")
    });
    let dpo = joined(settings, |s| s.dpo_contact.clone());
    let contact = if dpo.is_empty() {
        controller.clone()
    } else {
        dpo.clone()
    };
    let events = events.join(", ");
    let n_people = r.approx_people;
    let n_records = r.approx_records;
    let late = |to: NotifiedTo| {
        clocks
            .iter()
            .any(|c| c.to == to && matches!(c.status, ClockStatus::Overdue | ClockStatus::DoneLate))
    };
    let delay = r
        .notifications
        .iter()
        .find(|n| n.to == NotifiedTo::Inspectorate && !n.delay_reason.is_empty())
        .map(|n| n.delay_reason.clone());

    let mut a = vec![
        td_string!(l, breach_draft.dvi_title).to_string(),
        td_string!(l, breach_draft.dvi_to).to_string(),
        td_string!(l, breach_draft.dvi_controller, who = or_dash(&controller)).to_string(),
        td_string!(l, breach_draft.dvi_dpo, who = or_dash(&dpo)).to_string(),
        td_string!(l, breach_draft.dvi_ref, id = id, events = events.as_str()).to_string(),
        String::new(),
        td_string!(
            l,
            breach_draft.dvi_nature,
            kinds = kinds.as_str(),
            at = discovered.as_str(),
            by = r.discovered_by.as_str()
        )
        .to_string(),
        td_string!(l, breach_draft.dvi_what, text = r.what_happened.as_str()).to_string(),
        td_string!(l, breach_draft.dvi_categories, list = categories.as_str()).to_string(),
        td_string!(
            l,
            breach_draft.dvi_numbers,
            people = n_people,
            records = n_records
        )
        .to_string(),
        td_string!(
            l,
            breach_draft.dvi_consequences,
            text = or_dash(&r.consequences)
        )
        .to_string(),
        td_string!(
            l,
            breach_draft.dvi_measures_taken,
            text = or_dash(&r.measures_taken)
        )
        .to_string(),
        td_string!(
            l,
            breach_draft.dvi_measures_planned,
            text = or_dash(&r.measures_planned)
        )
        .to_string(),
        td_string!(
            l,
            breach_draft.dvi_risk,
            risk = risk_in(l, r.risk),
            text = r.risk_reason.as_str()
        )
        .to_string(),
    ];
    if late(NotifiedTo::Inspectorate) {
        let reason =
            delay.unwrap_or_else(|| td_string!(l, breach_draft.dvi_delay_fill).to_string());
        a.push(td_string!(l, breach_draft.dvi_delay, text = reason.as_str()).to_string());
    }
    let people = (r.risk == BreachRisk::High).then(|| {
        [
            td_string!(l, breach_draft.ppl_greeting, events = events.as_str()).to_string(),
            String::new(),
            td_string!(
                l,
                breach_draft.ppl_what,
                at = discovered.as_str(),
                text = r.what_happened.as_str()
            )
            .to_string(),
            td_string!(l, breach_draft.ppl_categories, list = categories.as_str()).to_string(),
            td_string!(
                l,
                breach_draft.ppl_consequences,
                text = or_dash(&r.consequences)
            )
            .to_string(),
            td_string!(
                l,
                breach_draft.ppl_measures,
                taken = or_dash(&r.measures_taken),
                planned = or_dash(&r.measures_planned)
            )
            .to_string(),
            td_string!(l, breach_draft.ppl_contact, who = or_dash(&contact)).to_string(),
            String::new(),
            td_string!(l, breach_draft.ppl_signature, who = or_dash(&controller)).to_string(),
        ]
        .join("\n")
    });
    BreachDrafts {
        inspectorate: a.join("\n"),
        people,
    }
}
