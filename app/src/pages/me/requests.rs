//! `/me`: the request forms (photo removal, erasure, objection, restriction) in the
//! "What you can do" list.

use super::erasure_request::ErasureRequest;
use super::plain_request::PlainRequest;
use super::removal_request::RemovalRequest;
use super::request_forms::RequestForms;
use super::state::Me;
use crate::i18n::*;
use crate::types::RequestKind;
use leptos::prelude::*;

#[component]
pub(super) fn Requests(me: Me) -> AnyView {
    let i18n = use_i18n();
    let forms = RequestForms::new(me);

    // Items of the "What you can do" list.
    view! {
        <RemovalRequest forms/>

        <ErasureRequest forms/>

        <PlainRequest
            forms
            kind=RequestKind::Objection
            id="me-objection"
            message_id="me-objection-message"
            title=Signal::derive(move || t_string!(i18n, me.open_objection).to_string())
            help=t!(i18n, me.objection_help).into_any()
            submit_label=t!(i18n, me.objection_submit).into_any()
        />

        <PlainRequest
            forms
            kind=RequestKind::Restriction
            id="me-restriction"
            message_id="me-restriction-message"
            title=Signal::derive(move || t_string!(i18n, me.open_restriction).to_string())
            help=t!(i18n, me.restriction_help).into_any()
            submit_label=t!(i18n, me.restriction_submit).into_any()
        />
    }
    .into_any()
}
