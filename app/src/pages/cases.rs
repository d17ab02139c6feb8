//! Data-subject requests on the organiser's side (issue 6; requirements 15, 16, 17, 19):
//! the event's requests with their deadlines, opening one on someone's behalf, and one
//! request: the decision on each photo (delete, blur the person, keep with a reason),
//! suggested photos, the takedown checklist, what still blocks closing, erasure, the
//! closing message and the request's own audit trail. The server audits every view and
//! change.
//!
//! One component per file under `cases/`: the list page (`cases_page`, `cases_panel`,
//! `case_table`, `open_case_form` and its parts `case_who`, `badge_entry`,
//! `attendee_search`, `open_case_fields`), one request's page (`case_page`,
//! `case_panel`, `case_screen` and its parts) and what they share (`ctx`, `words`,
//! `region_text`, the icons and the countdown).

mod attendee_search;
mod badge_entry;
mod case_actions;
mod case_fact_list;
mod case_facts;
mod case_page;
mod case_panel;
mod case_photos;
mod case_screen;
mod case_table;
mod case_who;
mod cases_page;
mod cases_panel;
mod closing_message;
mod countdown;
mod ctx;
mod decision_option;
mod decision_save;
mod done_icon;
mod finish;
mod open_case_fields;
mod open_case_form;
mod photo_card;
mod photo_decide;
mod photo_draft;
mod photo_facts;
mod region_picker;
mod region_text;
mod suggestions;
mod takedown_item;
mod takedowns;
mod trail;
mod warn_icon;
mod words;

pub use case_page::CasePage;
pub use cases_page::CasesPage;

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

type I18n = leptos_i18n::I18nContext<Locale>;

/// The event's id from the route (`/dashboard/events/:id/...`).
fn event_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}
