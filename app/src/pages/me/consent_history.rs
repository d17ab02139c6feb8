//! `/me`: the photo choice's history, each change with the notice text shown and its
//! hash.

use super::disclosure::Disclosure;
use super::words::channel_words;
use crate::components::consent_tag::ConsentTag;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::ConsentRecord;
use leptos::prelude::*;

#[component]
pub(super) fn ConsentHistory(history: Memo<Vec<ConsentRecord>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // A list, not a table: it fits a phone without sideways scrolling.
        <Disclosure id="me-history" title=Signal::derive(move || t_string!(i18n, me.history_title).to_string())>
            <p class="help">{t!(i18n, me.history_help)}</p>
            <Show
                when=move || history.with(|h| !h.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, me.history_empty)}</p> }
            >
                <ol class="me-list">
                    {move || {
                        history
                            .get()
                            .into_iter()
                            .map(|h| {
                                let guardian = h.guardian_name.clone().filter(|g| !g.is_empty());
                                view! {
                                    <li>
                                        <dl class="facts me-list-facts">
                                            <dt>{t!(i18n, me.col_time)}</dt>
                                            <dd>{short_time(&h.at)}</dd>
                                            <dt>{t!(i18n, me.col_choice)}</dt>
                                            <dd>
                                                <ConsentTag consent=Some(h.choice)/>
                                                {guardian.map(|name| view! { <span class="help">{t!(i18n, me.guardian_by, name)}</span> })}
                                            </dd>
                                            <dt>{t!(i18n, me.col_channel)}</dt>
                                            <dd>{move || channel_words(i18n, h.channel)}</dd>
                                            <dt>{t!(i18n, me.col_notice)}</dt>
                                            <dd class="me-notice">
                                                <details>
                                                    <summary>{t!(i18n, me.notice_show)}</summary>
                                                    <div class="notice">
                                                        {h.notice_text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                                                    </div>
                                                </details>
                                                <p class="sha">
                                                    {t!(i18n, me.notice_hash)} " "
                                                    <code>{h.notice_sha256.clone()}</code>
                                                </p>
                                            </dd>
                                        </dl>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
        </Disclosure>
    }
}
