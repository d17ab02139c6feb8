//! The deadline countdown of a request, in the list and in the request's facts.

use super::warn_icon::WarnIcon;
use super::words::singular;
use crate::i18n::*;
use leptos::prelude::*;

/// "12 days left", "Due today", "Overdue – 3 days past the due date" (the word and an
/// icon, never colour alone), or "Closed".
#[component]
pub(super) fn Countdown(days_left: Option<i64>, overdue: bool) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let locale = i18n.get_locale();
        match days_left {
            None => Some(t_string!(i18n, requests.closed).to_string()),
            Some(d) if d < 0 => {
                let n = -d;
                Some(if singular(locale, n) {
                    t_string!(i18n, requests.overdue_sg, n = n).to_string()
                } else {
                    t_string!(i18n, requests.overdue_pl, n = n).to_string()
                })
            }
            Some(0) if overdue => None,
            Some(0) => Some(t_string!(i18n, requests.due_today).to_string()),
            Some(d) => Some(if singular(locale, d) {
                t_string!(i18n, requests.left_sg, n = d).to_string()
            } else {
                t_string!(i18n, requests.left_pl, n = d).to_string()
            }),
        }
    };
    let class = match days_left {
        _ if overdue => "countdown overdue",
        None => "countdown closed",
        Some(d) if d <= 3 => "countdown soon",
        Some(_) => "countdown",
    };
    view! {
        <span class=class>
            {overdue.then(|| view! { <WarnIcon/> <strong>{t!(i18n, requests.overdue)}</strong> })}
            {move || {
                text()
                    .map(|t| {
                        let sep = if overdue { " – " } else { "" };
                        format!("{sep}{t}")
                    })
            }}
        </span>
    }
}
