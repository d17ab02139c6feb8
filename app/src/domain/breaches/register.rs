//! Recording and changing breaches (issue 17 points 1-4; requirement 20; seed 002
//! §5.1-5.3). Organisers record and see breaches of their own events; admins all. A
//! record is checked here, once, and stored whole with each dated entry; the clocks and
//! what is still owed are computed from it ([`super::clock`], [`super::missing`]).

use super::clock::{clocks, parse_local, show_local, ClockState, LocalTimeError};
use super::{check_close, check_notifications, missing, RegisterRule};
use crate::domain::consent::RegisterError;
use crate::domain::store::{AffectedRow, Conflict, StoredBreach};
use crate::domain::{Actor, Store, StoreError};
use crate::types::{
    AffectedPerson, AttendeeId, BadInput, BreachAssessment, BreachDrafts, BreachHistoryRow,
    BreachInput, BreachList, BreachNotification, BreachRecord, BreachRow, BreachView, ClockStatus,
    ClockView, DataCategory, EventId, EventSettings, Field, Lang, NotificationInput,
    NotificationView, NotifiedTo, PersonFields, PublicId, Role,
};
use jiff::{SignedDuration, Timestamp};

/// How far ahead of the server's clock a typed time may be (a slow wall clock).
const SLACK: SignedDuration = SignedDuration::from_mins(5);

/// The signed-in user behind `actor`; kiosks and the CLI record no breaches.
pub(super) fn user(actor: &Actor) -> Result<(i64, Role), StoreError> {
    match actor {
        Actor::User { id, role } => Ok((*id, *role)),
        _ => Err(StoreError::Conflict(Conflict::NotAUser)),
    }
}

/// A required free text: trimmed, not empty, at most
/// [`MAX_TEXT`](crate::domain::requests::MAX_TEXT) characters.
fn required(s: &str, missing: BadInput) -> Result<String, BadInput> {
    let s = optional(s)?;
    if s.is_empty() {
        return Err(missing);
    }
    Ok(s)
}

fn optional(s: &str) -> Result<String, BadInput> {
    let s = s.trim();
    if s.chars().count() > crate::domain::requests::MAX_TEXT {
        return Err(BadInput::MessageTooLong);
    }
    Ok(s.to_string())
}

/// A Riga time typed into the register, not after `now`.
fn typed_time(s: &str, now: Timestamp) -> Result<Timestamp, BadInput> {
    let t = parse_local(s).map_err(|e| match e {
        LocalTimeError::Invalid => BadInput::BreachTimeInvalid,
        LocalTimeError::Skipped => BadInput::BreachTimeSkipped,
        LocalTimeError::Ambiguous => BadInput::BreachTimeAmbiguous,
    })?;
    if t > now + SLACK {
        return Err(BadInput::BreachTimeFuture);
    }
    Ok(t)
}

fn rule(r: RegisterRule) -> BadInput {
    match r {
        RegisterRule::BadTime => BadInput::BreachTimeInvalid,
        RegisterRule::DelayReasonMissing(_) => BadInput::BreachDelayReasonMissing,
        RegisterRule::CloseReasonMissing(_) => BadInput::BreachCloseReasonMissing,
    }
}

fn dedup<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(v.len());
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

fn to_json(r: &BreachRecord) -> Result<String, StoreError> {
    serde_json::to_string(r).map_err(|e| StoreError::Internal(e.to_string()))
}

pub(super) fn parse(b: &StoredBreach) -> Result<BreachRecord, StoreError> {
    serde_json::from_str(&b.record).map_err(|e| StoreError::Internal(e.to_string()))
}

