//! The kiosk flow: one attendee's draft, the language they start in, the idle timeout,
//! printing, the greeting after a check-in, and one step at a time.

use super::checkin::CheckinStep;
use super::choice::ChoiceStep;
use super::confirm::ConfirmStep;
use super::done::DoneStep;
use super::fields::FieldsStep;
use super::guardian::GuardianStep;
use super::minor::MinorStep;
use super::notice::NoticeStep;
use super::removal_asked::RemovalAskedStep;
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
        draft,
        step,
        register,
        find,
        check,
        withdraw,
        removal,
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
            draft.update(|d| d.step = Step::Withdrawn);
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    });

    // A removal request sent: what happens next (issue 16 point 6).
    Effect::new(move |_| {
        if let Some(Ok(_)) = removal.value().get() {
            draft.update(|d| {
                d.withdraw_code = String::new();
                d.message = None;
                d.step = Step::RemovalAsked;
            });
        }
    });

    // A found pre-registered attendee goes on to the notice.
    Effect::new(move |_| {
        if let Some(Ok(found)) = find.value().get() {
            draft.update(|d| {
                d.checkin = Some(found.name);
                d.checkin_code = String::new();
                d.checkin_email = String::new();
                d.message = None;
                d.step = Step::Notice;
            });
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
                    flow.forget();
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

    // A tablet revoked or expired meanwhile (401): the page reads its pairing again and
    // shows the pairing screen (issue 16 point 3).
    let link = use_context::<crate::pages::kiosk::KioskLink>();
    Effect::new(move |_| {
        let unauthorized = |e: Option<&crate::types::ApiError>| {
            matches!(e, Some(crate::types::ApiError::Unauthorized))
        };
        let lost = register
            .value()
            .with(|v| unauthorized(v.as_ref().and_then(|r| r.as_ref().err())))
            || find
                .value()
                .with(|v| unauthorized(v.as_ref().and_then(|r| r.as_ref().err())))
            || check
                .value()
                .with(|v| unauthorized(v.as_ref().and_then(|r| r.as_ref().err())))
            || withdraw
                .value()
                .with(|v| unauthorized(v.as_ref().and_then(|r| r.as_ref().err())))
            || removal
                .value()
                .with(|v| unauthorized(v.as_ref().and_then(|r| r.as_ref().err())));
        if lost {
            if let Some(link) = link {
                link.recheck();
            }
        }
    });
    // Each new attendee: the tablet checks that it is still paired.
    Effect::new(move |prev: Option<Step>| {
        let now = step.get();
        if prev == Some(Step::Welcome) && now != Step::Welcome {
            if let Some(link) = link {
                link.check_still_paired();
            }
        }
        now
    });

    // The notice changed since the kiosk loaded it (409): show the new one again.
    Effect::new(move |_| {
        if let Some(Err(crate::types::ApiError::NoticeChanged)) = register.value().get() {
            register.clear();
            flow.notice_changed();
        }
    });

    // After a successful registration: show the badge and print it.
    Effect::new(move |_| {
        if let Some(Ok(_)) = register.value().get() {
            draft.update(|d| d.step = Step::Done);
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    });

    // Each step's component reads what it shows from the draft and the answers. The
    // screen is drawn again when the step changes, not at every key; a step whose screen
    // follows more (the language, the choice, an action's answer) follows it itself.
    let screen = move || match step.get() {
        Step::Welcome => view! { <WelcomeStep flow/> }.into_any(),
        Step::Withdraw => view! { <WithdrawStep flow/> }.into_any(),
        Step::Withdrawn => view! { <WithdrawnStep flow/> }.into_any(),
        Step::RemovalAsked => view! { <RemovalAskedStep flow/> }.into_any(),
        Step::Checkin => view! { <CheckinStep flow/> }.into_any(),
        Step::Notice => view! { <NoticeStep flow/> }.into_any(),
        Step::Fields => view! { <FieldsStep flow/> }.into_any(),
        Step::Minor => view! { <MinorStep flow/> }.into_any(),
        Step::Choice => view! { <ChoiceStep flow/> }.into_any(),
        Step::Guardian => view! { <GuardianStep flow/> }.into_any(),
        Step::Confirm => view! { <ConfirmStep flow/> }.into_any(),
        Step::Done => view! { <DoneStep flow/> }.into_any(),
    };

    // The greeting after a check-in, on the registration steps.
    let greeting = Memo::new(move |_| {
        draft.with(|d| {
            d.checkin.clone().filter(|_| {
                !matches!(
                    d.step,
                    Step::Welcome
                        | Step::Checkin
                        | Step::Withdraw
                        | Step::Withdrawn
                        | Step::RemovalAsked
                )
            })
        })
    });

    view! {
        <div
            class="kiosk-flow"
            on:pointerdown=move |_| idle.set(0)
            on:keydown=move |_| idle.set(0)
            on:input=move |_| idle.set(0)
        >
            {move || {
                greeting.get().map(|name| {
                    let name = name.unwrap_or_default();
                    view! { <p class="greeting" role="status">{t!(i18n, kiosk.checkin_hello, name)}</p> }
                })
            }}
            {screen}
        </div>
    }
}
