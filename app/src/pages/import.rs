//! CSV import of pre-registered attendees (issue 3, item 3): choose a file, check the
//! proposed column mapping, import all lines or none, then hand out the check-in codes
//! (shown once; a download keeps them for sending).

use crate::api::attendees::{get_event_stats, ImportAttendees, PreviewImport};
use crate::components::auth::RequireManager;
use crate::components::errors::ErrorText;
use crate::components::loaded::loaded;
use crate::components::person_fields::field_label;
use crate::i18n::*;
use crate::types::{ColumnMapping, Field, ImportOutcome};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <RequireManager>
            <ImportPanel/>
        </RequireManager>
    }
}

/// Which mapping slot a select edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Field(Field),
    FullName,
}

fn slot_get(m: &ColumnMapping, s: Slot) -> Option<usize> {
    match s {
        Slot::FullName => m.full_name,
        Slot::Field(Field::FirstName) => m.first_name,
        Slot::Field(Field::LastName) => m.last_name,
        Slot::Field(Field::Organisation) => m.organisation,
        Slot::Field(Field::RoleTitle) => m.role_title,
        Slot::Field(Field::Email) => m.email,
        Slot::Field(Field::Phone) => m.phone,
    }
}

fn slot_set(m: &mut ColumnMapping, s: Slot, v: Option<usize>) {
    let slot = match s {
        Slot::FullName => &mut m.full_name,
        Slot::Field(Field::FirstName) => &mut m.first_name,
        Slot::Field(Field::LastName) => &mut m.last_name,
        Slot::Field(Field::Organisation) => &mut m.organisation,
        Slot::Field(Field::RoleTitle) => &mut m.role_title,
        Slot::Field(Field::Email) => &mut m.email,
        Slot::Field(Field::Phone) => &mut m.phone,
    };
    *slot = v;
}

/// The codes as a CSV for download: line, name, email, code. Cells are quoted.
fn codes_csv(o: &ImportOutcome) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from("line,name,email,checkin_code\r\n");
    for c in &o.codes {
        out.push_str(&format!(
            "{},{},{},{}\r\n",
            c.line,
            q(&c.name),
            q(&c.email),
            q(&c.code)
        ));
    }
    out
}

/// Percent-encodes a text for a `data:` URL (everything but unreserved characters).
fn data_url(text: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in text.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(*b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
fn ImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let csv = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let too_large = RwSignal::new(false);
    let preview = ServerAction::<PreviewImport>::new();
    let import = ServerAction::<ImportAttendees>::new();
    let mapping = RwSignal::new(ColumnMapping::default());
    // The event's name for the heading; an event that is not this organiser's is "not found".
    let event = Resource::new(move || event_id.get(), get_event_stats);

    Effect::new(move |_| {
        if let Some(Ok(p)) = preview.value().get() {
            mapping.set(p.mapping);
        }
    });

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        preview.clear();
        import.clear();
        too_large.set(false);
        csv.set(None);
        // The server refuses more; say so before uploading.
        if file.size() > 2.0 * 1024.0 * 1024.0 {
            too_large.set(true);
            return;
        }
        reading.set(true);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            reading.set(false);
            if let Some(text) = text {
                csv.set(Some(text.clone()));
                preview.dispatch(PreviewImport {
                    event_id: event_id.get_untracked(),
                    csv: text,
                });
            }
        });
    };

    let slots = [
        Slot::Field(Field::FirstName),
        Slot::Field(Field::LastName),
        Slot::FullName,
        Slot::Field(Field::Organisation),
        Slot::Field(Field::RoleTitle),
        Slot::Field(Field::Email),
        Slot::Field(Field::Phone),
    ];
    let slot_label = move |s: Slot| match s {
        Slot::FullName => t_string!(i18n, imp.full_name).to_string(),
        Slot::Field(f) => field_label(i18n, f),
    };

    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", event_id.get())>{t!(i18n, att.back_event)}</a>
            <h1>{t!(i18n, imp.title)}</h1>
            <Transition fallback=|| ()>
                {move || event.get().map(|r| loaded(r, |o| view! { <p class="lead">{o.event.name}</p> }))}
            </Transition>
            <p class="help">{t!(i18n, imp.help)}</p>
            <div class="field">
                <label for="imp-file">{t!(i18n, imp.file)}</label>
                <input id="imp-file" type="file" accept=".csv,text/csv" on:change=on_file/>
            </div>
            {move || too_large.get().then(|| view! { <ErrorText error=crate::types::ApiError::BadInput(crate::types::BadInput::ImportTooLarge)/> })}
            {move || (reading.get() || preview.pending().get()).then(|| view! { <p class="loading" role="status">{t!(i18n, imp.reading)}</p> })}
            {move || {
                preview.value()
                    .get()
                    .map(|r| match r {
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        Ok(p) => {
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
                                    {slots
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
                                .into_any()
                        }
                    })
            }}
            {move || {
                import.value()
                    .get()
                    .map(|r| match r {
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        Ok(o) => {
                            let n = o.imported.to_string();
                            let href = data_url(&codes_csv(&o));
                            view! {
                                <section class="card" aria-labelledby="codes-title">
                                    <h2 id="codes-title">{t!(i18n, imp.done, n)}</h2>
                                    <p class="help">{t!(i18n, imp.codes_help)}</p>
                                    <a class="button primary" href=href download="checkin-codes.csv">{t!(i18n, imp.download)}</a>
                                    <div class="table-wrap">
                                        <table>
                                            <thead>
                                                <tr>
                                                    <th scope="col">{t!(i18n, imp.col_line)}</th>
                                                    <th scope="col">{t!(i18n, att.col_name)}</th>
                                                    <th scope="col">{t!(i18n, kiosk.field_email)}</th>
                                                    <th scope="col">{t!(i18n, imp.col_code)}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {o.codes
                                                    .into_iter()
                                                    .map(|c| view! {
                                                        <tr>
                                                            <td>{c.line}</td>
                                                            <td>{c.name}</td>
                                                            <td>{c.email}</td>
                                                            <td class="code">{c.code}</td>
                                                        </tr>
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                </section>
                            }
                                .into_any()
                        }
                    })
            }}
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ImportedCode;

    #[test]
    fn codes_download_quotes_cells_and_encodes_the_url() {
        let o = ImportOutcome {
            imported: 1,
            codes: vec![ImportedCode {
                line: 2,
                name: "Jānis \"JB\" Bērziņš".into(),
                email: "j@example.lv".into(),
                code: "ABCD-EFGH".into(),
            }],
        };
        let csv = codes_csv(&o);
        assert_eq!(
            csv,
            "line,name,email,checkin_code\r\n2,\"Jānis \"\"JB\"\" Bērziņš\",\"j@example.lv\",\"ABCD-EFGH\"\r\n"
        );
        let url = data_url(&csv);
        assert!(url.starts_with("data:text/csv;charset=utf-8,line%2Cname"));
        assert!(!url[28..].contains([' ', '"', ',', '\n']));
    }
}