/// Records a new breach (point 1). Every event must be one the caller manages and every
/// person one of those events' attendees (else 404, as for an unknown id); "everyone
/// registered at" an event lists its attendees as they are now. Returns the breach's id.
pub async fn record(
    store: &Store,
    actor: Actor,
    input: BreachInput,
    now: Timestamp,
) -> Result<PublicId, RegisterError> {
    let (user_id, role) = user(&actor)?;
    let discovered = typed_time(&input.discovered_at, now)?;
    let discovered_by = required(&input.discovered_by, BadInput::BreachDiscovererMissing)?;
    let kinds = dedup(input.kinds);
    if kinds.is_empty() {
        return Err(BadInput::BreachKindMissing.into());
    }
    let what_happened = required(&input.what_happened, BadInput::BreachDescriptionMissing)?;
    let categories = dedup(input.categories);
    if categories.is_empty() {
        return Err(BadInput::BreachCategoryMissing.into());
    }
    let risk = input.risk.ok_or(BadInput::BreachRiskMissing)?;
    let risk_reason = required(&input.risk_reason, BadInput::BreachRiskReasonMissing)?;
    let consequences = optional(&input.consequences)?;
    let measures_taken = optional(&input.measures_taken)?;
    let measures_planned = optional(&input.measures_planned)?;
    let events = dedup(input.events);
    if events.is_empty() {
        return Err(BadInput::BreachEventMissing.into());
    }
    let everyone_at = dedup(input.everyone_at);
    if everyone_at.iter().any(|e| !events.contains(e)) {
        return Err(BadInput::BreachEventMissing.into());
    }
    let mut rows: Vec<EventId> = Vec::with_capacity(events.len());
    let mut people: Vec<AttendeeId> = Vec::new();
    for e in &events {
        let (row, _) = store.event_for_user(user_id, role, e.clone()).await?;
        rows.push(row);
        if everyone_at.contains(e) {
            people.extend(store.registered_at(row).await?);
        }
    }
    people.extend(input.people);
    let people = dedup(people);
    let listed = u32::try_from(people.len()).unwrap_or(u32::MAX);
    let record = BreachRecord {
        discovered_at: discovered.to_string(),
        discovered_by,
        kinds,
        what_happened,
        categories,
        everyone_at,
        approx_people: input.approx_people.unwrap_or(listed),
        approx_records: input.approx_records.unwrap_or(listed),
        consequences,
        measures_taken,
        measures_planned,
        risk,
        risk_reason,
        notifications: vec![],
        closed_at: None,
        close_reason: String::new(),
    };
    let public_id = crate::domain::auth::random_token(16);
    store
        .record_breach(actor, public_id.clone(), to_json(&record)?, rows, people)
        .await?;
    PublicId::parse(&public_id).ok_or_else(|| StoreError::Internal("breach id".into()).into())
}

/// A breach the caller may see: 404 for another organiser's.
pub async fn find(store: &Store, actor: &Actor, id: PublicId) -> Result<StoredBreach, StoreError> {
    let (user_id, role) = user(actor)?;
    store.visible_breach(user_id, role, id).await
}

/// The clocks the record owes and where each stands at `now`: the first notification
/// to each addressee stops its clock.
pub fn clock_views(r: &BreachRecord, now: Timestamp) -> Vec<ClockView> {
    let Ok(discovered) = r.discovered_at.parse::<Timestamp>() else {
        return vec![];
    };
    clocks(discovered, r.risk)
        .into_iter()
        .map(|c| {
            let notified = r
                .notifications
                .iter()
                .filter(|n| n.to == c.to)
                .filter_map(|n| n.at.parse::<Timestamp>().ok())
                .min();
            let (status, by) = match c.state(now, notified) {
                ClockState::Running { left } => (ClockStatus::Running, left),
                ClockState::Overdue { by } => (ClockStatus::Overdue, by),
                ClockState::Done => (ClockStatus::Done, SignedDuration::ZERO),
                ClockState::DoneLate { by } => (ClockStatus::DoneLate, by),
            };
            ClockView {
                to: c.to,
                due: show_local(c.due),
                due_unix: c.due.as_second(),
                status,
                seconds: by.as_secs(),
            }
        })
        .collect()
}

fn local(s: &str) -> String {
    s.parse::<Timestamp>()
        .map(show_local)
        .unwrap_or_else(|_| s.to_string())
}

/// The register the caller may see, newest first, with each breach's clocks.
pub async fn list(store: &Store, actor: Actor, now: Timestamp) -> Result<BreachList, StoreError> {
    let (user_id, role) = user(&actor)?;
    let mut rows = Vec::new();
    for b in store.list_breaches(user_id, role).await? {
        let r = parse(&b)?;
        rows.push(BreachRow {
            id: b.public_id.clone(),
            discovered: local(&r.discovered_at),
            kinds: r.kinds.clone(),
            risk: r.risk,
            events: b.events.iter().map(|e| e.name.clone()).collect(),
            approx_people: r.approx_people,
            closed: r.closed_at.is_some(),
            clocks: clock_views(&r, now),
        });
    }
    Ok(BreachList {
        rows,
        now_unix: now.as_second(),
    })
}

