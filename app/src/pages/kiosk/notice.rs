//! The privacy notice in the attendee's language, with the policy link.

use super::parts::{back, msg};
use super::state::{FlowState, Step};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn NoticeStep(flow: FlowState) -> impl IntoView {
    let FlowState {
        i18n, event, draft, ..
    } = flow;
    let go = move |s: Step| flow.go(s);
    let enabled = move || event.with_value(|e| e.fields.enabled());
    let after_notice = move || {
        if draft.with_untracked(|d| d.reread) {
            // Everything was entered before the notice changed: confirm it again.
            Step::Confirm
        } else if enabled().is_empty() || draft.with_untracked(|d| d.checkin.is_some()) {
            Step::Minor
        } else {
            Step::Fields
        }
    };
    // The version read is the one the registration records (issue 14 point 4).
    let read = move || {
        let shown = flow.shown_notice().map(|n| n.version);
        let next = after_notice();
        draft.update(|d| {
            d.notice = shown;
            d.reread = false;
        });
        go(next);
    };
    // Drawn again when the language changes: the notice follows it.
    move || {
        let text = flow.shown_notice().map(|n| n.text).unwrap_or_default();
        let (policy_url, policy_qr) =
            event.with_value(|e| (e.policy_url.clone(), e.policy_qr_svg.clone()));
        view! {
            <h1>{t!(i18n, kiosk.notice_title)}</h1>
            {msg(flow)}
            <div class="notice" tabindex="0">
                {text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
            </div>
            {(!policy_url.is_empty())
                .then(|| {
                    view! {
                        <div class="policy">
                            <div class="policy-qr" inner_html=policy_qr.unwrap_or_default()></div>
                            <a href=policy_url.clone() target="_blank" rel="noopener">{t!(i18n, kiosk.policy_link)}</a>
                        </div>
                    }
                })}
            <div class="actions">
                {back(flow, Step::Welcome)}
                <button type="button" class="primary" on:click=move |_| read()>
                    {t!(i18n, kiosk.notice_read)}
                </button>
            </div>
        }
        .into_any()
    }
}
