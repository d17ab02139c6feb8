//! Events: validation of what an organiser enters, and the demo data.

use super::auth::{hash_password, random_token};
use super::consent::RegisterError;
use super::store::{Actor, Store, StoreError};
use crate::types::EventId;
use crate::types::{
    BadInput, EventSettings, EventSettingsView, EventSummary, EventWhen, NewEvent, Role,
};

/// Checks and tidies a new event. The error is a [`BadInput`] the UI words.
pub fn validate(mut e: NewEvent) -> Result<NewEvent, BadInput> {
    e.name = e.name.trim().to_string();
    e.venue = e.venue.trim().to_string();
    if e.name.is_empty() {
        return Err(BadInput::NameMissing);
    }
    if e.name.chars().count() > 200 || e.venue.chars().count() > 200 {
        return Err(BadInput::TooLong);
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let parse = |d: Option<String>| -> Result<Option<String>, BadInput> {
        match d.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => time::Date::parse(&s, &fmt)
                .map(|_| Some(s))
                .map_err(|_| BadInput::DateInvalid),
        }
    };
    e.starts_on = parse(e.starts_on)?;
    // The retention clock starts on the last day (issue 15, requirement 18).
    e.ends_on = Some(parse(e.ends_on)?.ok_or(BadInput::EndDateMissing)?);
    if let (Some(a), Some(b)) = (&e.starts_on, &e.ends_on) {
        if b < a {
            return Err(BadInput::DatesWrong);
        }
    }
    if e.default_lang != "lv" && e.default_lang != "en" {
        return Err(BadInput::LangInvalid);
    }
    Ok(e)
}

/// Where an event stands on `today` (issue 16 point 4): archived, or by its days
/// against today. An event with one day only uses it for both; one with none is
/// current (events from before the last day was required).
pub fn when(e: &EventSummary, today: time::Date) -> EventWhen {
    if e.archived_at.is_some() {
        return EventWhen::Archived;
    }
    let day = |d: &Option<String>| d.as_deref().and_then(super::retention::parse_day);
    let (first, last) = (day(&e.starts_on), day(&e.ends_on));
    match (first.or(last), last.or(first)) {
        (Some(first), _) if first > today => EventWhen::Upcoming,
        (_, Some(last)) if last < today => EventWhen::Past,
        _ => EventWhen::Current,
    }
}

/// Whether the dashboard's filter `show` lists an event that stands at `at`.
pub fn shows(show: EventWhen, at: EventWhen) -> bool {
    match show {
        EventWhen::Active => matches!(at, EventWhen::Current | EventWhen::Upcoming),
        EventWhen::All => true,
        other => other == at,
    }
}

/// The one rule of what an archived event allows (issue 16 point 4; requirement 22):
/// nothing that adds to it or changes it (registrations, settings, its edit, kiosk
/// pairing, uploads, tags and photo marks, scans). Reading, exports, data-subject
/// requests (erasure included), a photo choice changed on the person's request and the
/// retention purge go on.
pub fn open(e: &EventSummary) -> Result<(), StoreError> {
    match e.archived_at {
        Some(_) => Err(StoreError::Conflict(super::store::Conflict::EventArchived)),
        None => Ok(()),
    }
}

/// [`open`] for an event known by its row id.
pub async fn open_by_id(store: &Store, event_id: EventId) -> Result<(), StoreError> {
    open(&store.event_by_id(event_id).await?)
}

/// The events a user may manage that the dashboard's filter `show` lists on `today`:
/// their own (an admin: all), soonest first. Each with the day its attendee data is
/// deleted (issue 15).
pub async fn list(
    store: &Store,
    actor: Actor,
    show: EventWhen,
    today: time::Date,
) -> Result<Vec<EventSummary>, StoreError> {
    let mut events = list_all(store, actor).await?;
    events.retain(|e| shows(show, when(e, today)));
    Ok(events)
}

/// Every event a user may manage, archived ones included, soonest first, with its
/// deletion day.
pub async fn list_all(store: &Store, actor: Actor) -> Result<Vec<EventSummary>, StoreError> {
    let mut events = match actor {
        Actor::User { id, role } => store.list_events(id, role).await?,
        _ => return Err(StoreError::Conflict(super::store::Conflict::NotAUser)),
    };
    let clocks = store.retention_clocks().await?;
    let today = super::requests::today();
    for e in &mut events {
        if let Some(c) = clocks.iter().find(|c| c.public_id == e.id) {
            let info = super::retention::info(c, today);
            e.data_deleted_on = info.attendees_deleted_on;
            e.data_purged = info.purged_at.is_some();
        }
    }
    Ok(events)
}

