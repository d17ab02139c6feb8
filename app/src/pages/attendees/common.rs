//! Helpers shared by the attendee pages: the event id from the address, yes/no.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub(super) fn event_param() -> Memo<crate::types::PublicId> {
    let params = use_params_map();
    Memo::new(move |_| crate::types::PublicId::from_route(params.read().get("id")))
}

pub(super) fn yes_no(i18n: leptos_i18n::I18nContext<Locale>, b: bool) -> String {
    if b {
        t_string!(i18n, att.yes).to_string()
    } else {
        t_string!(i18n, att.no).to_string()
    }
}
