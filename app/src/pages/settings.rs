//! Event settings (requirement 12): notice contents, fields, badge, kiosk behaviour.
//! Saving renders the notice again; a changed text becomes a new notice version.

use crate::api::settings::{get_event_settings, SaveEventSettings};
use crate::components::auth::RequireManager;
use crate::components::errors::ErrorText;
use crate::components::loaded::loaded;
use crate::components::person_fields::field_label;
use crate::i18n::*;
use crate::types::{BadgeStock, EventSettings, EventSettingsView, Field, Purpose};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <RequireManager>
            <SettingsPanel/>
        </RequireManager>
    }
}

#[component]
fn SettingsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_event_settings,
    );
    view! {
        <main id="main" class="page">
            <a href="/dashboard">{t!(i18n, settings.back)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, settings.loading)}</p> }>
                {move || data.get().map(|r| loaded(r, |v| view! { <SettingsForm initial=v/> }))}
            </Transition>
        </main>
    }
}

/// A text input bound to one string of the settings.
fn text_input(
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
fn checkbox(
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

#[component]
fn SettingsForm(initial: EventSettingsView) -> impl IntoView {
    let i18n = use_i18n();
    let s = RwSignal::new(initial.settings.clone());
    let notices = RwSignal::new(initial.notices.clone());
    let event_id = initial.event.id.clone();
    let event_name = initial.event.name.clone();
    let save = ServerAction::<SaveEventSettings>::new();
    Effect::new(move |_| {
        if let Some(Ok(v)) = save.value().get() {
            s.set(v.settings);
            notices.set(v.notices);
        }
    });
    let lang_box = move |lang: &'static str| {
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
    };
    let number = move |id: &'static str,
                       label: fn(leptos_i18n::I18nContext<Locale>) -> String,
                       get: fn(&EventSettings) -> u32,
                       set: fn(&mut EventSettings, u32)| {
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
    };
    let title_event = event_name.clone();
    view! {
        <h1>{move || { let event = title_event.clone(); t_string!(i18n, settings.title, event).to_string() }}</h1>
        <form
            class="settings"
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveEventSettings { event_id: event_id.clone(), settings: s.get_untracked() });
            }
        >
            <fieldset>
                <legend>{t!(i18n, settings.languages)}</legend>
                {lang_box("lv")}
                {lang_box("en")}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, settings.controller)}</legend>
                {text_input(s, "st-controller-name", move || t_string!(i18n, settings.controller_name).to_string(), "text", |x| x.controller_name.clone(), |x, v| x.controller_name = v)}
                {text_input(s, "st-controller-address", move || t_string!(i18n, settings.controller_address).to_string(), "text", |x| x.controller_address.clone(), |x, v| x.controller_address = v)}
                {text_input(s, "st-controller-email", move || t_string!(i18n, settings.controller_email).to_string(), "email", |x| x.controller_email.clone(), |x, v| x.controller_email = v)}
                {text_input(s, "st-dpo", move || t_string!(i18n, settings.dpo_contact).to_string(), "text", |x| x.dpo_contact.clone(), |x, v| x.dpo_contact = v)}
                {text_input(s, "st-recipients", move || t_string!(i18n, settings.recipients).to_string(), "text", |x| x.recipients.clone(), |x, v| x.recipients = v)}
                {text_input(s, "st-policy", move || t_string!(i18n, settings.policy_url).to_string(), "url", |x| x.policy_url.clone(), |x, v| x.policy_url = v)}
                {checkbox(s, move || t_string!(i18n, settings.transfer).to_string(), |x| x.third_country_transfer, |x, v| x.third_country_transfer = v)}
                {number("st-retention", |i| t_string!(i, settings.retention_days).to_string(), |x| x.retention_days, |x, v| x.retention_days = v)}
            </fieldset>
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
            <fieldset>
                <legend>{t!(i18n, settings.fields)}</legend>
                <p class="help">{t!(i18n, settings.fields_help)}</p>
                <table class="fields">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, settings.field)}</th>
                            <th scope="col">{t!(i18n, settings.enabled)}</th>
                            <th scope="col">{t!(i18n, settings.required)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {Field::ALL
                            .into_iter()
                            .map(|f| {
                                let name = move || field_label(i18n, f);
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td>
                                            <input
                                                type="checkbox"
                                                aria-label=move || format!("{}: {}", name(), t_string!(i18n, settings.enabled))
                                                prop:checked=move || s.with(|x| x.fields.get(f).enabled)
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    s.update(|x| {
                                                        let r = x.fields.get_mut(f);
                                                        r.enabled = on;
                                                        r.required &= on;
                                                    });
                                                }
                                            />
                                        </td>
                                        <td>
                                            <input
                                                type="checkbox"
                                                aria-label=move || format!("{}: {}", name(), t_string!(i18n, settings.required))
                                                prop:checked=move || s.with(|x| x.fields.get(f).required)
                                                disabled=move || s.with(|x| !x.fields.get(f).enabled)
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    s.update(|x| x.fields.get_mut(f).required = on);
                                                }
                                            />
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </fieldset>
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
                {number("st-idle", |i| t_string!(i, settings.idle_timeout).to_string(), |x| x.idle_timeout_secs, |x, v| x.idle_timeout_secs = v)}
                {checkbox(s, move || t_string!(i18n, settings.allow_email_lookup).to_string(), |x| x.allow_email_lookup, |x, v| x.allow_email_lookup = v)}
            </fieldset>
            {move || {
                save.value()
                    .get()
                    .map(|r| match r {
                        Ok(_) => view! { <p class="ok" role="status">{t!(i18n, settings.saved)}</p> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
            <button type="submit" class="primary" disabled=move || save.pending().get()>
                {move || if save.pending().get() { t_string!(i18n, settings.saving).to_string() } else { t_string!(i18n, settings.save).to_string() }}
            </button>
        </form>
        <section class="card">
            <h2>{t!(i18n, settings.notice_preview)}</h2>
            {move || {
                notices
                    .get()
                    .into_iter()
                    .map(|n| {
                        let id = n.version_id;
                        // The whole SHA-256: it is the proof of which text was shown.
                        let sha = n.sha256.clone();
                        view! {
                            <div class="notice" lang=n.lang.clone()>
                                {n.text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                                <p class="meta notice-proof">{t!(i18n, settings.notice_version, id, sha)}</p>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </section>
    }
}
