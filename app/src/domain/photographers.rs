//! An organiser's photographers (issue 16 point 2; requirement 22): who works at their
//! event and on which days. Adding one by email assigns an existing photographer's
//! account or makes a new one with an invitation link; removing one takes effect on their
//! next request, since every request asks `domain::access`.

use super::access::days;
use super::consent::RegisterError;
use super::store::AssignmentRow;
use super::{accounts, Actor, AppState};
use crate::types::{
    Assignment, BadInput, EventId, EventPhotographers, EventSummary, PhotographerAdded, Role,
};

fn iso(d: time::Date) -> String {
    super::requests::iso(d)
}

fn assignment(event: &EventSummary, row: AssignmentRow) -> Assignment {
    let (from, until) = days(event, row.from_day.as_deref(), row.until_day.as_deref());
    Assignment {
        user_id: row.user_id,
        email: row.email,
        status: row.status,
        from: from.map(iso),
        until: until.map(iso),
        custom: row.from_day.is_some(),
    }
}

/// The event's photographers with the days each may work there.
pub async fn list(
    state: &AppState,
    row: EventId,
    event: &EventSummary,
) -> Result<EventPhotographers, RegisterError> {
    let rows = state.store.assignments(row).await?;
    Ok(EventPhotographers {
        event_id: event.id.clone(),
        photographers: rows.into_iter().map(|r| assignment(event, r)).collect(),
    })
}

/// Adds a photographer by email: an existing photographer's account is assigned; for a
/// new address a photographer's account is made with an invitation link to pass on.
/// Another role's account is refused in words.
pub async fn add(
    state: &AppState,
    actor: Actor,
    row: EventId,
    event: &EventSummary,
    email: &str,
) -> Result<PhotographerAdded, RegisterError> {
    let email = accounts::parse_email(email)?;
    let invitation = match state.store.user_by_email(email.clone()).await? {
        Some(user) if user.role != Role::Photographer => {
            return Err(BadInput::NotAPhotographer.into())
        }
        Some(user) => {
            state.store.assign_photographer(actor, row, user.id).await?;
            None
        }
        None => Some(accounts::invite(state, actor, &email, Role::Photographer, Some(row)).await?),
    };
    Ok(PhotographerAdded {
        list: list(state, row, event).await?,
        invitation,
    })
}

/// Removes a photographer from the event.
pub async fn remove(
    state: &AppState,
    actor: Actor,
    row: EventId,
    event: &EventSummary,
    user_id: i64,
) -> Result<EventPhotographers, RegisterError> {
    state
        .store
        .unassign_photographer(actor, row, user_id)
        .await?;
    list(state, row, event).await
}

/// The days a photographer may work at the event, both `YYYY-MM-DD` (first ≤ last); both
/// empty: back to the event's own dates.
pub fn parse_days(from: &str, until: &str) -> Result<Option<(String, String)>, BadInput> {
    let (from, until) = (from.trim(), until.trim());
    if from.is_empty() && until.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let parse = |s: &str| time::Date::parse(s, &format).map_err(|_| BadInput::DateInvalid);
    let (a, b) = (parse(from)?, parse(until)?);
    if b < a {
        return Err(BadInput::DatesWrong);
    }
    Ok(Some((iso(a), iso(b))))
}

/// Sets the days a photographer may work at the event ([`parse_days`]).
pub async fn set_days(
    state: &AppState,
    actor: Actor,
    row: EventId,
    event: &EventSummary,
    user_id: i64,
    from: &str,
    until: &str,
) -> Result<EventPhotographers, RegisterError> {
    let days = parse_days(from, until)?;
    state
        .store
        .set_assignment_days(actor, row, user_id, days)
        .await?;
    list(state, row, event).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_dates_in_order_or_both_empty() {
        assert_eq!(parse_days("", " "), Ok(None));
        assert_eq!(
            parse_days("2026-11-19", "2026-11-23"),
            Ok(Some(("2026-11-19".into(), "2026-11-23".into())))
        );
        assert_eq!(
            parse_days("2026-11-23", "2026-11-19"),
            Err(BadInput::DatesWrong)
        );
        assert_eq!(parse_days("2026-11-19", ""), Err(BadInput::DateInvalid));
        assert_eq!(
            parse_days("19.11.2026", "2026-11-23"),
            Err(BadInput::DateInvalid)
        );
    }
}
