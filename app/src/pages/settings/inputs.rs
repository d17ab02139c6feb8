//! The settings form's inputs, each bound to one value of the settings.

use crate::i18n::*;
use crate::types::EventSettings;
use leptos::prelude::*;

pub(super) type I18n = leptos_i18n::I18nContext<Locale>;

/// A text input bound to one string of the settings.
pub(super) fn text_input(
    s: RwSignal<EventSettings>,
    id: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
    kind: &'static str,
    get: fn(&EventSettings) -> String,
    set: fn(&mut EventSettings, String),
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type=kind
                prop:value=move || s.with(get)
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    s.update(|x| set(x, v));
                }
            />
        </div>
    }
}

/// A checkbox bound to one flag of the settings.
pub(super) fn checkbox(
    s: RwSignal<EventSettings>,
    label: impl Fn() -> String + Send + Sync + 'static,
    get: fn(&EventSettings) -> bool,
    set: fn(&mut EventSettings, bool),
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || s.with(get)
                on:change=move |ev| {
                    let v = event_target_checked(&ev);
                    s.update(|x| set(x, v));
                }
            />
            <span>{label}</span>
        </label>
    }
}

/// A checkbox for one language the event offers.
pub(super) fn lang_box(
    s: RwSignal<EventSettings>,
    i18n: I18n,
    lang: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || s.with(|x| x.languages.iter().any(|l| l == lang))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    s.update(|x| {
                        x.languages.retain(|l| l != lang);
                        if on {
                            x.languages.push(lang.to_string());
                        }
                    });
                }
            />
            <span>
                {move || match lang {
                    "lv" => t_string!(i18n, lang.lv).to_string(),
                    _ => t_string!(i18n, lang.en).to_string(),
                }}
            </span>
        </label>
    }
}

/// A whole-number input bound to one number of the settings.
pub(super) fn number(
    s: RwSignal<EventSettings>,
    i18n: I18n,
    id: &'static str,
    label: fn(I18n) -> String,
    get: fn(&EventSettings) -> u32,
    set: fn(&mut EventSettings, u32),
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || label(i18n)}</label>
            <input
                id=id
                type="number"
                inputmode="numeric"
                prop:value=move || s.with(get).to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() {
                        s.update(|x| set(x, v));
                    }
                }
            />
        </div>
    }
}
