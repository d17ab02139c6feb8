//! The record of processing activities (GDPR Art. 30; issue 15 point 7; seeds 000
//! "datu reģistrs", 002 §5.3), generated, never typed: one activity per event from its
//! settings (controller and contacts, purposes with legal bases, the registration fields
//! switched on, recipients, transfers, periods and the days they end), the measures
//! Lanyard applies ([`measures`]), and what the purge deletes and keeps, read from the
//! retention policy ([`crate::domain::retention::policy::TABLES`]). The same record is
//! the printable page, the JSON and the CSV; every view and download is audited.

pub mod measures;
pub mod policy_words;

use super::retention::{self, policy::TABLES};
use super::store::{Clock, Store, StoreError};
use super::Actor;
use crate::i18n::*;
use crate::types::{
    DataExport, EventId, EventSummary, Field, KeptClass, Lang, ProcessingRecord, RecordActivity,
    RecordColumn, RecordController, RecordItem, RecordKept, RecordMeasure, RecordRetention,
    RecordScope, RecordTable,
};
use measures::Measure;
use time::Date;

pub const FORMAT: &str = "lanyard-processing-record/1";

/// Whose record: one event the caller manages, or every event they manage.
#[derive(Clone, Debug)]
pub enum Scope {
    Event {
        row: EventId,
        event: Box<EventSummary>,
    },
    Instance,
}

impl Scope {
    fn kind(&self) -> RecordScope {
        match self {
            Scope::Event { .. } => RecordScope::Event,
            Scope::Instance => RecordScope::Instance,
        }
    }

    /// The audit row's subject.
    fn subject(&self) -> String {
        match self {
            Scope::Event { row, .. } => format!("event:{row}"),
            Scope::Instance => "instance".into(),
        }
    }
}

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Lv => Locale::lv,
        Lang::En => Locale::en,
    }
}

/// The record for the page, audited as `record.view`.
pub async fn view(
    store: &Store,
    actor: Actor,
    scope: Scope,
    lang: Lang,
) -> Result<ProcessingRecord, StoreError> {
    let record = gather(store, &actor, &scope, lang).await?;
    store.audit(actor, "record.view", scope.subject()).await?;
    Ok(record)
}

/// The same record as pretty JSON and as CSV, audited as `record.export`.
pub async fn export(
    store: &Store,
    actor: Actor,
    scope: Scope,
    lang: Lang,
) -> Result<DataExport, StoreError> {
    let record = gather(store, &actor, &scope, lang).await?;
    store.audit(actor, "record.export", scope.subject()).await?;
    let json =
        serde_json::to_string_pretty(&record).map_err(|e| StoreError::Internal(e.to_string()))?;
    let which = match &scope {
        Scope::Event { event, .. } => event.id.as_str().to_string(),
        Scope::Instance => "all-events".into(),
    };
    Ok(DataExport {
        file_stem: format!(
            "lanyard-record-of-processing-{which}-{}",
            &record.generated_at[..10.min(record.generated_at.len())]
        ),
        json,
        csv: to_csv(&record),
    })
}

/// The events in scope with their settings and retention clocks: the one event, or every
/// event the caller may manage (an organiser's own, an admin's all).
async fn gather(
    store: &Store,
    actor: &Actor,
    scope: &Scope,
    lang: Lang,
) -> Result<ProcessingRecord, StoreError> {
    let events = match scope {
        Scope::Event { row, event } => {
            vec![((**event).clone(), store.retention_clock(*row).await?)]
        }
        Scope::Instance => {
            let mine = super::events::list_all(store, actor.clone()).await?;
            let clocks = store.retention_clocks().await?;
            mine.into_iter()
                .filter_map(|e| {
                    let c = clocks.iter().find(|c| c.public_id == e.id)?;
                    Some((e, c.clone()))
                })
                .collect()
        }
    };
    Ok(build(
        scope.kind(),
        lang,
        super::requests::today(),
        super::store::now_rfc3339(),
        &events,
    ))
}

/// The record of `events`, in `l`, as of `today`. Pure: everything comes from the
/// arguments, the policy and the measures.
pub fn build(
    scope: RecordScope,
    lang: Lang,
    today: Date,
    generated_at: String,
    events: &[(EventSummary, Clock)],
) -> ProcessingRecord {
    let l = locale(lang);
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| {
            events
                .iter()
                .any(|(_, c)| c.settings.fields.get(*f).enabled)
        })
        .collect();
    ProcessingRecord {
        format: FORMAT.into(),
        scope,
        lang: lang.as_str().into(),
        generated_at,
        activities: events
            .iter()
            .map(|(e, c)| activity(e, c, l, today))
            .collect(),
        measures: Measure::ALL
            .into_iter()
            .map(|m| RecordMeasure {
                key: m.key().into(),
                text: m.text(l),
            })
            .collect(),
        policy: policy(&fields, l),
    }
}

fn item(key: &str, label: String, detail: String) -> RecordItem {
    RecordItem {
        key: key.into(),
        label,
        detail,
    }
}

