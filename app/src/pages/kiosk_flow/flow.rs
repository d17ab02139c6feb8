//! The kiosk flow: one attendee's answers in signals, the language they start in, the
//! idle timeout, printing, the greeting after a check-in, and one step at a time.

use super::checkin::CheckinStep;
use super::choice::ChoiceStep;
use super::confirm::ConfirmStep;
use super::done::DoneStep;
use super::fields::FieldsStep;
use super::guardian::GuardianStep;
use super::minor::MinorStep;
use super::notice::NoticeStep;
use super::state::{FlowState, Step};
use super::welcome::WelcomeStep;
use super::withdraw::WithdrawStep;
use super::withdrawn::WithdrawnStep;
use crate::api::kiosk::{CheckinFind, KioskRegister, Withdraw, WithdrawCheck};
use crate::i18n::*;
use crate::types::{Consent, KioskEvent, PersonFields};
use leptos::prelude::*;

#[component]
pub(super) fn Flow(event: KioskEvent) -> impl IntoView {
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
    let flow = FlowState {
        i18n,
        event,
        step,
        fields,
        is_minor,
        choice,
        guardian_name,
        guardian_confirmed,
        signature,
        message,
        register,
        find,
        checkin_code,
        checkin_email,
        checkin,
        withdraw_code,
        check,
        withdraw,
        idle,
        start_locale,
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
                    flow.reset();
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

    // Each step's component reads the signals it shows; a step whose screen followed
    // more than the step (the language, the choice, an action's answer) follows it itself.
    let screen = move || match step.get() {
        Step::Welcome => view! { <WelcomeStep flow/> }.into_any(),
        Step::Withdraw => view! { <WithdrawStep flow/> }.into_any(),
        Step::Withdrawn => view! { <WithdrawnStep flow/> }.into_any(),
        Step::Checkin => view! { <CheckinStep flow/> }.into_any(),
        Step::Notice => view! { <NoticeStep flow/> }.into_any(),
        Step::Fields => view! { <FieldsStep flow/> }.into_any(),
        Step::Minor => view! { <MinorStep flow/> }.into_any(),
        Step::Choice => view! { <ChoiceStep flow/> }.into_any(),
        Step::Guardian => view! { <GuardianStep flow/> }.into_any(),
        Step::Confirm => view! { <ConfirmStep flow/> }.into_any(),
        Step::Done => view! { <DoneStep flow/> }.into_any(),
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
