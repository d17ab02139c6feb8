//! Making a one-time pairing code for a new tablet, with the tablet's name, shown as
//! typed characters and as a QR code for the tablet's camera.

use crate::api::kiosk::CreatePairingCode;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::PublicId;
use leptos::prelude::*;

#[component]
pub(super) fn PairingForm(event_id: PublicId) -> impl IntoView {
    let i18n = use_i18n();
    let pair = ServerAction::<CreatePairingCode>::new();
    let name = RwSignal::new(String::new());
    view! {
        <form
            class="pairing-form"
            on:submit=move |ev| {
                ev.prevent_default();
                pair.dispatch(CreatePairingCode { event_id: event_id.clone(), label: Some(name.get_untracked()) });
            }
        >
            <div class="field">
                <label for="tablet-name">{t!(i18n, tablets.name_label)}</label>
                <input
                    id="tablet-name"
                    type="text"
                    maxlength="60"
                    autocomplete="off"
                    aria-describedby="tablet-name-help"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <p class="hint" id="tablet-name-help">{t!(i18n, tablets.name_help)}</p>
            </div>
            <button type="submit" class="primary" disabled=move || pair.pending().get()>
                {move || {
                    if pair.pending().get() {
                        t_string!(i18n, events.pairing).to_string()
                    } else {
                        t_string!(i18n, tablets.make_code).to_string()
                    }
                }}
            </button>
        </form>
        {move || {
            pair.value()
                .get()
                .map(|r| match r {
                    Ok(p) => {
                        let label = p.label.clone().unwrap_or_else(|| t_string!(i18n, tablets.unnamed).to_string());
                        let code = p.code.clone();
                        view! {
                            <div class="pairing" role="status">
                                <p>{move || t_string!(i18n, tablets.code_for, name = label.as_str()).to_string()}</p>
                                <p class="code">{p.code.clone()}</p>
                                <div
                                    class="pairing-qr"
                                    role="img"
                                    aria-label=move || t_string!(i18n, tablets.qr_label, code = code.as_str()).to_string()
                                    inner_html=p.qr_svg.clone()
                                ></div>
                                <p class="help">{t!(i18n, tablets.code_help)}</p>
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                })
        }}
    }
}
