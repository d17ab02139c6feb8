//! The record of processing activities (GDPR Art. 30; issue 15 point 7): printable, with
//! JSON and CSV downloads of the same record. `/dashboard/events/{id}/record` for one
//! event, `/dashboard/record` for every event the user manages. The server builds it
//! in the page's language and audits each view and download.
//!
//! One component per file under `record/`: the two pages, the record (`record_view`),
//! one event's activity, a table of categories (`items`), the periods (`retention`), the
//! measures, the policy table, and the downloads.

mod activity;
mod downloads;
mod event_page;
mod instance_page;
mod items;
mod measures;
mod policy;
mod record_view;
mod retention;

pub use event_page::EventRecordPage;
pub use instance_page::InstanceRecordPage;

use crate::types::Lang;

/// The record's language: the page's.
fn page_lang(l: crate::i18n::Locale) -> Lang {
    match l {
        crate::i18n::Locale::lv => Lang::Lv,
        crate::i18n::Locale::en => Lang::En,
    }
}

/// Which record a page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Which {
    Event(crate::types::PublicId),
    Instance,
}
