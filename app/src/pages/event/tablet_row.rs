//! One paired tablet: its name, state in words, when it was paired and last seen, the
//! registrations made on it and its last day; rename, extend and revoke (with a
//! confirmation step) while it is not revoked.

use crate::api::kiosk::ChangeKioskTablet;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::{KioskTablet, PublicId, TabletChangeInput, TabletStatus};
use leptos::prelude::*;

#[component]
pub(super) fn TabletRow(
    event_id: PublicId,
    tablet: KioskTablet,
    change: ServerAction<ChangeKioskTablet>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = tablet.id;
    let event = StoredValue::new(event_id);
    let send = move |c: TabletChangeInput| {
        change.dispatch(ChangeKioskTablet {
            event_id: event.get_value(),
            device_id: id,
            change: c,
        });
    };
    let new_name = RwSignal::new(tablet.label.clone());
    let until = RwSignal::new(tablet.valid_until.clone().unwrap_or_default());
    let confirming = RwSignal::new(false);
    let status = tablet.status;
    let (state_class, state_words) = match status {
        TabletStatus::Active => (
            "tablet-state active",
            t_string!(i18n, tablets.active).to_string(),
        ),
        TabletStatus::Revoked => (
            "tablet-state revoked",
            t_string!(i18n, tablets.revoked).to_string(),
        ),
        TabletStatus::Expired => (
            "tablet-state expired",
            t_string!(i18n, tablets.expired).to_string(),
        ),
    };
    let icon = match status {
        TabletStatus::Active => "✔",
        TabletStatus::Revoked => "✖",
        TabletStatus::Expired => "⌛",
    };
    let label = tablet.label.clone();
    let name_id = format!("tablet-{id}-name");
    let until_id = format!("tablet-{id}-until");
    let last_seen = tablet.last_seen_at.as_deref().map(short_time);
    view! {
        <li class="tablet" aria-labelledby=format!("tablet-{id}-title")>
            <h4 id=format!("tablet-{id}-title")>{tablet.label.clone()}</h4>
            <p class=state_class><span aria-hidden="true">{icon}</span> " " {state_words}</p>
            <dl class="tablet-facts">
                <div><dt>{t!(i18n, tablets.paired_at)}</dt><dd>{short_time(&tablet.paired_at)}</dd></div>
                <div>
                    <dt>{t!(i18n, tablets.last_seen)}</dt>
                    <dd>{match last_seen {
                        Some(t) => t.into_any(),
                        None => t!(i18n, tablets.never).into_any(),
                    }}</dd>
                </div>
                <div><dt>{t!(i18n, tablets.registrations)}</dt><dd>{tablet.registrations}</dd></div>
                <div>
                    <dt>{t!(i18n, tablets.until)}</dt>
                    <dd>{match tablet.valid_until.clone() {
                        Some(d) => d.into_any(),
                        None => t!(i18n, tablets.until_none).into_any(),
                    }}</dd>
                </div>
            </dl>
            <Show when=move || status != TabletStatus::Revoked>
                <details class="tablet-edit">
                    <summary>{t!(i18n, tablets.change)}</summary>
                    <form on:submit=move |ev| {
                        ev.prevent_default();
                        send(TabletChangeInput::Rename { label: new_name.get_untracked() });
                    }>
                        <div class="field">
                            <label for=name_id.clone()>{t!(i18n, tablets.rename_label)}</label>
                            <input
                                id=name_id.clone()
                                type="text"
                                maxlength="60"
                                prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev))
                            />
                        </div>
                        <button type="submit" class="secondary" disabled=move || change.pending().get()>{t!(i18n, tablets.rename)}</button>
                    </form>
                    <form on:submit=move |ev| {
                        ev.prevent_default();
                        send(TabletChangeInput::ValidUntil { day: until.get_untracked() });
                    }>
                        <div class="field">
                            <label for=until_id.clone()>{t!(i18n, tablets.until_label)}</label>
                            <input
                                id=until_id.clone()
                                type="date"
                                prop:value=move || until.get()
                                on:input=move |ev| until.set(event_target_value(&ev))
                            />
                        </div>
                        <button type="submit" class="secondary" disabled=move || change.pending().get()>{t!(i18n, tablets.extend)}</button>
                    </form>
                </details>
                {
                    let label = label.clone();
                    view! {
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <button type="button" class="danger" on:click=move |_| confirming.set(true)>
                                    {t!(i18n, tablets.revoke)}
                                </button>
                            }
                        >
                            <div class="confirm" role="alertdialog" aria-labelledby=format!("tablet-{id}-confirm")>
                                <p id=format!("tablet-{id}-confirm")>
                                    {
                                        let label = label.clone();
                                        move || t_string!(i18n, tablets.revoke_confirm, name = label.as_str()).to_string()
                                    }
                                </p>
                                <button type="button" class="danger" on:click=move |_| {
                                    confirming.set(false);
                                    send(TabletChangeInput::Revoke);
                                }>
                                    {t!(i18n, tablets.revoke_yes)}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    {t!(i18n, tablets.cancel)}
                                </button>
                            </div>
                        </Show>
                    }
                }
            </Show>
        </li>
    }
}