/// How the organiser recognises a listed person: their name, else organisation, email
/// or phone, as the event collected.
pub fn label(f: &PersonFields) -> String {
    let name = [f.first_name.as_deref(), f.last_name.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !name.is_empty() {
        return name;
    }
    [&f.organisation, &f.email, &f.phone]
        .into_iter()
        .flatten()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_default()
}

fn person(a: &AffectedRow) -> AffectedPerson {
    AffectedPerson {
        id: a.id,
        event: a.event_public_id.clone(),
        label: label(&a.fields),
    }
}

/// One breach with the people it lists (a read of their data: audited `breach.view`),
/// its clocks, what is still owed and its history.
pub async fn view(
    store: &Store,
    actor: Actor,
    b: &StoredBreach,
    now: Timestamp,
) -> Result<BreachView, StoreError> {
    let r = parse(b)?;
    let people = store.breach_affected(actor, b.row, "breach.view").await?;
    let history = store
        .breach_history_named(b.row)
        .await?
        .into_iter()
        .map(|(e, by)| BreachHistoryRow {
            at: local(&e.at),
            by,
            change: e.change,
        })
        .collect();
    let clocks = clock_views(&r, now);
    let notifications = r
        .notifications
        .iter()
        .map(|n| NotificationView {
            to: n.to,
            at: local(&n.at),
            how: n.how.clone(),
            reference: n.reference.clone(),
            people: n.people,
            delay_reason: n.delay_reason.clone(),
            late: clocks.iter().any(|c| {
                c.to == n.to
                    && n.at
                        .parse::<Timestamp>()
                        .is_ok_and(|t| t.as_second() > c.due_unix)
            }),
        })
        .collect();
    Ok(BreachView {
        id: b.public_id.clone(),
        discovered: local(&r.discovered_at),
        closed: r.closed_at.as_deref().map(local),
        events: b.events.clone(),
        people: people.iter().map(person).collect(),
        missing: missing(&r).unwrap_or_default(),
        clocks,
        notifications,
        history,
        now_unix: now.as_second(),
        record: r,
    })
}

/// The settings of the breach's events (controller, contacts, fields collected).
pub(super) async fn find_settings(
    store: &Store,
    b: &StoredBreach,
) -> Result<Vec<EventSettings>, StoreError> {
    let mut out = Vec::with_capacity(b.event_rows.len());
    for e in &b.event_rows {
        out.push(store.event_settings(*e).await?);
    }
    Ok(out)
}

/// The drafted notifications in `lang` ([`super::drafts`]).
pub async fn drafts(
    store: &Store,
    b: &StoredBreach,
    lang: Lang,
    now: Timestamp,
) -> Result<BreachDrafts, StoreError> {
    let r = parse(b)?;
    let settings = find_settings(store, b).await?;
    let names: Vec<String> = b.events.iter().map(|e| e.name.clone()).collect();
    let clocks = clock_views(&r, now);
    Ok(super::drafts::drafts(
        lang,
        b.public_id.as_str(),
        &r,
        &names,
        &settings,
        &clocks,
    ))
}

/// The categories a breach of these events can concern: the fields any of them
/// collects, then what every event has.
pub async fn categories(
    store: &Store,
    actor: &Actor,
    events: Vec<PublicId>,
) -> Result<Vec<DataCategory>, StoreError> {
    let (user_id, role) = user(actor)?;
    let mut out = Vec::new();
    for e in dedup(events) {
        let (row, _) = store.event_for_user(user_id, role, e).await?;
        let s = store.event_settings(row).await?;
        for f in Field::ALL {
            let c = DataCategory::of_field(f);
            if s.fields.get(f).enabled && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out.sort_by_key(|c| DataCategory::ORDER.iter().position(|x| x == c));
    out.extend(DataCategory::ALWAYS);
    Ok(out)
}

/// Adds a dated entry made by `f` to an open breach's record.
async fn change(
    store: &Store,
    actor: Actor,
    b: &StoredBreach,
    what: String,
    f: impl FnOnce(&mut BreachRecord) -> Result<(), BadInput>,
) -> Result<(), RegisterError> {
    let mut r = parse(b)?;
    if r.closed_at.is_some() {
        return Err(BadInput::BreachClosed.into());
    }
    f(&mut r)?;
    store
        .add_breach_entry(actor, b.row, b.latest, what, to_json(&r)?)
        .await?;
    Ok(())
}

/// A new assessment (numbers, consequences, measures, risk): the entry names the fields
/// that changed, e.g. `assessment: risk, measures_planned`.
pub async fn assess(
    store: &Store,
    actor: Actor,
    b: &StoredBreach,
    a: BreachAssessment,
) -> Result<(), RegisterError> {
    let before = parse(b)?;
    let mut after = before.clone();
    after.approx_people = a.approx_people;
    after.approx_records = a.approx_records;
    after.consequences = optional(&a.consequences)?;
    after.measures_taken = optional(&a.measures_taken)?;
    after.measures_planned = optional(&a.measures_planned)?;
    after.risk = a.risk;
    after.risk_reason = required(&a.risk_reason, BadInput::BreachRiskReasonMissing)?;
    let mut changed = Vec::new();
    for (name, differs) in [
        ("approx_people", before.approx_people != after.approx_people),
        (
            "approx_records",
            before.approx_records != after.approx_records,
        ),
        ("consequences", before.consequences != after.consequences),
        (
            "measures_taken",
            before.measures_taken != after.measures_taken,
        ),
        (
            "measures_planned",
            before.measures_planned != after.measures_planned,
        ),
        ("risk", before.risk != after.risk),
        ("risk_reason", before.risk_reason != after.risk_reason),
    ] {
        if differs {
            changed.push(name);
        }
    }
    if changed.is_empty() {
        return Ok(());
    }
    let what = format!("assessment: {}", changed.join(", "));
    change(store, actor, b, what, move |r| {
        *r = BreachRecord {
            notifications: std::mem::take(&mut r.notifications),
            closed_at: r.closed_at.take(),
            close_reason: std::mem::take(&mut r.close_reason),
            ..after
        };
        Ok(())
    })
    .await
}

/// Records a notification made (point 3). One made after its clock's due time needs
/// the reason for the delay.
pub async fn notify(
    store: &Store,
    actor: Actor,
    b: &StoredBreach,
    n: NotificationInput,
    now: Timestamp,
) -> Result<(), RegisterError> {
    let at = typed_time(&n.at, now)?;
    let how = required(&n.how, BadInput::BreachHowMissing)?;
    let reference = optional(&n.reference)?;
    let delay_reason = optional(&n.delay_reason)?;
    let to = n.to;
    let what = format!(
        "notified:{}",
        match to {
            NotifiedTo::Inspectorate => "inspectorate",
            NotifiedTo::People => "people",
        }
    );
    change(store, actor, b, what, move |r| {
        let discovered: Timestamp = r
            .discovered_at
            .parse()
            .map_err(|_| BadInput::BreachTimeInvalid)?;
        if at < discovered {
            return Err(BadInput::BreachNotifiedBeforeDiscovery);
        }
        r.notifications.push(BreachNotification {
            to,
            at: at.to_string(),
            how,
            reference,
            people: n.people,
            delay_reason,
        });
        check_notifications(r).map_err(rule)
    })
    .await
}

/// Closes a breach (point 4): every due notification recorded, or a written reason.
pub async fn close(
    store: &Store,
    actor: Actor,
    b: &StoredBreach,
    reason: String,
    now: Timestamp,
) -> Result<(), RegisterError> {
    let reason = optional(&reason)?;
    change(store, actor, b, "closed".into(), move |r| {
        r.closed_at = Some(now.to_string());
        r.close_reason = reason;
        check_close(r).map_err(rule)
    })
    .await
}

/// What a caller does on a breach's page.
pub enum BreachAction {
    View,
    Assess(BreachAssessment),
    Notify(NotificationInput),
    Close(String),
}

/// Does `action` on breach `b` and answers with the page as it then stands (audited
/// `breach.view`; a change also `breach.change`).
pub async fn act(
    store: &Store,
    actor: Actor,
    b: StoredBreach,
    action: BreachAction,
    now: Timestamp,
) -> Result<BreachView, RegisterError> {
    let changed = match action {
        BreachAction::View => false,
        BreachAction::Assess(a) => {
            assess(store, actor.clone(), &b, a).await?;
            true
        }
        BreachAction::Notify(n) => {
            notify(store, actor.clone(), &b, n, now).await?;
            true
        }
        BreachAction::Close(reason) => {
            close(store, actor.clone(), &b, reason, now).await?;
            true
        }
    };
    let b = if changed {
        find(store, &actor, b.public_id.clone()).await?
    } else {
        b
    };
    Ok(view(store, actor, &b, now).await?)
}

#[cfg(test)]
mod tests;