fn field_label(f: Field, l: Locale) -> String {
    match f {
        Field::FirstName => td_string!(l, kiosk.field_first_name).to_string(),
        Field::LastName => td_string!(l, kiosk.field_last_name).to_string(),
        Field::Organisation => td_string!(l, kiosk.field_organisation).to_string(),
        Field::RoleTitle => td_string!(l, kiosk.field_role_title).to_string(),
        Field::Email => td_string!(l, kiosk.field_email).to_string(),
        Field::Phone => td_string!(l, kiosk.field_phone).to_string(),
    }
}

fn activity(e: &EventSummary, c: &Clock, l: Locale, today: Date) -> RecordActivity {
    let s = &c.settings;
    let info = retention::info(c, today);
    let periods = s.periods();
    RecordActivity {
        event: e.clone(),
        controller: RecordController {
            name: s.controller_name.clone(),
            address: s.controller_address.clone(),
            email: s.controller_email.clone(),
            dpo: s.dpo_contact.clone(),
        },
        purposes: s.purposes.clone(),
        subjects: subjects(l),
        data: data(s, l),
        recipients: s.recipients.clone(),
        third_country_transfer: s.third_country_transfer,
        retention: RecordRetention {
            periods,
            archive_purpose: if periods.archive_days > 0 {
                s.archive_purpose.clone()
            } else {
                String::new()
            },
            end: info.end,
            attendees_deleted_on: info.attendees_deleted_on,
            photos_deleted_on: info.photos_deleted_on,
            archive_deleted_on: info.archive_deleted_on,
            purged_at: info.purged_at,
        },
    }
}

/// Attendees, minors (any attendee may be under 18; a green choice then needs a
/// guardian), guardians and staff users.
fn subjects(l: Locale) -> Vec<RecordItem> {
    vec![
        item(
            "attendees",
            td_string!(l, ropa.s_attendees).to_string(),
            td_string!(l, ropa.s_attendees_detail).to_string(),
        ),
        item(
            "minors",
            td_string!(l, ropa.s_minors).to_string(),
            td_string!(l, ropa.s_minors_detail).to_string(),
        ),
        item(
            "guardians",
            td_string!(l, ropa.s_guardians).to_string(),
            td_string!(l, ropa.s_guardians_detail).to_string(),
        ),
        item(
            "staff",
            td_string!(l, ropa.s_staff).to_string(),
            td_string!(l, ropa.s_staff_detail).to_string(),
        ),
    ]
}

/// The registration fields switched on (and only those), then what Lanyard itself
/// records about every attendee.
fn data(s: &crate::types::EventSettings, l: Locale) -> Vec<RecordItem> {
    let mut out: Vec<RecordItem> = s
        .fields
        .enabled()
        .into_iter()
        .map(|f| {
            let detail = if s.fields.get(f).required {
                td_string!(l, ropa.d_required).to_string()
            } else {
                td_string!(l, ropa.d_optional).to_string()
            };
            item(f.as_str(), field_label(f, l), detail)
        })
        .collect();
    out.extend([
        item(
            "under_18",
            td_string!(l, ropa.d_minor).to_string(),
            td_string!(l, ropa.d_minor_detail).to_string(),
        ),
        item(
            "photo_choice",
            td_string!(l, ropa.d_choice).to_string(),
            td_string!(l, ropa.d_choice_detail).to_string(),
        ),
        item(
            "guardian",
            td_string!(l, ropa.d_guardian).to_string(),
            td_string!(l, ropa.d_guardian_detail).to_string(),
        ),
        item(
            "photos",
            td_string!(l, ropa.d_photos).to_string(),
            td_string!(l, ropa.d_photos_detail).to_string(),
        ),
        item(
            "badge_scans",
            td_string!(l, ropa.d_scans).to_string(),
            td_string!(l, ropa.d_scans_detail).to_string(),
        ),
        item(
            "codes",
            td_string!(l, ropa.d_codes).to_string(),
            td_string!(l, ropa.d_codes_detail).to_string(),
        ),
        item(
            "requests",
            td_string!(l, ropa.d_requests).to_string(),
            td_string!(l, ropa.d_requests_detail).to_string(),
        ),
        item(
            "audit_log",
            td_string!(l, ropa.d_audit).to_string(),
            td_string!(l, ropa.d_audit_detail).to_string(),
        ),
    ]);
    out
}

