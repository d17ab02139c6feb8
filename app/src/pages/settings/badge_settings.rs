//! The badge and the kiosk: the name on the badge, the badge stock, the idle timeout and
//! the lookup by e-mail.

use super::inputs::{checkbox, number};
use crate::i18n::*;
use crate::types::{BadgeStock, EventSettings};
use leptos::prelude::*;

#[component]
pub(super) fn BadgeSettings(s: RwSignal<EventSettings>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{t!(i18n, settings.badge)}</legend>
            {checkbox(s, move || t_string!(i18n, settings.print_name).to_string(), |x| x.print_name, |x, v| x.print_name = v)}
            <div class="field">
                <label for="st-stock">{t!(i18n, settings.badge_stock)}</label>
                <select
                    id="st-stock"
                    on:change=move |ev| {
                        if let Some(b) = BadgeStock::parse(&event_target_value(&ev)) {
                            s.update(|x| x.badge_stock = b);
                        }
                    }
                >
                    {BadgeStock::ALL
                        .into_iter()
                        .map(|b| {
                            let label = move || match b {
                                BadgeStock::Cr80 => t_string!(i18n, settings.stock_cr80).to_string(),
                                BadgeStock::A6 => t_string!(i18n, settings.stock_a6).to_string(),
                                BadgeStock::Label62x100 => t_string!(i18n, settings.stock_label62x100).to_string(),
                                BadgeStock::Label4x3in => t_string!(i18n, settings.stock_label4x3in).to_string(),
                            };
                            view! {
                                <option value=b.as_str() selected=move || s.with(|x| x.badge_stock == b)>{label}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {number(s, i18n, "st-idle", |i| t_string!(i, settings.idle_timeout).to_string(), |x| x.idle_timeout_secs, |x, v| x.idle_timeout_secs = v)}
            {checkbox(s, move || t_string!(i18n, settings.allow_email_lookup).to_string(), |x| x.allow_email_lookup, |x, v| x.allow_email_lookup = v)}
        </fieldset>
    }
}
