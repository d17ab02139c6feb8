//! The data subject's own data (issue 6; requirements 5, 8, 17): what the self-service
//! page shows after the private code, the access/portability copy (JSON and CSV), and
//! corrections. The private code is checked here; every read goes through the store
//! and is audited.

use super::auth::{normalise_code, token_hash};
use super::consent::{self, Decision, RegisterError};
use super::photos::Rendition;
use super::requests;
use super::{Actor, AppState, StoreError};
use crate::types::{
    AttendeeDetail, BadInput, Channel, Consent, ConsentInput, DataExport, Field, MyData, MyField,
    MyPhoto, MyRequest, MyRequestInput,
};
use crate::types::{AttendeeId, EventId, NoticeRef, PublicId};
use base64::Engine;

/// Most thumbnails the self-service page receives at once.
pub const MAX_THUMBS: usize = 60;

/// Wrong private codes per client address before 429: 10 in 15 minutes.
pub const CODE_ATTEMPTS: u32 = 10;

/// The attendee (and their event) a private code belongs to; `None` when it is wrong.
pub async fn attendee_for_code(
    state: &AppState,
    code: &str,
) -> Result<Option<(AttendeeId, EventId)>, StoreError> {
    let normal = normalise_code(code);
    if normal.is_empty() || normal.len() > 64 {
        return Ok(None);
    }
    state.store.subject_by_code(token_hash(&normal)).await
}

/// An attendee proven by their private code on the self-service page.
#[derive(Clone, Copy, Debug)]
pub struct Subject {
    pub attendee_id: AttendeeId,
    pub event_id: EventId,
}

impl Subject {
    pub fn actor(self) -> Actor {
        Actor::DataSubject {
            attendee_id: self.attendee_id,
        }
    }
}

/// Checks a private code typed on `/me`: missing or wrong is a 400 (and a wrong one a
/// strike for the client address); too many strikes lately is 429.
pub async fn prove(
    state: &AppState,
    client_ip: &str,
    code: &str,
) -> Result<Subject, RegisterError> {
    if state.code_by_ip.is_blocked(client_ip) {
        return Err(RegisterError::RateLimited);
    }
    if code.trim().is_empty() {
        return Err(BadInput::CodeMissing.into());
    }
    match attendee_for_code(state, code).await? {
        Some((attendee_id, event_id)) => Ok(Subject {
            attendee_id,
            event_id,
        }),
        None => {
            state.code_by_ip.record(client_ip);
            Err(BadInput::CodeWrong.into())
        }
    }
}

/// What the attendee does on `/me`.
pub enum SubjectAction {
    /// See their data.
    Open,
    /// Correct one field (rectification): only fields the event collects; a required one
    /// cannot be emptied.
    Correct { field: Field, value: String },
    /// Switch consent either way (channel `self_service`), recording the notice version
    /// the page showed while it is current (else 409 `notice_changed`); a minor's green
    /// needs the guardian as at the kiosk.
    Consent {
        choice: Consent,
        guardian: ConsentInput,
        notice: Option<NoticeRef>,
    },
    /// Ask for photo removal, erasure, objection or restriction.
    Request(MyRequestInput),
}

/// Carries out `action` for the proven attendee and returns their page's data.
pub async fn act(
    state: &AppState,
    who: Subject,
    action: SubjectAction,
) -> Result<MyData, RegisterError> {
    let store = &state.store;
    match action {
        SubjectAction::Open => {}
        SubjectAction::Correct { field, value } => {
            let settings = store.event_settings(who.event_id).await?;
            if !settings.fields.get(field).enabled {
                return Err(BadInput::FieldNotCollected.into());
            }
            let mut fields = store.subject_fields(who.attendee_id).await?;
            fields.set(field, Some(value));
            let clean = consent::clean_fields(&settings.fields, fields)?;
            let value = clean.get(field).map(String::from);
            store
                .correct_field(who.actor(), who.attendee_id, field, value)
                .await?;
        }
        SubjectAction::Consent {
            choice,
            guardian,
            notice,
        } => {
            let input = ConsentInput {
                choice: Some(choice),
                notice,
                ..guardian
            };
            let d = Decision::from_input(&who.actor(), Channel::SelfService, input)?;
            consent::change(store, who.actor(), who.attendee_id, d).await?;
        }
        SubjectAction::Request(request) => {
            requests::open_by_subject(store, who.attendee_id, request).await?;
        }
    }
    Ok(my_data(state, who.attendee_id).await?)
}