/// The event page: counts and the data's lifecycle.
pub async fn overview(
    state: &super::AppState,
    event_id: EventId,
    event: EventSummary,
) -> Result<crate::types::EventOverview, StoreError> {
    Ok(crate::types::EventOverview {
        stats: state.store.event_counts(event_id).await?,
        retention: super::retention::event_info(state, event_id).await?,
        tablets: super::kiosk::tablets(&state.store, event_id).await?,
        event,
    })
}

/// Creates an event, checked by [`validate`], owned by the signed-in organiser, with
/// default settings and its first notice versions.
pub async fn create(
    store: &Store,
    actor: Actor,
    e: NewEvent,
) -> Result<EventSummary, RegisterError> {
    let Actor::User { id: owner_id, .. } = actor else {
        return Err(StoreError::Conflict(super::store::Conflict::NotAUser).into());
    };
    Ok(create_owned(store, actor, owner_id, validate(e)?).await?)
}

/// Creates a checked event for `owner_id` (the demo data at start-up, or [`create`]).
async fn create_owned(
    store: &Store,
    actor: Actor,
    owner_id: i64,
    e: NewEvent,
) -> Result<EventSummary, StoreError> {
    // 64 random bits: unguessable enough for an id that is also access-checked.
    let (id, summary) = store
        .create_event(actor.clone(), owner_id, random_token(8), e)
        .await?;
    let settings = EventSettings::default();
    save_settings(store, actor, id, &summary.name, settings).await?;
    Ok(summary)
}

/// Checks and tidies settings an organiser saves. Errors are [`BadInput`]s for the UI.
pub fn validate_settings(mut s: EventSettings) -> Result<EventSettings, BadInput> {
    s.languages.retain(|l| l == "lv" || l == "en");
    s.languages.dedup();
    if s.languages.is_empty() {
        return Err(BadInput::LanguagesMissing);
    }
    if !(1..=3650).contains(&s.retention_days) {
        return Err(BadInput::RetentionInvalid);
    }
    if !(1..=s.retention_days).contains(&s.photo_retention_days) {
        return Err(BadInput::PhotoRetentionInvalid);
    }
    s.archive_purpose = s.archive_purpose.trim().to_string();
    if s.archive_days != 0 {
        if s.archive_days <= s.photo_retention_days || s.archive_days > 3650 {
            return Err(BadInput::ArchiveInvalid);
        }
        if s.archive_purpose.is_empty() {
            return Err(BadInput::ArchivePurposeMissing);
        }
    }
    if s.archive_purpose.chars().count() > 1000 {
        return Err(BadInput::TooLong);
    }
    if !(15..=600).contains(&s.idle_timeout_secs) {
        return Err(BadInput::IdleTimeoutInvalid);
    }
    for text in [
        &mut s.controller_name,
        &mut s.controller_address,
        &mut s.controller_email,
        &mut s.dpo_contact,
        &mut s.recipients,
        &mut s.policy_url,
    ] {
        *text = text.trim().to_string();
        if text.chars().count() > 1000 {
            return Err(BadInput::TooLong);
        }
    }
    let web = s.policy_url.starts_with("https://") || s.policy_url.starts_with("http://");
    if !s.policy_url.is_empty() && !web {
        return Err(BadInput::PolicyUrlInvalid);
    }
    s.purposes.retain(|p| !p.purpose.trim().is_empty());
    for p in &mut s.purposes {
        p.purpose = p.purpose.trim().to_string();
        p.legal_basis = p.legal_basis.trim().to_string();
    }
    // A field that is off cannot be required.
    for f in crate::types::Field::ALL {
        let rule = s.fields.get(f);
        if rule.required && !rule.enabled {
            return Err(BadInput::RequiredFieldOff);
        }
    }
    Ok(s)
}

/// Saves settings and a new notice version wherever the rendered text changed.
pub async fn save_settings(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    event_name: &str,
    settings: EventSettings,
) -> Result<(), StoreError> {
    let notices = super::notice::render_all(event_name, &settings);
    store
        .save_event_settings(actor, event_id, settings, notices)
        .await?;
    Ok(())
}

