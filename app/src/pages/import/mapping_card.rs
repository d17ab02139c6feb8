//! The proposed column mapping, one select per slot, and the import button.

use super::slots::{slot_get, slot_set, Slot, SLOTS};
use crate::api::attendees::ImportAttendees;
use crate::components::person_fields::field_label;
use crate::i18n::*;
use crate::types::{ColumnMapping, ImportPreview};
use leptos::prelude::*;

#[component]
pub(super) fn MappingCard(
    p: ImportPreview,
    event_id: Memo<crate::types::PublicId>,
    csv: RwSignal<Option<String>>,
    mapping: RwSignal<ColumnMapping>,
    import: ServerAction<ImportAttendees>,
) -> impl IntoView {
    let i18n = use_i18n();
    let slot_label = move |s: Slot| match s {
        Slot::FullName => t_string!(i18n, imp.full_name).to_string(),
        Slot::Field(f) => field_label(i18n, f),
    };
    let rows = p.rows.to_string();
    let format = match p.format.as_str() {
        "pretix" => "pretix".to_string(),
        "indico" => "Indico".to_string(),
        "hievents" => "Hi.Events".to_string(),
        _ => t_string!(i18n, imp.format_generic).to_string(),
    };
    let headers = StoredValue::new(p.headers.clone());
    view! {
        <section class="card" aria-labelledby="map-title">
            <h2 id="map-title">{t!(i18n, imp.mapping_title)}</h2>
            <p role="status">{t!(i18n, imp.found, format, rows)}</p>
            {SLOTS
                .into_iter()
                .map(|s| {
                    let id = format!("map-{}", match s { Slot::FullName => "full_name", Slot::Field(f) => f.as_str() });
                    view! {
                        <div class="field">
                            <label for=id.clone()>{move || slot_label(s)}</label>
                            <select
                                id=id
                                prop:value=move || mapping.with(|m| slot_get(m, s).map(|i| i.to_string()).unwrap_or_default())
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).parse::<usize>().ok();
                                    mapping.update(|m| slot_set(m, s, v));
                                }
                            >
                                <option value="">{t!(i18n, imp.not_imported)}</option>
                                {headers
                                    .get_value()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, h)| view! { <option value=i.to_string()>{h}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })
                .collect_view()}
            <p class="help">{t!(i18n, imp.dropped_help)}</p>
            <button
                type="button"
                class="primary"
                disabled=move || import.pending().get() || csv.with(Option::is_none)
                on:click=move |_| {
                    if let Some(text) = csv.get_untracked() {
                        import.dispatch(ImportAttendees {
                            event_id: event_id.get_untracked(),
                            csv: text,
                            mapping: mapping.get_untracked(),
                        });
                    }
                }
            >
                {move || if import.pending().get() { t_string!(i18n, imp.importing).to_string() } else { t_string!(i18n, imp.import).to_string() }}
            </button>
        </section>
    }
}
