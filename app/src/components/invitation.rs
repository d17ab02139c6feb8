//! A one-time invitation link, shown once to pass on by hand (issue 16): the link in a
//! read-only field with a copy button, its QR code for a phone's camera, whom it is for
//! and until when it works. Lanyard sends no email. Used on the accounts page and on an
//! event's page (a new photographer).

use crate::components::files::copy_text;
use crate::components::time::short_time;
use crate::components::words::role_words;
use crate::i18n::*;
use crate::types::InvitationLink;
use leptos::prelude::*;

#[component]
pub fn InvitationCard(
    link: InvitationLink,
    /// Unique on the page (`invite`, `reset-3`, `photographers`).
    #[prop(into)]
    id_prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = NodeRef::<leptos::html::Input>::new();
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let url = link.url.clone();
    let copy = move || {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            let ok = copy_text(url).await;
            if !ok {
                if let Some(el) = field.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    let input_id = format!("{id_prefix}-invitation-link");
    let help_id = format!("{id_prefix}-invitation-help");
    let email = link.email.clone();
    let role = link.role;
    let until = short_time(&link.expires_at);
    view! {
        <div class="invitation" role="status">
            <h3>{move || {
                let email = email.clone();
                let role = role_words(i18n, role);
                t_string!(i18n, accounts.invitation_for, email, role).to_string()
            }}</h3>
            <div class="field">
                <label for=input_id.clone()>{t!(i18n, accounts.invitation_link)}</label>
                <input
                    id=input_id
                    node_ref=field
                    type="text"
                    readonly
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=help_id.clone()
                    prop:value=link.url.clone()
                />
                <p id=help_id class="help">
                    {move || {
                        let until = until.clone();
                        t_string!(i18n, accounts.invitation_help, until).to_string()
                    }}
                </p>
            </div>
            <button type="button" class="secondary" on:click=move |_| copy()>
                {t!(i18n, accounts.copy_link)}
            </button>
            {move || {
                copied
                    .get()
                    .map(|ok| {
                        if ok {
                            view! { <p class="ok">{t!(i18n, accounts.copied)}</p> }.into_any()
                        } else {
                            view! { <p class="error">{t!(i18n, accounts.copy_failed)}</p> }.into_any()
                        }
                    })
            }}
            <div
                class="invitation-qr"
                role="img"
                aria-label=move || t_string!(i18n, accounts.invitation_qr).to_string()
                inner_html=link.qr_svg.clone()
            ></div>
        </div>
    }
}
