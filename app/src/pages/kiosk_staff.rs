//! `/kiosk/staff`: staff unpair a kiosk tablet (issue 12 point 3; requirement 22). An
//! organiser of the tablet's event, or an admin, confirms with their own email and
//! password; the tablet is not signed in as them. Nothing on the attendee's screens
//! leads here: staff open the address, as the pairing screen tells them.

use crate::api::auth::whoami;
use crate::api::kiosk::UnpairKiosk;
use crate::components::auth::use_auth;
use crate::components::credential_fields::CredentialFields;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::Me;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn KioskStaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let unpair = ServerAction::<UnpairKiosk>::new();
    let status = Resource::new(move || unpair.version().get(), |_| whoami());
    Effect::new(move |_| {
        if let Some(Ok(())) = unpair.value().get() {
            auth.me.set(Some(Ok(None)));
        }
    });
    let pending = unpair.pending();
    view! {
        <main id="main" class="page narrow kiosk-staff">
            <h1>{t!(i18n, kiosk.staff_title)}</h1>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, kiosk.loading)}</p> }>
                {move || {
                    status
                        .get()
                        .map(|r| match r {
                            Ok(Some(Me::Kiosk { event_name, .. })) => {
                                view! {
                                    <p class="lead">{t!(i18n, kiosk.staff_help, event_name)}</p>
                                    <ActionForm action=unpair>
                                        <CredentialFields id_prefix="staff" remember=false/>
                                        <button type="submit" class="danger" disabled=move || pending.get()>
                                            {t!(i18n, kiosk.unpair)}
                                        </button>
                                    </ActionForm>
                                    {move || {
                                        unpair.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })
                                    }}
                                    <p><a class="button secondary" href="/kiosk">{t!(i18n, kiosk.staff_back)}</a></p>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                            Ok(_) => {
                                let done = matches!(unpair.value().get(), Some(Ok(())));
                                view! {
                                    <p class="lead" role="status">
                                        {if done {
                                            t_string!(i18n, kiosk.staff_unpaired).to_string()
                                        } else {
                                            t_string!(i18n, kiosk.staff_not_paired).to_string()
                                        }}
                                    </p>
                                    <p><a class="button primary" href="/kiosk">{t!(i18n, kiosk.staff_to_pairing)}</a></p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </main>
    }
}
