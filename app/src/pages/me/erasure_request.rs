//! The erasure form: a message, and a confirmation before it is sent.

use super::disclosure::Disclosure;
use super::message_field::MessageField;
use super::request_feedback::RequestFeedback;
use super::request_forms::RequestForms;
use crate::i18n::*;
use crate::types::RequestKind;
use leptos::prelude::*;

#[component]
pub(super) fn ErasureRequest(forms: RequestForms) -> impl IntoView {
    let i18n = use_i18n();
    let RequestForms {
        problem,
        confirm_erase,
        ..
    } = forms;
    view! {
        <li>
            <Disclosure id="me-erasure" title=Signal::derive(move || t_string!(i18n, me.open_erasure).to_string())>
                <p>{t!(i18n, me.erasure_help)}</p>
                <form method="post" on:submit=move |ev| {
                    ev.prevent_default();
                    if confirm_erase.get_untracked() {
                        forms.submit(i18n, RequestKind::Erasure);
                    } else {
                        confirm_erase.set(true);
                    }
                }>
                    <MessageField forms kind=RequestKind::Erasure id="me-erasure-message"/>
                    <button
                        type="button"
                        class="secondary danger"
                        aria-expanded=move || confirm_erase.get().to_string()
                        aria-controls="me-erasure-confirm"
                        on:click=move |_| { problem.set(None); confirm_erase.set(true); }
                    >
                        {t!(i18n, me.erasure_start)}
                    </button>
                    <div id="me-erasure-confirm">
                        <Show when=move || confirm_erase.get()>
                            <div class="me-confirm">
                                <p role="status"><strong>{t!(i18n, me.erasure_confirm_q)}</strong></p>
                                <div class="actions">
                                    <button type="submit" class="primary danger-solid" disabled=move || forms.busy()>
                                        {t!(i18n, me.erasure_confirm)}
                                    </button>
                                    <button type="button" class="secondary" on:click=move |_| confirm_erase.set(false)>
                                        {t!(i18n, me.erasure_keep)}
                                    </button>
                                </div>
                            </div>
                        </Show>
                    </div>
                    <RequestFeedback forms kind=RequestKind::Erasure/>
                </form>
            </Disclosure>
        </li>
    }
}
