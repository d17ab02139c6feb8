//! The settings' purposes of processing, each with its legal basis.

use crate::i18n::*;
use crate::types::{EventSettings, Purpose};
use leptos::prelude::*;

#[component]
pub(super) fn Purposes(s: RwSignal<EventSettings>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{t!(i18n, settings.purposes)}</legend>
            {move || {
                (0..s.with(|x| x.purposes.len()))
                    .map(|i| {
                        let pid = format!("st-purpose-{i}");
                        let bid = format!("st-basis-{i}");
                        view! {
                            <div class="field-row purpose">
                                <div class="field">
                                    <label for=pid.clone()>{t!(i18n, settings.purpose)}</label>
                                    <input
                                        id=pid
                                        prop:value=move || s.with(|x| x.purposes.get(i).map(|p| p.purpose.clone()).unwrap_or_default())
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            s.update(|x| if let Some(p) = x.purposes.get_mut(i) { p.purpose = v });
                                        }
                                    />
                                </div>
                                <div class="field">
                                    <label for=bid.clone()>{t!(i18n, settings.legal_basis)}</label>
                                    <input
                                        id=bid
                                        prop:value=move || s.with(|x| x.purposes.get(i).map(|p| p.legal_basis.clone()).unwrap_or_default())
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            s.update(|x| if let Some(p) = x.purposes.get_mut(i) { p.legal_basis = v });
                                        }
                                    />
                                </div>
                                <button type="button" class="secondary" on:click=move |_| s.update(|x| { if i < x.purposes.len() { x.purposes.remove(i); } })>
                                    {t!(i18n, settings.remove_purpose)}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="secondary" on:click=move |_| s.update(|x| x.purposes.push(Purpose::default()))>
                {t!(i18n, settings.add_purpose)}
            </button>
        </fieldset>
    }
}
