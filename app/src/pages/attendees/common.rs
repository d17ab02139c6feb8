//! Helpers shared by the attendee pages: the event id from the address, yes/no.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub(super) fn event_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

pub(super) fn yes_no(i18n: leptos_i18n::I18nContext<Locale>, b: bool) -> String {
    if b {
        t_string!(i18n, att.yes).to_string()
    } else {
        t_string!(i18n, att.no).to_string()
    }
}
