//! The full notice as the kiosk shows it, in each of the event's languages: the reader's
//! language first when the event offers it.

use crate::i18n::*;
use crate::types::NoticeText;
use leptos::prelude::*;

#[component]
pub(super) fn Notices(notices: Vec<NoticeText>) -> impl IntoView {
    let i18n = use_i18n();
    let list = move || {
        if notices.is_empty() {
            return view! { <p class="empty">{t!(i18n, privacy.notice_none)}</p> }.into_any();
        }
        let current = i18n.get_locale().as_str();
        let mut ordered: Vec<&NoticeText> = notices.iter().filter(|n| n.lang == current).collect();
        ordered.extend(notices.iter().filter(|n| n.lang != current));
        ordered
            .into_iter()
            .map(|n| {
                let name = match n.lang.as_str() {
                    "en" => t_string!(i18n, lang.en).to_string(),
                    _ => t_string!(i18n, lang.lv).to_string(),
                };
                let id = format!("privacy-notice-{}", n.lang);
                view! {
                    <section class="notice-lang" lang=n.lang.clone() aria-labelledby=id.clone()>
                        <h3 id=id.clone()>{name}</h3>
                        <div class="notice">
                            {n.text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                        </div>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="card" aria-labelledby="privacy-notice-title">
            <h2 id="privacy-notice-title">{t!(i18n, privacy.notice_title)}</h2>
            <p class="help">{t!(i18n, privacy.notice_help)}</p>
            {list}
        </section>
    }
}