/// The organiser's copy of one attendee of their event, for a request by email
/// (audited); 404 for an attendee of another event.
pub async fn export_for_event(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
    attendee_id: AttendeeId,
) -> Result<DataExport, StoreError> {
    let (event, _) = state.store.attendee_event_and_minor(attendee_id).await?;
    if event != event_id {
        return Err(StoreError::NotFound);
    }
    export(state, actor, attendee_id).await
}

/// Everything the page shows. Audited as the subject viewing their own record.
pub async fn my_data(state: &AppState, attendee_id: AttendeeId) -> Result<MyData, StoreError> {
    let actor = Actor::DataSubject { attendee_id };
    let (event_id, detail) = state
        .store
        .attendee_detail(actor.clone(), attendee_id)
        .await?;
    let event = state.store.event_by_id(event_id).await?;
    let settings = state.store.event_settings(event_id).await?;
    let fields = Field::ALL
        .into_iter()
        .filter(|f| settings.fields.get(*f).enabled)
        .map(|f| MyField {
            field: f,
            value: detail.fields.get(f).unwrap_or("").to_string(),
            required: settings.fields.get(f).required,
        })
        .collect();
    let photos = state.store.subject_photos(actor, attendee_id).await?;
    let green = detail.consent == Some(crate::types::Consent::Green);
    let thumbs = if green {
        let files = state.photos.clone();
        let ids: Vec<PublicId> = photos
            .iter()
            .take(MAX_THUMBS)
            .map(|p| p.public_id.clone())
            .collect();
        tokio::task::spawn_blocking(move || {
            ids.into_iter()
                .filter_map(|id| {
                    let bytes = std::fs::read(files.path(id.as_str(), Rendition::Thumb)).ok()?;
                    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
                    Some(MyPhoto {
                        id: id.into_string(),
                        thumb: format!("data:image/jpeg;base64,{b64}"),
                    })
                })
                .collect()
        })
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?
    } else {
        Vec::new()
    };
    let today = requests::today();
    let requests = state
        .store
        .subject_requests(attendee_id)
        .await?
        .iter()
        .map(|c| {
            let (due_on, _, _) = requests::deadline(c, today);
            MyRequest {
                kind: c.kind,
                status: c.status,
                received_at: c.received_at.clone(),
                due_on,
            }
        })
        .collect();
    Ok(MyData {
        event_name: event.name,
        fields,
        is_minor: detail.is_minor,
        registered_at: detail.registered_at,
        checked_in_at: detail.checked_in_at,
        consent: detail.consent,
        history: detail.history,
        photo_count: photos.len(),
        photos: thumbs,
        requests,
        notices: super::notice::current_all(&state.store, event_id, &settings.languages).await?,
    })
}

