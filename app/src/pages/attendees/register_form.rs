//! Registration on an attendee's behalf, then their badge and private code.

use super::decision::{decision_for, is_notice_changed, load_notices, DecisionFields};
use crate::api::attendees::RegisterAttendee;
use crate::components::badge::BadgeView;
use crate::components::errors::ErrorText;
use crate::components::person_fields::PersonFieldInputs;
use crate::i18n::*;
use crate::types::{ConsentInput, FieldRules, NoticeText, OrganiserRegistration, PersonFields};
use leptos::prelude::*;

#[component]
pub(super) fn RegisterForm(
    rules: FieldRules,
    event_id: crate::types::PublicId,
    notices: Vec<NoticeText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let register = ServerAction::<RegisterAttendee>::new();
    let notices = RwSignal::new(notices);
    {
        let event_id = event_id.clone();
        Effect::new(move |_| {
            if register.value().with(is_notice_changed) {
                load_notices(event_id.clone(), notices);
            }
        });
    }
    let fields = RwSignal::new(PersonFields::default());
    let minor = RwSignal::new(false);
    let input = RwSignal::new(ConsentInput::default());
    let rules = StoredValue::new(rules);
    let ev = StoredValue::new(event_id);
    let again = move || {
        fields.set(PersonFields::default());
        minor.set(false);
        // The notice stays the one on the screen.
        input.update(|i| {
            *i = ConsentInput {
                notice: i.notice.clone(),
                ..Default::default()
            }
        });
        register.clear();
    };
    view! {
        <Show
            when=move || matches!(register.value().get(), Some(Ok(_)))
            fallback=move || {
                view! {
                    <form
                        class="card"
                        on:submit=move |e| {
                            e.prevent_default();
                            register.dispatch(RegisterAttendee {
                                event_id: ev.get_value(),
                                registration: OrganiserRegistration {
                                    fields: fields.get_untracked(),
                                    is_minor: minor.get_untracked(),
                                    consent: decision_for(&input.get_untracked(), minor.get_untracked()),
                                },
                            });
                        }
                    >
                        {move || {
                            let enabled = rules.with_value(|r| r.enabled());
                            if enabled.is_empty() {
                                view! { <p class="help">{t!(i18n, att.count_only)}</p> }.into_any()
                            } else {
                                view! { <PersonFieldInputs rules=rules.get_value() fields id_prefix="reg"/> }.into_any()
                            }
                        }}
                        <label class="check">
                            <input type="checkbox" prop:checked=move || minor.get() on:change=move |e| minor.set(event_target_checked(&e))/>
                            <span>{t!(i18n, att.is_minor)}</span>
                        </label>
                        <DecisionFields input is_minor=Signal::derive(move || minor.get()) notices/>
                        {move || register.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                        <button type="submit" class="primary" disabled=move || register.pending().get() || input.with(|i| i.choice.is_none() || i.notice.is_none())>
                            {move || if register.pending().get() { t_string!(i18n, kiosk.printing).to_string() } else { t_string!(i18n, att.register_submit).to_string() }}
                        </button>
                    </form>
                }
            }
        >
            {move || {
                register.value()
                    .get()
                    .and_then(|r| r.ok())
                    .map(|reg| {
                        view! {
                            <p class="ok" role="status">{t!(i18n, att.registered_ok)}</p>
                            <div class="badge-print">
                                <BadgeView badge=reg.badge.clone()/>
                            </div>
                            <section class="private-code" aria-labelledby="code-title">
                                <h2 id="code-title">{t!(i18n, kiosk.code_title)}</h2>
                                <div class="code-qr" inner_html=reg.private_code_qr_svg.clone()></div>
                                <p class="code">{reg.private_code.clone()}</p>
                                <p class="help">{t!(i18n, att.code_hand_over)}</p>
                            </section>
                            <div class="actions">
                                <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>
                                    {t!(i18n, kiosk.print_again)}
                                </button>
                                <button type="button" class="primary" on:click=move |_| again()>
                                    {t!(i18n, att.register_another)}
                                </button>
                            </div>
                        }
                    })
            }}
        </Show>
    }
}