/// An event's settings with the current notice text of each of its languages, as the
/// settings page shows them.
pub async fn settings_view(
    store: &Store,
    event_id: EventId,
    event: EventSummary,
) -> Result<EventSettingsView, StoreError> {
    let settings = store.event_settings(event_id).await?;
    let notices = super::notice::current_all(store, event_id, &settings.languages).await?;
    Ok(EventSettingsView {
        event,
        settings,
        notices,
    })
}

/// The organiser changes the settings: checked, saved with a new notice version wherever
/// the rendered text changed, and shown again.
pub async fn update_settings(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    event: EventSummary,
    settings: EventSettings,
) -> Result<EventSettingsView, RegisterError> {
    open(&event)?;
    let settings = validate_settings(settings)?;
    // Issue 15 point 2: never longer than a notice promised people already registered,
    // counted from the day each of them was told (issue 16 point 4).
    let promise = super::retention::promise(store, event_id).await?;
    let end = super::retention::clock_end(&store.retention_clock(event_id).await?)?;
    super::retention::check_promise(promise, end, settings.periods())?;
    save_settings(store, actor, event_id, &event.name, settings).await?;
    Ok(settings_view(store, event_id, event).await?)
}

/// The organiser edits the event's name, days, venue and default language (issue 16
/// point 4): checked like a new event ([`validate`]; the last day stays required);
/// refused while archived; the last day may not move so far that the periods the
/// notices promised people already registered grow ([`super::retention::check_end_move`]).
/// The notice is rendered again with the new name: a changed text becomes a new
/// version, as a settings save does; an unchanged one does not. Audited.
pub async fn edit(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    event: EventSummary,
    changed: NewEvent,
) -> Result<EventSummary, RegisterError> {
    open(&event)?;
    let changed = validate(changed)?;
    let settings = store.event_settings(event_id).await?;
    if changed.ends_on != event.ends_on {
        let end = changed
            .ends_on
            .as_deref()
            .and_then(super::retention::parse_day)
            .ok_or(BadInput::EndDateMissing)?;
        let promise = super::retention::promise(store, event_id).await?;
        super::retention::check_end_move(promise, end, settings.periods())?;
    }
    let notices = super::notice::render_all(&changed.name, &settings);
    let (summary, _) = store
        .update_event(actor, event_id, changed, settings.periods(), notices)
        .await?;
    Ok(summary)
}

/// Archives the event or takes it out of the archive (issue 16 point 4). Audited.
pub async fn set_archived(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    archived: bool,
) -> Result<EventSummary, StoreError> {
    store.set_event_archived(actor, event_id, archived).await
}

/// A login printed by `lanyard serve --demo`.
pub struct DemoLogin {
    pub email: String,
    pub password: String,
}

/// The demo organiser's and the demo admin's logins (issue 16: the admin manages the
/// accounts).
pub struct DemoLogins {
    pub organiser: DemoLogin,
    pub admin: DemoLogin,
}

pub const DEMO_EMAIL: &str = "organiser@demo.lanyard";
pub const DEMO_ADMIN_EMAIL: &str = "admin@demo.lanyard";

/// A fresh random password and its hash, off the async runtime.
async fn demo_password() -> Result<(String, String), StoreError> {
    let password = random_token(12);
    let to_hash = password.clone();
    let hash = tokio::task::spawn_blocking(move || hash_password(&to_hash))
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?
        .map_err(|e| StoreError::Internal(e.to_string()))?;
    Ok((password, hash))
}

/// The demo account `email` with a fresh password: made with `role` when missing.
async fn demo_account(store: &Store, email: &str, role: Role) -> Result<DemoLogin, StoreError> {
    let (password, hash) = demo_password().await?;
    match store.login_record(email.into()).await? {
        Some(rec) => store.set_password(Actor::System, rec.id, hash).await?,
        None => {
            store
                .create_user(Actor::System, email.into(), hash, role)
                .await?;
        }
    }
    Ok(DemoLogin {
        email: email.into(),
        password,
    })
}