/// The access/portability copy: the whole record as JSON (every field named, null when
/// the event does not collect it or it is empty; consent history with each notice text;
/// photos; requests) and the same tabular parts as CSV in long form
/// (`section,item,key,value`). Reading it is audited as `attendee.export` by `actor`.
pub async fn export(
    state: &AppState,
    actor: Actor,
    attendee_id: AttendeeId,
) -> Result<DataExport, StoreError> {
    let (event_id, detail) = state
        .store
        .attendee_detail(actor.clone(), attendee_id)
        .await?;
    let event = state.store.event_by_id(event_id).await?;
    let photos = state
        .store
        .subject_photos(actor.clone(), attendee_id)
        .await?;
    let requests = state.store.subject_requests(attendee_id).await?;
    state
        .store
        .audit(actor, "attendee.export", format!("attendee:{attendee_id}"))
        .await?;
    let today = requests::today();
    let json = to_json(&event.name, &detail, &photos, &requests, today);
    let csv = to_csv(&json);
    let stamp = format!(
        "{:04}-{:02}-{:02}",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    Ok(DataExport {
        file_stem: format!("lanyard-my-data-{stamp}"),
        json: serde_json::to_string_pretty(&json)
            .map_err(|e| StoreError::Internal(e.to_string()))?,
        csv,
    })
}

fn to_json(
    event_name: &str,
    d: &AttendeeDetail,
    photos: &[super::store::SubjectPhoto],
    requests: &[super::store::RequestRecord],
    today: time::Date,
) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let mut fields = Map::new();
    for f in Field::ALL {
        fields.insert(
            f.as_str().to_string(),
            d.fields
                .get(f)
                .map_or(Value::Null, |v| Value::String(v.into())),
        );
    }
    json!({
        "format": "lanyard-personal-data/1",
        "exported_at": super::store::now_rfc3339(),
        "event": event_name,
        "fields": fields,
        "is_minor": d.is_minor,
        "registered_at": d.registered_at,
        "checked_in_at": d.checked_in_at,
        "registration_source": d.source,
        "consent": d.consent.map(|c| c.as_str()),
        "consent_history": d.history.iter().map(|c| json!({
            "choice": c.choice.as_str(),
            "at": c.at,
            "channel": c.channel.as_str(),
            "notice_version": c.notice_version_id,
            "notice_sha256": c.notice_sha256,
            "notice_text": c.notice_text,
            "guardian_name": c.guardian_name,
            "guardian_confirmed": c.guardian_confirmed,
            "guardian_signature": c.signature_ref.is_some(),
        })).collect::<Vec<_>>(),
        "photos": photos.iter().map(|p| json!({
            "id": p.public_id,
            "taken_at": p.taken_at,
            "uploaded_at": p.uploaded_at,
        })).collect::<Vec<_>>(),
        "requests": requests.iter().map(|c| {
            let (due_on, _, _) = requests::deadline(c, today);
            json!({
                "kind": c.kind.as_str(),
                "status": c.status.as_str(),
                "received_at": c.received_at,
                "due_on": due_on,
                "closed_at": c.closed_at,
                "message": c.message,
            })
        }).collect::<Vec<_>>(),
    })
}

/// The JSON flattened into `section,item,key,value` rows: one row per scalar, `item`
/// numbering the rows of lists (1-based), empty for single values. Written by
/// [`crate::csv_text::CsvText`], so a value that starts like a formula is escaped.
fn to_csv(v: &serde_json::Value) -> String {
    use serde_json::Value;
    let mut w = crate::csv_text::CsvText::new();
    w.row(["section", "item", "key", "value"]);
    let scalar = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if let Value::Object(top) = v {
        for (section, value) in top {
            match value {
                Value::Object(map) => {
                    for (k, x) in map {
                        w.row([section.as_str(), "", k.as_str(), &scalar(x)]);
                    }
                }
                Value::Array(list) => {
                    for (i, row) in list.iter().enumerate() {
                        let n = (i + 1).to_string();
                        if let Value::Object(map) = row {
                            for (k, x) in map {
                                w.row([section.as_str(), &n, k.as_str(), &scalar(x)]);
                            }
                        }
                    }
                }
                other => w.row([section.as_str(), "", "", &scalar(other)]),
            }
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_one_row_per_value_with_lists_numbered() {
        let v = serde_json::json!({
            "event": "Conf",
            "fields": {"first_name": "Anna", "email": null},
            "consent_history": [{"choice": "green"}, {"choice": "red"}],
        });
        let csv = to_csv(&v);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "section,item,key,value");
        assert!(lines.contains(&"event,,,Conf"));
        assert!(lines.contains(&"fields,,first_name,Anna"));
        assert!(lines.contains(&"fields,,email,"));
        assert!(lines.contains(&"consent_history,1,choice,green"));
        assert!(lines.contains(&"consent_history,2,choice,red"));
    }

    /// Issue 14, point 6: a value typed as a formula is text in the copy.
    #[test]
    fn csv_values_that_start_like_a_formula_are_escaped() {
        let v = serde_json::json!({
            "fields": {"first_name": "=HYPERLINK(\"http://evil.example\",\"x\")", "phone": "+371 2000 0000", "organisation": "@Corp"},
        });
        let csv = to_csv(&v);
        assert!(
            csv.contains(
                "fields,,first_name,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\r\n"
            ),
            "{csv}"
        );
        assert!(csv.contains("fields,,phone,'+371 2000 0000\r\n"), "{csv}");
        assert!(csv.contains("fields,,organisation,'@Corp\r\n"), "{csv}");
    }
}
