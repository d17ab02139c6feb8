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
use crate::i18n::*;
use crate::types::KioskEvent;
use leptos::prelude::*;

#[component]
pub(super) fn Flow(event: KioskEvent) -> impl IntoView {
    let flow = FlowState::new(event, use_i18n());
    let FlowState {
        i18n,
        event,
        step,
        message,
        register,
        find,
        checkin_code,
        checkin_email,
        checkin,
        withdraw,
        idle,
        start_locale,
        ..
    } = flow;
    // Every attendee starts in the event's default language (issue 12 point 4): the
    // previous attendee's choice lives in the language cookie and must not carry over.
    Effect::new(move |_| {
        if i18n.get_locale_untracked() != start_locale {
            i18n.set_locale(start_locale);
        }
    });

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