/// The policy, table by table. Registration-field columns appear only for the fields
/// some event in the record collects.
fn policy(fields: &[Field], l: Locale) -> Vec<RecordTable> {
    let shown = |table: &str, col: &str| {
        table != "attendees"
            || Field::ALL
                .into_iter()
                .find(|f| f.as_str() == col)
                .is_none_or(|f| fields.contains(&f))
    };
    TABLES
        .iter()
        .map(|t| {
            let rows_deleted = t.deletes_rows();
            let mut wiped = Vec::new();
            let mut kept: Vec<RecordKept> = Vec::new();
            for (col, class, why) in t.columns {
                if !shown(t.name, col) {
                    continue;
                }
                match (class, policy_words::kept_class(*class)) {
                    (retention::policy::Class::Personal(w), _) => {
                        if !rows_deleted {
                            wiped.push(RecordColumn {
                                column: col.to_string(),
                                how: policy_words::how(*w, l),
                                reason: policy_words::reason(why, l),
                            });
                        }
                    }
                    (_, Some(k)) => match kept.iter_mut().find(|g| g.class == k) {
                        Some(g) => g.columns.push(col.to_string()),
                        None => kept.push(RecordKept {
                            class: k,
                            label: policy_words::kept_label(k, l),
                            columns: vec![col.to_string()],
                        }),
                    },
                    (_, None) => {}
                }
            }
            RecordTable {
                table: t.name.into(),
                about: policy_words::about(t.name, l),
                of_event: t.of_event.is_some(),
                rows_deleted,
                columns: if rows_deleted {
                    t.columns.iter().map(|(c, _, _)| c.to_string()).collect()
                } else {
                    Vec::new()
                },
                wiped,
                kept,
            }
        })
        .collect()
}

/// The record as CSV, one value a row: `section,event,item,key,value` (`event` is the
/// event's name for an activity's rows, empty for the record's own). Written by
/// [`crate::csv_text::CsvText`], so a purpose typed as a formula is escaped.
pub fn to_csv(r: &ProcessingRecord) -> String {
    let mut w = crate::csv_text::CsvText::new();
    w.row(["section", "event", "item", "key", "value"]);
    let scope = match r.scope {
        RecordScope::Event => "event",
        RecordScope::Instance => "instance",
    };
    for (k, v) in [
        ("format", r.format.as_str()),
        ("scope", scope),
        ("lang", &r.lang),
        ("generated_at", &r.generated_at),
    ] {
        w.row(["record", "", "", k, v]);
    }
    for a in &r.activities {
        let ev = a.event.name.as_str();
        let e = &a.event;
        for (k, v) in [
            ("id", e.id.as_str().to_string()),
            ("starts_on", e.starts_on.clone().unwrap_or_default()),
            ("ends_on", e.ends_on.clone().unwrap_or_default()),
            ("venue", e.venue.clone()),
        ] {
            w.row(["event", ev, "", k, &v]);
        }
        let c = &a.controller;
        for (k, v) in [
            ("name", &c.name),
            ("address", &c.address),
            ("email", &c.email),
            ("dpo", &c.dpo),
        ] {
            w.row(["controller", ev, "", k, v]);
        }
        for (i, p) in a.purposes.iter().enumerate() {
            let n = (i + 1).to_string();
            w.row(["purpose", ev, &n, "purpose", &p.purpose]);
            w.row(["purpose", ev, &n, "legal_basis", &p.legal_basis]);
        }
        for (section, items) in [("subject", &a.subjects), ("data", &a.data)] {
            for it in items {
                w.row([section, ev, &it.key, "label", &it.label]);
                w.row([section, ev, &it.key, "detail", &it.detail]);
            }
        }
        w.row(["recipients", ev, "", "recipients", &a.recipients]);
        let transfer = if a.third_country_transfer {
            "yes"
        } else {
            "no"
        };
        w.row(["transfer", ev, "", "third_country_transfer", transfer]);
        let t = &a.retention;
        for (k, v) in [
            ("attendee_days", t.periods.attendee_days.to_string()),
            ("photo_days", t.periods.photo_days.to_string()),
            ("archive_days", t.periods.archive_days.to_string()),
            ("archive_purpose", t.archive_purpose.clone()),
            ("end", t.end.clone().unwrap_or_default()),
            (
                "attendees_deleted_on",
                t.attendees_deleted_on.clone().unwrap_or_default(),
            ),
            (
                "photos_deleted_on",
                t.photos_deleted_on.clone().unwrap_or_default(),
            ),
            (
                "archive_deleted_on",
                t.archive_deleted_on.clone().unwrap_or_default(),
            ),
            ("purged_at", t.purged_at.clone().unwrap_or_default()),
        ] {
            w.row(["retention", ev, "", k, &v]);
        }
    }
    for m in &r.measures {
        w.row(["measure", "", &m.key, "text", &m.text]);
    }
    for t in &r.policy {
        w.row(["policy", "", &t.table, "about", &t.about]);
        if t.rows_deleted {
            w.row(["policy", "", &t.table, "rows_deleted", &t.columns.join(" ")]);
        }
        for c in &t.wiped {
            let v = format!("{}: {}", c.how, c.reason);
            w.row(["policy", "", &t.table, &format!("wiped.{}", c.column), &v]);
        }
        for k in &t.kept {
            let class = match k.class {
                KeptClass::Photo => "photo",
                KeptClass::Reduced => "reduced",
                KeptClass::Counts => "counts",
                KeptClass::Operational => "operational",
                KeptClass::Audit => "audit",
            };
            w.row(["policy", "", &t.table, class, &k.columns.join(" ")]);
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests;
