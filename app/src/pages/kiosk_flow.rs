//! Registration at a paired kiosk (requirements 1-9): welcome → notice → fields →
//! under 18? → photo choice → guardian (minor + green) → confirm → badge and private
//! code. Everything lives in signals on this one page: no navigation, no browser
//! storage. "Done" or the idle timeout clears it all and returns to welcome.

use crate::api::kiosk::{kiosk_event, CheckinFind, KioskRegister, Withdraw, WithdrawCheck};
use crate::components::badge::{BadgeView, ConsentIcon};
use crate::components::camera::QrCamera;
use crate::components::errors::ErrorText;
use crate::components::person_fields::{field_label, PersonFieldInputs};
use crate::components::signature::SignaturePad;
use crate::i18n::*;
use crate::types::{Consent, Field, KioskEvent, KioskRegistration, PersonFields};
use crate::validate::looks_like_email;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Welcome,
    /// A pre-registered attendee types or scans their check-in code.
    Checkin,
    /// "Change my photo choice": the attendee scans their own badge.
    Withdraw,
    /// The new red badge prints.
    Withdrawn,
    Notice,
    Fields,
    Minor,
    Choice,
    Guardian,
    Confirm,
    Done,
}

#[component]
pub fn KioskFlow() -> impl IntoView {
    let i18n = use_i18n();
    let event = OnceResource::new(kiosk_event());
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, kiosk.loading)}</p> }>
            {move || {
                event
                    .get()
                    .map(|r| match r {
                        Ok(ev) => view! { <Flow event=ev/> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </Transition>
    }
}

#[component]
fn Flow(event: KioskEvent) -> impl IntoView {
    let i18n = use_i18n();
    let event = StoredValue::new(event);
    let step = RwSignal::new(Step::Welcome);
    let fields = RwSignal::new(PersonFields::default());
    let is_minor = RwSignal::new(None::<bool>);
    let choice = RwSignal::new(None::<Consent>);
    let guardian_name = RwSignal::new(String::new());
    let guardian_confirmed = RwSignal::new(false);
    let signature = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let register = ServerAction::<KioskRegister>::new();
    let find = ServerAction::<CheckinFind>::new();
    let checkin_code = RwSignal::new(String::new());
    let checkin_email = RwSignal::new(String::new());
    // Set when a pre-registered attendee was found: their name (if any) to greet them.
    let checkin = RwSignal::new(None::<Option<String>>);
    let withdraw_code = RwSignal::new(String::new());
    let check = ServerAction::<WithdrawCheck>::new();
    let withdraw = ServerAction::<Withdraw>::new();
    let idle = RwSignal::new(0u32);
    // Every attendee starts in the event's default language (issue 12 point 4): the
    // previous attendee's choice lives in the language cookie and must not carry over.
    let start_locale = event.with_value(|e| {
        if e.default_lang == "en" {
            Locale::en
        } else {
            Locale::lv
        }
    });
    Effect::new(move |_| {
        if i18n.get_locale_untracked() != start_locale {
            i18n.set_locale(start_locale);
        }
    });

    // Forget everything about the attendee.
    let reset = move || {
        if i18n.get_locale_untracked() != start_locale {
            i18n.set_locale(start_locale);
        }
        fields.set(PersonFields::default());
        is_minor.set(None);
        choice.set(None);
        guardian_name.set(String::new());
        guardian_confirmed.set(false);
        signature.set(None);
        message.set(None);
        register.clear();
        find.clear();
        check.clear();
        withdraw.clear();
        withdraw_code.set(String::new());
        checkin_code.set(String::new());
        checkin_email.set(String::new());
        checkin.set(None);
        idle.set(0);
        step.set(Step::Welcome);
    };

    // A withdrawal done: the red badge shows and prints.
    Effect::new(move |_| {
        if let Some(Ok(_)) = withdraw.value().get() {
            step.set(Step::Withdrawn);
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    });

    // A found pre-registered attendee goes on to the notice.
    Effect::new(move |_| {
        if let Some(Ok(found)) = find.value().get() {
            checkin.set(Some(found.name));
            checkin_code.set(String::new());
            checkin_email.set(String::new());
            message.set(None);
            step.set(Step::Notice);
        }
    });

    // Idle timeout: count seconds without a touch or key; at the limit, start over.
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || {
                if step.get_untracked() == Step::Welcome {
                    return;
                }
                let n = idle.get_untracked() + 1;
                if n >= event.with_value(|e| e.idle_timeout_secs) {
                    reset();
                } else {
                    idle.set(n);
                }
            },
            std::time::Duration::from_secs(1),
        );
        on_cleanup(move || {
            if let Ok(h) = handle {
                h.clear();
            }
        });
    });

    // After a successful registration: show the badge and print it.
    Effect::new(move |_| {
        if let Some(Ok(_)) = register.value().get() {
            step.set(Step::Done);
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    });

    let enabled = move || event.with_value(|e| e.fields.enabled());
    let go = move |s: Step| {
        message.set(None);
        step.set(s);
    };
    let after_notice = move || {
        if enabled().is_empty() || checkin.get_untracked().is_some() {
            Step::Minor
        } else {
            Step::Fields
        }
    };
    let after_choice = move || {
        if is_minor.get_untracked() == Some(true) && choice.get_untracked() == Some(Consent::Green)
        {
            Step::Guardian
        } else {
            Step::Confirm
        }
    };
    let check_fields = move || {
        let missing: Vec<String> = event.with_value(|e| {
            e.fields
                .enabled()
                .into_iter()
                .filter(|f| e.fields.get(*f).required)
                .filter(|f| {
                    fields.with_untracked(|p| p.get(*f).map(str::trim).unwrap_or("").is_empty())
                })
                .map(|f| field_label(i18n, f))
                .collect()
        });
        // The server's own format rule, worded here in the attendee's language (the
        // form has `novalidate`: the browser's bubble would be in its own language).
        let email_ok = fields.with_untracked(|p| {
            p.get(Field::Email)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .is_none_or(looks_like_email)
        });
        if !missing.is_empty() {
            let field = missing.join(", ");
            message.set(Some(
                t_string!(i18n, kiosk.fill_required, field).to_string(),
            ));
        } else if !email_ok {
            message.set(Some(t_string!(i18n, kiosk.email_invalid).to_string()));
        } else {
            go(Step::Minor);
        }
    };
    let check_guardian = move || {
        let ok = !guardian_name.get_untracked().trim().is_empty()
            && guardian_confirmed.get_untracked()
            && signature.get_untracked().is_some();
        if ok {
            go(Step::Confirm);
        } else {
            message.set(Some(t_string!(i18n, kiosk.guardian_missing).to_string()));
        }
    };
    let submit = move || {
        let lang = i18n.get_locale_untracked().as_str().to_string();
        let minor_green = is_minor.get_untracked() == Some(true)
            && choice.get_untracked() == Some(Consent::Green);
        register.dispatch(KioskRegister {
            registration: KioskRegistration {
                lang,
                fields: fields.get_untracked(),
                is_minor: is_minor.get_untracked() == Some(true),
                choice: choice.get_untracked(),
                guardian_name: if minor_green {
                    guardian_name.get_untracked()
                } else {
                    String::new()
                },
                guardian_confirmed: minor_green && guardian_confirmed.get_untracked(),
                checkin: checkin.get_untracked().is_some(),
                signature_data_url: if minor_green {
                    signature.get_untracked()
                } else {
                    None
                },
            },
        });
    };

    // "Print again" and "Done" under a printed badge.
    let done_actions = move || {
        view! {
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>
                    {t!(i18n, kiosk.print_again)}
                </button>
                <button type="button" class="primary big" on:click=move |_| reset()>
                    {t!(i18n, kiosk.done)}
                </button>
            </div>
        }
    };
    let msg = move || {
        message
            .get()
            .map(|m| view! { <p class="error" role="alert">{m}</p> })
    };
    let back = move |s: Step| {
        view! {
            <button type="button" class="secondary" on:click=move |_| go(s)>
                {t!(i18n, kiosk.back)}
            </button>
        }
    };

    let screen = move || {
        match step.get() {
        Step::Welcome => view! {
            <h1>{move || { let event = event.with_value(|e| e.event_name.clone()); t_string!(i18n, kiosk.paired_title, event).to_string() }}</h1>
            <button type="button" class="primary big" on:click=move |_| go(Step::Notice)>
                {t!(i18n, kiosk.start)}
            </button>
            <button type="button" class="secondary big" on:click=move |_| { find.clear(); go(Step::Checkin); }>
                {t!(i18n, kiosk.checkin_start)}
            </button>
            <button type="button" class="secondary big" on:click=move |_| { check.clear(); withdraw.clear(); go(Step::Withdraw); }>
                {t!(i18n, kiosk.withdraw_start)}
            </button>
        }
        .into_any(),
        Step::Withdraw => {
            let lookup = move |code: String| {
                withdraw_code.set(code.clone());
                withdraw.clear();
                check.dispatch(WithdrawCheck { code });
            };
            view! {
                <h1>{t!(i18n, kiosk.withdraw_title)}</h1>
                <p class="lead">{t!(i18n, kiosk.withdraw_help)}</p>
                <QrCamera
                    on_decode=Callback::new(move |t: String| lookup(t))
                    active=Signal::derive(move || step.get() == Step::Withdraw && check.value().get().is_none())
                />
                <form on:submit=move |ev| { ev.prevent_default(); lookup(withdraw_code.get_untracked()); }>
                    <div class="field">
                        <label for="withdraw-code">{t!(i18n, kiosk.withdraw_code)}</label>
                        <input
                            id="withdraw-code"
                            autocomplete="off"
                            spellcheck="false"
                            prop:value=move || withdraw_code.get()
                            on:input=move |ev| withdraw_code.set(event_target_value(&ev))
                        />
                    </div>
                    <button type="submit" class="primary" disabled=move || check.pending().get()>{t!(i18n, kiosk.withdraw_check)}</button>
                </form>
                {move || check.value().get().map(|r| match r {
                    Ok(Consent::Green) => view! {
                        <div class="summary green" role="status">
                            <ConsentIcon consent=Consent::Green/>
                            <strong>{t!(i18n, kiosk.withdraw_is_green)}</strong>
                        </div>
                        {move || withdraw.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                        <button
                            type="button"
                            class="primary big"
                            disabled=move || withdraw.pending().get()
                            on:click=move |_| {
                                withdraw.dispatch(Withdraw {
                                    code: withdraw_code.get_untracked(),
                                    lang: i18n.get_locale_untracked().as_str().to_string(),
                                });
                            }
                        >
                            {t!(i18n, kiosk.withdraw_confirm)}
                        </button>
                    }.into_any(),
                    Ok(Consent::Red) => view! {
                        <div class="summary red" role="status">
                            <ConsentIcon consent=Consent::Red/>
                            <strong>{t!(i18n, kiosk.withdraw_is_red)}</strong>
                        </div>
                        <p class="help">{t!(i18n, kiosk.withdraw_to_green)}</p>
                    }.into_any(),
                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                })}
                <div class="actions">
                    {back(Step::Welcome)}
                </div>
            }
            .into_any()
        }
        Step::Withdrawn => match withdraw.value().get() {
            Some(Ok(badge)) => view! {
                <h1>{t!(i18n, kiosk.withdraw_done)}</h1>
                <div class="badge-print">
                    <BadgeView badge/>
                </div>
                {done_actions()}
            }
            .into_any(),
            _ => ().into_any(),
        },
        Step::Checkin => {
            let by_email = event.with_value(|e| e.allow_email_lookup);
            view! {
                <h1>{t!(i18n, kiosk.checkin_title)}</h1>
                <form novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    let email = checkin_email.get_untracked();
                    if !email.trim().is_empty() && !looks_like_email(email.trim()) {
                        find.clear();
                        message.set(Some(t_string!(i18n, kiosk.email_invalid).to_string()));
                        return;
                    }
                    message.set(None);
                    find.dispatch(CheckinFind { code: checkin_code.get_untracked(), email });
                }>
                    <div class="field">
                        <label for="checkin-code">{t!(i18n, kiosk.checkin_code)}</label>
                        <input
                            id="checkin-code"
                            autocomplete="off"
                            autocapitalize="characters"
                            spellcheck="false"
                            prop:value=move || checkin_code.get()
                            on:input=move |ev| checkin_code.set(event_target_value(&ev))
                        />
                        <p class="help">{t!(i18n, kiosk.checkin_code_help)}</p>
                    </div>
                    {by_email.then(|| view! {
                        <div class="field">
                            <label for="checkin-email">{t!(i18n, kiosk.checkin_email)}</label>
                            <input
                                id="checkin-email"
                                type="email"
                                autocomplete="off"
                                prop:value=move || checkin_email.get()
                                on:input=move |ev| checkin_email.set(event_target_value(&ev))
                            />
                        </div>
                    })}
                    {msg}
                    {move || find.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                    <div class="actions">
                        {back(Step::Welcome)}
                        <button type="submit" class="primary" disabled=move || find.pending().get()>
                            {t!(i18n, kiosk.checkin_find)}
                        </button>
                    </div>
                </form>
            }
            .into_any()
        }
        Step::Notice => {
            let lang = i18n.get_locale().as_str().to_string();
            let text = event.with_value(|e| {
                e.notices.iter().find(|n| n.lang == lang).or(e.notices.first()).map(|n| n.text.clone()).unwrap_or_default()
            });
            let (policy_url, policy_qr) = event.with_value(|e| (e.policy_url.clone(), e.policy_qr_svg.clone()));
            view! {
                <h1>{t!(i18n, kiosk.notice_title)}</h1>
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
                    {back(Step::Welcome)}
                    <button type="button" class="primary" on:click=move |_| go(after_notice())>
                        {t!(i18n, kiosk.notice_read)}
                    </button>
                </div>
            }
            .into_any()
        }
        Step::Fields => view! {
            <h1>{t!(i18n, kiosk.fields_title)}</h1>
            <form novalidate on:submit=move |ev| { ev.prevent_default(); check_fields(); }>
                <PersonFieldInputs rules=event.with_value(|e| e.fields.clone()) fields id_prefix="kf"/>
                {msg}
                <div class="actions">
                    {back(Step::Notice)}
                    <button type="submit" class="primary">{t!(i18n, kiosk.next)}</button>
                </div>
            </form>
        }
        .into_any(),
        Step::Minor => view! {
            <h1 id="minor-q">{t!(i18n, kiosk.minor_title)}</h1>
            <div class="choices" role="radiogroup" aria-labelledby="minor-q">
                <button type="button" role="radio" class="choice" aria-checked=move || (is_minor.get() == Some(true)).to_string() on:click=move |_| is_minor.set(Some(true))>
                    {t!(i18n, kiosk.minor_yes)}
                </button>
                <button type="button" role="radio" class="choice" aria-checked=move || (is_minor.get() == Some(false)).to_string() on:click=move |_| is_minor.set(Some(false))>
                    {t!(i18n, kiosk.minor_no)}
                </button>
            </div>
            <div class="actions">
                {back(Step::Notice)}
                <button type="button" class="primary" disabled=move || is_minor.get().is_none() on:click=move |_| go(Step::Choice)>
                    {t!(i18n, kiosk.next)}
                </button>
            </div>
        }
        .into_any(),
        Step::Choice => view! {
            <h1 id="choice-q">{t!(i18n, kiosk.choice_title)}</h1>
            <p class="lead">{t!(i18n, kiosk.choice_help)}</p>
            <div class="choices photo-choices" role="radiogroup" aria-labelledby="choice-q">
                <button type="button" role="radio" class="choice photo green" aria-checked=move || (choice.get() == Some(Consent::Green)).to_string() on:click=move |_| choice.set(Some(Consent::Green))>
                    <ConsentIcon consent=Consent::Green/>
                    <span>{t!(i18n, kiosk.choice_green)}</span>
                </button>
                <button type="button" role="radio" class="choice photo red" aria-checked=move || (choice.get() == Some(Consent::Red)).to_string() on:click=move |_| choice.set(Some(Consent::Red))>
                    <ConsentIcon consent=Consent::Red/>
                    <span>{t!(i18n, kiosk.choice_red)}</span>
                </button>
            </div>
            <div class="actions">
                {back(Step::Minor)}
                <button type="button" class="primary" disabled=move || choice.get().is_none() on:click=move |_| go(after_choice())>
                    {t!(i18n, kiosk.next)}
                </button>
            </div>
        }
        .into_any(),
        Step::Guardian => view! {
            <h1>{t!(i18n, kiosk.guardian_title)}</h1>
            <p class="lead">{t!(i18n, kiosk.guardian_help)}</p>
            <div class="field">
                <label for="guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
                <input id="guardian-name" autocomplete="off" prop:value=move || guardian_name.get() on:input=move |ev| guardian_name.set(event_target_value(&ev))/>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || guardian_confirmed.get() on:change=move |ev| guardian_confirmed.set(event_target_checked(&ev))/>
                <span>{t!(i18n, kiosk.guardian_confirm)}</span>
            </label>
            <SignaturePad signature/>
            {msg}
            <div class="actions">
                {back(Step::Choice)}
                <button type="button" class="secondary" on:click=move |_| { choice.set(Some(Consent::Red)); go(Step::Confirm); }>
                    {t!(i18n, kiosk.choose_red_instead)}
                </button>
                <button type="button" class="primary" on:click=move |_| check_guardian()>
                    {t!(i18n, kiosk.next)}
                </button>
            </div>
        }
        .into_any(),
        Step::Confirm => {
            let c = choice.get().unwrap_or(Consent::Red);
            view! {
                <h1>{t!(i18n, kiosk.confirm_title)}</h1>
                <p class=format!("summary {}", c.as_str())>
                    {t!(i18n, kiosk.your_choice)} " "
                    <ConsentIcon consent=c/>
                    <strong>
                        {match c {
                            Consent::Green => t_string!(i18n, kiosk.choice_green).to_string(),
                            Consent::Red => t_string!(i18n, kiosk.choice_red).to_string(),
                        }}
                    </strong>
                </p>
                {move || register.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                <div class="actions">
                    {back(Step::Choice)}
                    <button type="button" class="primary" disabled=move || register.pending().get() on:click=move |_| submit()>
                        {move || if register.pending().get() { t_string!(i18n, kiosk.printing).to_string() } else { t_string!(i18n, kiosk.confirm).to_string() }}
                    </button>
                </div>
            }
            .into_any()
        }
        Step::Done => match register.value().get() {
            Some(Ok(reg)) => view! {
                <h1>{t!(i18n, kiosk.done_title)}</h1>
                <div class="badge-print">
                    <BadgeView badge=reg.badge.clone()/>
                </div>
                <section class="private-code" aria-labelledby="code-title">
                    <h2 id="code-title">{t!(i18n, kiosk.code_title)}</h2>
                    <div class="code-qr" inner_html=reg.private_code_qr_svg.clone()></div>
                    <p class="code">{code_groups(&reg.private_code)}</p>
                    <p class="help">{t!(i18n, kiosk.code_help)}</p>
                    <p class="help">{move || { let url = me_address(); t_string!(i18n, kiosk.code_me, url).to_string() }}</p>
                </section>
                {done_actions()}
            }
            .into_any(),
            _ => ().into_any(),
        },
    }
    };

    view! {
        <div
            class="kiosk-flow"
            on:pointerdown=move |_| idle.set(0)
            on:keydown=move |_| idle.set(0)
            on:input=move |_| idle.set(0)
        >
            {move || {
                checkin
                    .get()
                    .filter(|_| !matches!(step.get(), Step::Welcome | Step::Checkin | Step::Withdraw | Step::Withdrawn))
                    .map(|name| {
                        let name = name.unwrap_or_default();
                        view! { <p class="greeting" role="status">{t!(i18n, kiosk.checkin_hello, name)}</p> }
                    })
            }}
            {screen}
        </div>
    }
}

/// The self-service page's full address on this site (where the private code is used),
/// e.g. `https://lanyard.example/me`; just `/me` outside the browser.
fn me_address() -> String {
    #[cfg(feature = "hydrate")]
    if let Ok(origin) = window().location().origin() {
        return format!("{origin}/me");
    }
    "/me".to_string()
}

/// The private code with a line-break opportunity after each hyphen and nowhere else,
/// so a narrow screen breaks it between groups (the CSS balances the lines) and never
/// inside one. The text stays exactly the code, for copying and reading aloud.
fn code_groups(code: &str) -> impl IntoView {
    let groups: Vec<String> = code.split_inclusive('-').map(String::from).collect();
    let last = groups.len().saturating_sub(1);
    groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| view! { <span class="code-group">{g}</span> {(i < last).then(|| view! { <wbr/> })} })
        .collect_view()
}
