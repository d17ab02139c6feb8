//! Events: validation of what an organiser enters, and the demo data.

use super::auth::{hash_password, random_token};
use super::store::{Actor, Store, StoreError};
use crate::types::{EventSummary, NewEvent, Role};

/// Checks and tidies a new event. The error is a code the UI translates.
pub fn validate(mut e: NewEvent) -> Result<NewEvent, &'static str> {
    e.name = e.name.trim().to_string();
    e.venue = e.venue.trim().to_string();
    if e.name.is_empty() {
        return Err("name_missing");
    }
    if e.name.chars().count() > 200 || e.venue.chars().count() > 200 {
        return Err("too_long");
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let parse = |d: Option<String>| -> Result<Option<String>, &'static str> {
        match d.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => time::Date::parse(&s, &fmt)
                .map(|_| Some(s))
                .map_err(|_| "date_invalid"),
        }
    };
    e.starts_on = parse(e.starts_on)?;
    e.ends_on = parse(e.ends_on)?;
    if let (Some(a), Some(b)) = (&e.starts_on, &e.ends_on) {
        if b < a {
            return Err("dates_wrong");
        }
    }
    if e.default_lang != "lv" && e.default_lang != "en" {
        return Err("lang_invalid");
    }
    Ok(e)
}

pub async fn create(
    store: &Store,
    actor: Actor,
    owner_id: i64,
    e: NewEvent,
) -> Result<EventSummary, StoreError> {
    // 64 random bits: unguessable enough for an id that is also access-checked.
    store
        .create_event(actor, owner_id, random_token(8), e)
        .await
}

/// The organiser login printed by `lanyard serve --demo`.
pub struct DemoLogin {
    pub email: String,
    pub password: String,
}

pub const DEMO_EMAIL: &str = "organiser@demo.lanyard";

/// On an empty database: a demo organiser and one demo event. On a database that has
/// the demo organiser already: a fresh password for it, so the printed login always
/// works. `None` when the database has other users but no demo organiser.
pub async fn seed_demo(store: &Store) -> Result<Option<DemoLogin>, StoreError> {
    let password = random_token(12);
    let hash = hash_password(&password).map_err(|e| StoreError::Pool(e.to_string()))?;
    if store.count_users().await? > 0 {
        return match store.login_record(DEMO_EMAIL.into()).await? {
            Some(rec) => {
                store.set_password(Actor::System, rec.id, hash).await?;
                Ok(Some(DemoLogin {
                    email: DEMO_EMAIL.into(),
                    password,
                }))
            }
            None => Ok(None),
        };
    }
    let id = store
        .create_user(Actor::System, DEMO_EMAIL.into(), hash, Role::Organiser)
        .await?;
    let event = NewEvent {
        name: "Lanyard demo conference".into(),
        starts_on: None,
        ends_on: None,
        venue: "Rīga".into(),
        default_lang: "lv".into(),
    };
    create(store, Actor::System, id, event).await?;
    Ok(Some(DemoLogin {
        email: DEMO_EMAIL.into(),
        password,
    }))
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
        assert_eq!(validate(ev("  ", None, None)), Err("name_missing"));
        assert_eq!(
            validate(ev("X", Some("2027-02-30"), None)),
            Err("date_invalid")
        );
        assert_eq!(
            validate(ev("X", Some("2027-03-02"), Some("2027-03-01"))),
            Err("dates_wrong")
        );
        let ok = validate(ev(" X ", Some("2027-03-01"), Some(""))).unwrap();
        assert_eq!(
            (ok.name.as_str(), ok.venue.as_str(), ok.ends_on),
            ("X", "Rīga", None)
        );
    }

    #[tokio::test]
    async fn demo_seeds_once() {
        let store = Store::open_in_memory().await.unwrap();
        let login = seed_demo(&store)
            .await
            .unwrap()
            .expect("empty db gets demo data");
        assert!(login.password.len() >= 16);
        let again = seed_demo(&store)
            .await
            .unwrap()
            .expect("demo organiser gets a fresh password");
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
        assert_eq!(store.count_users().await.unwrap(), 1);
    }
}
