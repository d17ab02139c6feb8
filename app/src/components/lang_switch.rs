//! The language switch shown on every screen. The choice is kept in a cookie by
//! leptos_i18n, so it survives reloads and the server renders in it too.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let button = move |locale: Locale| {
        let label = match locale {
            Locale::lv => t_string!(i18n, lang.lv).to_string(),
            Locale::en => t_string!(i18n, lang.en).to_string(),
        };
        view! {
            <button
                type="button"
                class="lang"
                lang=locale.as_str()
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=move |_| i18n.set_locale(locale)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || t_string!(i18n, lang.label).to_string()>
            {button(Locale::lv)}
            {button(Locale::en)}
        </div>
    }
}
