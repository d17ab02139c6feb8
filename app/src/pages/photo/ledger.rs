//! The publication ledger: where the photo was published, and adding an entry.

use crate::api::photos::AddPublication;
use crate::i18n::*;
use crate::types::PhotoDetail;
use leptos::prelude::*;

#[component]
pub(super) fn Ledger(
    detail: RwSignal<PhotoDetail>,
    publication: ServerAction<AddPublication>,
) -> impl IntoView {
    let i18n = use_i18n();
    let channel = RwSignal::new("website".to_string());
    let url = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let channel_words = move |c: &str| match c {
        "website" => t_string!(i18n, ph.ch_website).to_string(),
        "social" => t_string!(i18n, ph.ch_social).to_string(),
        "press" => t_string!(i18n, ph.ch_press).to_string(),
        _ => t_string!(i18n, ph.ch_print).to_string(),
    };
    view! {
        <section class="card" aria-labelledby="ledger-title">
            <h2 id="ledger-title">{t!(i18n, ph.pub_title)}</h2>
            {move || {
                let list = detail.get().publications;
                if list.is_empty() {
                    view! { <p class="empty">{t!(i18n, ph.pub_none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="ledger">
                            {list
                                .into_iter()
                                .map(|p| view! {
                                    <li>
                                        <strong>{channel_words(&p.channel)}</strong>
                                        " · " {p.published_on.clone()}
                                        {(!p.url.is_empty()).then(|| view! { " · " <a href=p.url.clone() rel="noopener noreferrer">{p.url.clone()}</a> })}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <form on:submit=move |ev| {
                ev.prevent_default();
                publication.dispatch(AddPublication {
                    photo_id: detail.with_untracked(|d| d.id.clone()),
                    channel: channel.get(),
                    url: url.get(),
                    published_on: date.get(),
                });
            }>
                <label for="pub-channel">{t!(i18n, ph.pub_channel)}</label>
                <select id="pub-channel" prop:value=move || channel.get() on:change=move |e| channel.set(event_target_value(&e))>
                    <option value="website">{t!(i18n, ph.ch_website)}</option>
                    <option value="social">{t!(i18n, ph.ch_social)}</option>
                    <option value="press">{t!(i18n, ph.ch_press)}</option>
                    <option value="print">{t!(i18n, ph.ch_print)}</option>
                </select>
                <label for="pub-url">{t!(i18n, ph.pub_url)}</label>
                <input id="pub-url" type="url" prop:value=move || url.get() on:input=move |e| url.set(event_target_value(&e))/>
                <label for="pub-date">{t!(i18n, ph.pub_date)}</label>
                <input id="pub-date" type="date" prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e))/>
                <button type="submit" class="secondary">{t!(i18n, ph.pub_add)}</button>
            </form>
        </section>
    }
}