/// On an empty database: a demo organiser, a demo admin and one demo event. On a
/// database that has the demo organiser already: fresh passwords for both (the admin
/// made if missing), so the printed logins always work. `None` when the database has
/// other users but no demo organiser.
pub async fn seed_demo(store: &Store) -> Result<Option<DemoLogins>, StoreError> {
    if store.count_users().await? > 0 {
        if store.login_record(DEMO_EMAIL.into()).await?.is_none() {
            return Ok(None);
        }
        return Ok(Some(DemoLogins {
            organiser: demo_account(store, DEMO_EMAIL, Role::Organiser).await?,
            admin: demo_account(store, DEMO_ADMIN_EMAIL, Role::Admin).await?,
        }));
    }
    let organiser = demo_account(store, DEMO_EMAIL, Role::Organiser).await?;
    let admin = demo_account(store, DEMO_ADMIN_EMAIL, Role::Admin).await?;
    let id = store
        .login_record(DEMO_EMAIL.into())
        .await?
        .ok_or(StoreError::NotFound)?
        .id;
    use super::requests::{iso as day, today};
    let today = today();
    let event = NewEvent {
        name: "Lanyard demo conference".into(),
        starts_on: Some(day(today)),
        ends_on: Some(day(today.next_day().unwrap_or(today))),
        venue: "Rīga".into(),
        default_lang: "lv".into(),
    };
    create_owned(store, Actor::System, id, event).await?;
    Ok(Some(DemoLogins { organiser, admin }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(name: &str, a: Option<&str>, b: Option<&str>) -> NewEvent {
        NewEvent {
            name: name.into(),
            starts_on: a.map(Into::into),
            ends_on: b.map(Into::into),
            venue: " Rīga ".into(),
            default_lang: "en".into(),
        }
    }

    #[test]
    fn validation() {
        assert_eq!(validate(ev("  ", None, None)), Err(BadInput::NameMissing));
        assert_eq!(
            validate(ev("X", Some("2027-02-30"), None)),
            Err(BadInput::DateInvalid)
        );
        assert_eq!(
            validate(ev("X", Some("2027-03-02"), Some("2027-03-01"))),
            Err(BadInput::DatesWrong)
        );
        assert_eq!(
            validate(ev("X", Some("2027-03-01"), Some(""))),
            Err(BadInput::EndDateMissing),
            "issue 15: the retention clock needs the last day"
        );
        let ok = validate(ev(" X ", None, Some("2027-03-01"))).unwrap();
        assert_eq!(
            (ok.name.as_str(), ok.venue.as_str(), ok.ends_on.as_deref()),
            ("X", "Rīga", Some("2027-03-01"))
        );
    }

    #[test]
    fn settings_validation() {
        let ok = validate_settings(EventSettings::default()).unwrap();
        assert_eq!(ok.languages, vec!["lv", "en"]);
        let s = EventSettings {
            languages: vec!["de".into()],
            ..Default::default()
        };
        assert_eq!(validate_settings(s), Err(BadInput::LanguagesMissing));
        let s = EventSettings {
            retention_days: 0,
            ..Default::default()
        };
        assert_eq!(validate_settings(s), Err(BadInput::RetentionInvalid));
        let s = EventSettings {
            policy_url: "javascript:alert(1)".into(),
            ..Default::default()
        };
        assert_eq!(validate_settings(s), Err(BadInput::PolicyUrlInvalid));
        let mut s = EventSettings::default();
        s.fields.email.required = true;
        assert_eq!(validate_settings(s), Err(BadInput::RequiredFieldOff));
        // Issue 15: photos not longer than attendee data; an archive longer than the
        // photos, with a purpose.
        let s = EventSettings {
            retention_days: 30,
            photo_retention_days: 31,
            ..Default::default()
        };
        assert_eq!(validate_settings(s), Err(BadInput::PhotoRetentionInvalid));
        let s = EventSettings {
            archive_days: 365,
            ..Default::default()
        };
        assert_eq!(validate_settings(s), Err(BadInput::ArchiveInvalid));
        let s = EventSettings {
            archive_days: 1000,
            ..Default::default()
        };
        assert_eq!(validate_settings(s), Err(BadInput::ArchivePurposeMissing));
        let s = EventSettings {
            archive_days: 1000,
            archive_purpose: " History of the event ".into(),
            ..Default::default()
        };
        assert_eq!(
            validate_settings(s).unwrap().archive_purpose,
            "History of the event"
        );
    }

    fn dated(a: Option<&str>, b: Option<&str>, archived: bool) -> EventSummary {
        EventSummary {
            id: crate::types::PublicId::parse("x").unwrap(),
            name: "X".into(),
            starts_on: a.map(Into::into),
            ends_on: b.map(Into::into),
            venue: String::new(),
            default_lang: "lv".into(),
            data_deleted_on: None,
            data_purged: false,
            archived_at: archived.then(|| "2027-01-01T00:00:00Z".into()),
        }
    }

    /// Issue 16 point 4: the dashboard's filter, on an injected "today".
    #[test]
    fn events_are_current_upcoming_past_or_archived_by_today() {
        use time::macros::date;
        let today = date!(2027 - 03 - 10);
        let cases = [
            (
                dated(Some("2027-03-09"), Some("2027-03-11"), false),
                EventWhen::Current,
            ),
            (
                dated(Some("2027-03-10"), Some("2027-03-10"), false),
                EventWhen::Current,
            ),
            (dated(None, Some("2027-03-10"), false), EventWhen::Current),
            (
                dated(Some("2027-03-11"), Some("2027-03-12"), false),
                EventWhen::Upcoming,
            ),
            (dated(None, Some("2027-03-11"), false), EventWhen::Upcoming),
            (
                dated(Some("2027-03-01"), Some("2027-03-09"), false),
                EventWhen::Past,
            ),
            (dated(Some("2027-03-01"), None, false), EventWhen::Past),
            (dated(None, None, false), EventWhen::Current),
            (
                dated(Some("2027-03-09"), Some("2027-03-11"), true),
                EventWhen::Archived,
            ),
            (
                dated(Some("2020-01-01"), Some("2020-01-02"), true),
                EventWhen::Archived,
            ),
        ];
        for (e, want) in &cases {
            assert_eq!(when(e, today), *want, "{:?}–{:?}", e.starts_on, e.ends_on);
        }
        // Current and upcoming by default; archived only when asked for; all of them.
        let listed = |show| {
            cases
                .iter()
                .filter(|(e, _)| shows(show, when(e, today)))
                .count()
        };
        assert_eq!(listed(EventWhen::Active), 6);
        assert_eq!(listed(EventWhen::Current), 4);
        assert_eq!(listed(EventWhen::Upcoming), 2);
        assert_eq!(listed(EventWhen::Past), 2);
        assert_eq!(listed(EventWhen::Archived), 2);
        assert_eq!(listed(EventWhen::All), cases.len());
        assert!(open(&cases[0].0).is_ok());
        assert!(matches!(
            open(&cases[8].0),
            Err(StoreError::Conflict(
                crate::domain::store::Conflict::EventArchived
            ))
        ));
    }

    #[tokio::test]
    async fn demo_seeds_once() {
        let store = Store::open_in_memory().await.unwrap();
        let logins = seed_demo(&store)
            .await
            .unwrap()
            .expect("empty db gets demo data");
        let login = logins.organiser;
        assert!(login.password.len() >= 16);
        let again = seed_demo(&store)
            .await
            .unwrap()
            .expect("demo organiser gets a fresh password");
        assert_ne!(logins.admin.password, again.admin.password);
        let admin = store
            .login_record(DEMO_ADMIN_EMAIL.into())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(admin.role, Role::Admin);
        let again = again.organiser;
        assert_ne!(login.password, again.password);
        let rec = store
            .login_record(DEMO_EMAIL.into())
            .await
            .unwrap()
            .unwrap();
        assert!(crate::domain::auth::verify_password(
            &again.password,
            &rec.password_hash
        ));
        assert_eq!(
            store.count_events().await.unwrap(),
            1,
            "the event is created once"
        );
        assert_eq!(store.count_users().await.unwrap(), 2, "organiser and admin");
        // The new event has default settings and a notice in both languages.
        let (id, _) = store
            .event_for_user(
                1,
                Role::Admin,
                store.list_events(1, Role::Admin).await.unwrap()[0]
                    .id
                    .clone(),
            )
            .await
            .unwrap();
        assert!(store
            .current_notice(id, "lv".into())
            .await
            .unwrap()
            .unwrap()
            .text
            .contains("Lanyard demo conference"));
        assert!(store
            .current_notice(id, "en".into())
            .await
            .unwrap()
            .is_some());
    }
}
