//! A breach's notification clock, counting down in the page (issue 17 point 2): the
//! time left, or "Overdue" with a warning icon and the time past the deadline, or
//! notified in time or late. Words and an icon, never colour alone. The page's clock
//! starts at the server's time when the data was loaded and runs on from there.

use crate::components::breach_words::{hours_minutes_in, to_in};
use crate::i18n::*;
use crate::types::{ClockStatus, ClockView};
use leptos::prelude::*;

/// The server's `now_unix` when the page loaded, moved on every 20 seconds in the browser.
pub fn use_now(loaded: i64) -> Signal<i64> {
    let now = RwSignal::new(loaded);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            let start = js_sys::Date::now();
            let handle = set_interval_with_handle(
                move || {
                    let elapsed = ((js_sys::Date::now() - start) / 1000.0) as i64;
                    now.set(loaded + elapsed.max(0));
                },
                std::time::Duration::from_secs(20),
            );
            on_cleanup(move || {
                if let Ok(h) = handle {
                    h.clear();
                }
            });
        }
    });
    now.into()
}

/// Where the clock stands at `now`: a running clock past its due time is overdue.
fn state(c: &ClockView, now: i64) -> (ClockStatus, i64) {
    match c.status {
        ClockStatus::Running | ClockStatus::Overdue if now < c.due_unix => {
            (ClockStatus::Running, c.due_unix - now)
        }
        ClockStatus::Running | ClockStatus::Overdue => (ClockStatus::Overdue, now - c.due_unix),
        other => (other, c.seconds),
    }
}

#[component]
pub fn BreachClock(clock: ClockView, now: Signal<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let c = clock.clone();
    let current = Memo::new(move |_| state(&c, now.get()));
    let current = move || current.get();
    let due = clock.due.clone();
    let to = clock.to;
    let text = move || {
        let l = i18n.get_locale();
        let (status, secs) = current();
        let span = hours_minutes_in(l, secs);
        match status {
            ClockStatus::Running => {
                td_string!(l, breaches.clock_running, left = span, due = due.as_str()).to_string()
            }
            ClockStatus::Overdue => {
                td_string!(l, breaches.clock_overdue_by, by = span, due = due.as_str()).to_string()
            }
            ClockStatus::Done => td_string!(l, breaches.clock_done).to_string(),
            ClockStatus::DoneLate => td_string!(l, breaches.clock_done_late, by = span).to_string(),
        }
    };
    let class = move || match current().0 {
        ClockStatus::Running => "breach-clock running",
        ClockStatus::Overdue => "breach-clock overdue",
        ClockStatus::Done => "breach-clock done",
        ClockStatus::DoneLate => "breach-clock late",
    };
    view! {
        <span class=class>
            {move || match current().0 {
                ClockStatus::Overdue | ClockStatus::DoneLate => view! {
                    <svg class="clock-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M12 3 L22 20 H2 Z" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round"/>
                        <path d="M12 9 v5 M12 16.5 v1" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>
                    </svg>
                }.into_any(),
                ClockStatus::Done => view! {
                    <svg class="clock-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M4 12 l5 5 L20 6" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>
                    </svg>
                }.into_any(),
                ClockStatus::Running => view! {
                    <svg class="clock-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2.2"/>
                        <path d="M12 7 v5 l3 3" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>
                    </svg>
                }.into_any(),
            }}
            <strong>{move || to_in(i18n.get_locale(), to)}</strong>
            {move || (current().0 == ClockStatus::Overdue).then(|| view! {
                " " <strong class="overdue-word">{t!(i18n, breaches.clock_overdue)}</strong>
            })}
            ": " {text}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::NotifiedTo;

    /// A clock loaded as running turns overdue in the page once its due time passes.
    #[test]
    fn a_running_clock_turns_overdue_at_its_due_time() {
        let c = ClockView {
            to: NotifiedTo::People,
            due: "x".into(),
            due_unix: 1000,
            status: ClockStatus::Running,
            seconds: 400,
        };
        assert_eq!(state(&c, 600), (ClockStatus::Running, 400));
        assert_eq!(state(&c, 1060), (ClockStatus::Overdue, 60));
        let done = ClockView {
            status: ClockStatus::DoneLate,
            seconds: 7200,
            ..c
        };
        assert_eq!(state(&done, 99999), (ClockStatus::DoneLate, 7200));
    }
}
