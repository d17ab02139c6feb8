//! Organiser attendee pages (issue 3, item 7): the list with search and filters, one
//! attendee with the consent history and notice versions, consent changes on request,
//! badge reprints, a copy of one attendee's data (JSON or CSV) for an access request,
//! and registration on the attendee's behalf. The server audits every list, view, export
//! and change.
//!
//! One component per file under `attendees/`: the list (`list_page`, `list`,
//! `list_filters`, `attendee_table`), one attendee (`detail_page`, `detail_loader`,
//! `detail` and its sections `detail_data`, `detail_badge`, `detail_export`,
//! `detail_change`, `detail_history`), registration on their behalf (`register_page`,
//! `register_panel`, `register_form`), the consent decision form both use (`decision`),
//! and the helpers they share (`common`).

mod attendee_table;
mod common;
mod decision;
mod detail;
mod detail_badge;
mod detail_change;
mod detail_correct;
mod detail_corrections;
mod detail_data;
mod detail_export;
mod detail_history;
mod detail_loader;
mod detail_page;
mod list;
mod list_filters;
mod list_page;
mod register_form;
mod register_page;
mod register_panel;

pub use detail_page::AttendeePage;
pub use list_page::AttendeesPage;
pub use register_page::RegisterPage;
