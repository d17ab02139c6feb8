//! Data-subject requests on the organiser's side (issue 6; requirements 15, 16, 17, 19):
//! the event's requests with their deadlines, opening one on someone's behalf, and one
//! request: the decision on each photo (delete, blur the person, keep with a reason),
//! suggested photos, the takedown checklist, what still blocks closing, erasure, the
//! closing message and the request's own audit trail. The server audits every view and
//! change.
//!
//! One component per file under `requests/`: the list page (`requests_page`, `requests_panel`,
//! `request_table`, `open_request_form` and its parts `request_who`, `badge_entry`,
//! `attendee_search`, `open_request_fields`), one request's page (`request_page`,
//! `request_panel`, `request_screen` and its parts) and what they share (`ctx`, `words`,
//! `region_text`, the icons and the countdown).

mod attendee_search;
mod badge_entry;
mod closing_message;
mod countdown;
mod ctx;
mod decision_option;
mod decision_save;
mod done_icon;
mod finish;
mod open_request_fields;
mod open_request_form;
mod photo_card;
mod photo_decide;
mod photo_draft;
mod photo_facts;
mod region_picker;
mod region_text;
mod request_actions;
mod request_fact_list;
mod request_facts;
mod request_page;
mod request_panel;
mod request_photos;
mod request_screen;
mod request_table;
mod request_who;
mod requests_page;
mod requests_panel;
mod suggestions;
mod takedown_item;
mod takedowns;
mod trail;
mod warn_icon;
mod words;

pub use request_page::RequestPage;
pub use requests_page::RequestsPage;

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

type I18n = leptos_i18n::I18nContext<Locale>;

/// The event's id from the route (`/dashboard/events/:id/...`).
fn event_param() -> Memo<crate::types::PublicId> {
    let params = use_params_map();
    Memo::new(move |_| crate::types::PublicId::from_route(params.read().get("id")))
}
