//! Staff accounts in the browser and photographers per event (issue 16 points 1 and 2;
//! requirement 22).

use super::{PublicId, Role};
use serde::{Deserialize, Serialize};

/// Where an account stands. `Invited`: the account has no password yet (a new
/// invitation, or a reset), so nobody can sign in with it until the invitation link is
/// used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    Invited,
    Active,
    Disabled,
}

/// One account on the admins' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub status: AccountStatus,
    /// RFC 3339, or `None` before the first sign-in.
    pub last_login_at: Option<String>,
}

/// A one-time invitation link, shown once to be passed on by hand: Lanyard sends no
/// email. The secret is in the link's fragment (`/welcome#…`), which browsers never send
/// to a server, so it stays out of every log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationLink {
    pub user_id: i64,
    pub email: String,
    pub role: Role,
    pub url: String,
    /// The same link as a QR code (SVG), for a phone's camera.
    pub qr_svg: String,
    /// RFC 3339 (UTC): after this the link no longer works.
    pub expires_at: String,
}

/// Whom an invitation is for, shown on the welcome page before the password is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationInfo {
    pub email: String,
    pub role: Role,
}

/// A photographer assigned to an event, with the days they may work there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub user_id: i64,
    pub email: String,
    pub status: AccountStatus,
    /// `YYYY-MM-DD`, the first day (from the event's dates unless the organiser set it);
    /// `None`: open on that side (an event without dates).
    pub from: Option<String>,
    pub until: Option<String>,
    /// Whether the organiser set the days (else they follow the event's dates).
    pub custom: bool,
}

/// The event's photographers, for its organiser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPhotographers {
    pub event_id: PublicId,
    pub photographers: Vec<Assignment>,
}

/// What adding a photographer by email did: an existing account was assigned, or a new
/// account was made and its invitation link is to be passed on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotographerAdded {
    pub list: EventPhotographers,
    pub invitation: Option<InvitationLink>,
}
