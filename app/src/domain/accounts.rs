//! Staff accounts (issue 16 point 1; requirement 22): invitations, resets, disabling and
//! enabling, roles, and each user's own password and sessions. The admins' page, the
//! organiser adding a photographer and the command line (`lanyard admin …`) all call
//! these functions, so the rules are the same everywhere.
//!
//! Lanyard sends no email: an invitation is a one-time link (and its QR) that whoever
//! made it passes on. Its secret is 128 random bits in the link's fragment
//! (`/welcome#…`), which browsers do not send to servers, so it never reaches a log; the
//! welcome page posts it in a request body. Only its SHA-256 is stored, and it works once,
//! for 7 days.

use super::auth::{
    new_password_hash, random_token, token_hash, verify_password, NewPasswordError, SignedIn,
};
use super::consent::RegisterError;
use super::store::{InvitationRecord, NewInvitation, UserRecord};
use super::{Actor, AppState, StoreError};
use crate::types::{BadInput, EventId, Field, InvitationInfo, InvitationLink, Me, Role, UserRow};
use time::OffsetDateTime;

/// How long an invitation link works.
pub const INVITATION_DAYS: i64 = 7;

impl From<NewPasswordError> for RegisterError {
    fn from(e: NewPasswordError) -> Self {
        match e {
            NewPasswordError::Weak(b) => RegisterError::Invalid(b),
            NewPasswordError::Hash(m) => RegisterError::Store(StoreError::Internal(m)),
        }
    }
}

/// Whether an invitation still works at `now` (unix seconds): never used, before its
/// end, and the account not disabled.
pub fn usable(inv: &InvitationRecord, now: i64) -> bool {
    !inv.used && !inv.disabled && now < inv.expires_at
}

/// The link an invitee opens: the token in the fragment, never in the path or query.
pub fn invitation_url(public_url: &str, token: &str) -> String {
    format!("{public_url}/welcome#{token}")
}

/// A token as [`random_token`]`(16)` makes it: 22 URL-safe base64 characters. Anything
/// else is refused before a look-up.
fn token_shape(token: &str) -> bool {
    token.len() == 22
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An email address as accounts keep it: trimmed, lower case, of the usual shape.
pub fn parse_email(email: &str) -> Result<String, BadInput> {
    let email = email.trim().to_lowercase();
    if email.chars().count() > 200 {
        return Err(BadInput::FieldTooLong(Field::Email));
    }
    if !crate::validate::looks_like_email(&email) {
        return Err(BadInput::FieldInvalid(Field::Email));
    }
    Ok(email)
}

/// A fresh token, and what the store keeps of it.
fn fresh(now: OffsetDateTime) -> (String, NewInvitation, OffsetDateTime) {
    let token = random_token(16);
    let expires = now + time::Duration::days(INVITATION_DAYS);
    let new = NewInvitation {
        token_hash: token_hash(&token),
        expires_at: expires.unix_timestamp(),
    };
    (token, new, expires)
}

fn link(
    state: &AppState,
    user_id: i64,
    email: String,
    role: Role,
    token: &str,
    expires: OffsetDateTime,
) -> InvitationLink {
    let url = invitation_url(&state.public_url, token);
    InvitationLink {
        user_id,
        email,
        role,
        qr_svg: super::badges::qr_svg(&url),
        url,
        expires_at: super::clock::rfc3339(expires),
    }
}

/// A new account of `role` without a password, and its invitation link. With
/// `assign_to`, a photographer added to that event at once (the organiser's form).
pub async fn invite(
    state: &AppState,
    actor: Actor,
    email: &str,
    role: Role,
    assign_to: Option<EventId>,
) -> Result<InvitationLink, RegisterError> {
    let email = parse_email(email)?;
    let (token, new, expires) = fresh(state.now.now());
    let id = state
        .store
        .invite_user(actor, email.clone(), role, new, assign_to)
        .await?;
    Ok(link(state, id, email, role, &token, expires))
}

/// A reset: the old password stops working, every session ends, and a new invitation
/// link replaces any earlier one. From the browser the last active admin cannot be reset
/// (nobody could sign in until the link is used); from the command line they can, as
/// the way back in.
pub async fn reset(
    state: &AppState,
    actor: Actor,
    user_id: i64,
) -> Result<InvitationLink, RegisterError> {
    let keep_admin = !matches!(actor, Actor::Cli);
    let (token, new, expires) = fresh(state.now.now());
    let user = state
        .store
        .reset_user(actor, user_id, new, keep_admin)
        .await?;
    Ok(link(state, user.id, user.email, user.role, &token, expires))
}

/// The account with this email address (the command line names accounts so).
pub async fn by_email(state: &AppState, email: &str) -> Result<UserRecord, RegisterError> {
    let email = parse_email(email)?;
    Ok(state
        .store
        .user_by_email(email)
        .await?
        .ok_or(StoreError::NotFound)?)
}

/// Disables (every session ends at once) or enables an account. The last active admin
/// cannot be disabled.
pub async fn set_disabled(
    state: &AppState,
    actor: Actor,
    user_id: i64,
    disabled: bool,
) -> Result<(), RegisterError> {
    Ok(state
        .store
        .set_user_disabled(actor, user_id, disabled)
        .await?)
}

/// Gives an account another role; its sessions end. The last active admin cannot be
/// demoted.
pub async fn set_role(
    state: &AppState,
    actor: Actor,
    user_id: i64,
    role: Role,
) -> Result<(), RegisterError> {
    Ok(state.store.set_user_role(actor, user_id, role).await?)
}

/// Every account, for admins (the read is audited).
pub async fn list(state: &AppState, actor: Actor) -> Result<Vec<UserRow>, RegisterError> {
    Ok(state
        .store
        .list_users(actor)
        .await?
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            email: u.email,
            role: u.role,
            status: u.status,
            last_login_at: u.last_login_at,
        })
        .collect())
}

/// A new account with a password typed at the command line (`admin create-user`): the
/// same password rule as everywhere.
pub async fn create_with_password(
    state: &AppState,
    actor: Actor,
    email: &str,
    role: Role,
    password: String,
) -> Result<i64, RegisterError> {
    let email = parse_email(email)?;
    let hash = new_password_hash(password, vec![email.clone()]).await?;
    Ok(state.store.create_user(actor, email, hash, role).await?)
}

/// The invitation behind a token while it works; otherwise `InvitationInvalid` (one
/// answer for unknown, used, expired and disabled, so a link tells nothing more).
async fn working_invitation(
    state: &AppState,
    token: &str,
) -> Result<InvitationRecord, RegisterError> {
    if !token_shape(token) {
        return Err(BadInput::InvitationInvalid.into());
    }
    match state.store.invitation(token_hash(token)).await? {
        Some(inv) if usable(&inv, state.now.unix()) => Ok(inv),
        _ => Err(BadInput::InvitationInvalid.into()),
    }
}

/// Whom a working invitation is for (the welcome page shows it).
pub async fn invitation_info(
    state: &AppState,
    token: &str,
) -> Result<InvitationInfo, RegisterError> {
    let inv = working_invitation(state, token).await?;
    Ok(InvitationInfo {
        email: inv.email,
        role: inv.role,
    })
}

/// Uses an invitation: the invitee's own password (the password rule applies), the link
/// stops working, and they are signed in.
pub async fn accept(
    state: &AppState,
    token: &str,
    password: String,
) -> Result<(SignedIn, Me), RegisterError> {
    let inv = working_invitation(state, token).await?;
    let hash = new_password_hash(password, vec![inv.email.clone()]).await?;
    let epoch = state
        .store
        .use_invitation(inv.id, inv.user_id, inv.role, hash)
        .await?;
    let who = SignedIn {
        id: inv.user_id,
        role: inv.role,
        epoch,
    };
    Ok((
        who,
        Me::User {
            email: inv.email,
            role: inv.role,
        },
    ))
}

/// The signed-in user's id and role, or `Forbidden` for any other actor.
fn user_of(actor: &Actor) -> Result<(i64, Role), RegisterError> {
    match actor {
        Actor::User { id, role } => Ok((*id, *role)),
        _ => Err(RegisterError::Forbidden),
    }
}

/// A user changes their own password: the current one first (wrong attempts count
/// against the sign-in limit of the account), then the password rule. Every session of
/// theirs ends; the caller signs this one in again under the new epoch.
pub async fn change_password(
    state: &AppState,
    actor: Actor,
    current: String,
    new: String,
) -> Result<SignedIn, RegisterError> {
    let (id, role) = user_of(&actor)?;
    let key = format!("password-change:{id}");
    // Counted before the check, like a sign-in (issue 18 point 3); taken back when right.
    if !state.login_by_account.try_record(&key) {
        return Err(RegisterError::RateLimited);
    }
    let stored = state.store.password_hash(id).await?;
    let Ok(ok) = state
        .argon2
        .run(move || verify_password(&current, &stored))
        .await
    else {
        state.login_by_account.undo(&key);
        return Err(RegisterError::RateLimited);
    };
    if !ok {
        return Err(BadInput::PasswordWrong.into());
    }
    state.login_by_account.undo(&key);
    let email = state
        .store
        .own_user(id)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    let hash = new_password_hash(new, vec![email]).await?;
    let epoch = state.store.change_password(actor, id, hash).await?;
    Ok(SignedIn { id, role, epoch })
}

/// Ends every other session of the signed-in user; the caller signs this one in again
/// under the returned epoch.
pub async fn sign_out_others(state: &AppState, actor: Actor) -> Result<SignedIn, RegisterError> {
    let (id, role) = user_of(&actor)?;
    let epoch = state.store.end_user_sessions(actor, id).await?;
    Ok(SignedIn { id, role, epoch })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inv(expires_at: i64, used: bool, disabled: bool) -> InvitationRecord {
        InvitationRecord {
            id: 1,
            user_id: 2,
            email: "p@example.lv".into(),
            role: Role::Photographer,
            expires_at,
            used,
            disabled,
        }
    }

    /// Issue 16: a link works once, for 7 days, and not for a disabled account.
    #[test]
    fn invitations_work_once_for_seven_days() {
        let made = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let (token, new, expires) = fresh(made);
        assert!(token_shape(&token), "128 random bits, URL-safe");
        assert_eq!(new.token_hash, token_hash(&token), "only the hash is kept");
        assert_eq!((expires - made).whole_days(), 7);
        let at = |days: i64, secs: i64| (made + time::Duration::days(days)).unix_timestamp() + secs;
        assert!(usable(&inv(new.expires_at, false, false), at(0, 0)));
        assert!(usable(&inv(new.expires_at, false, false), at(7, -1)));
        assert!(
            !usable(&inv(new.expires_at, false, false), at(7, 0)),
            "after 7 days"
        );
        assert!(
            !usable(&inv(new.expires_at, true, false), at(1, 0)),
            "used once"
        );
        assert!(
            !usable(&inv(new.expires_at, false, true), at(1, 0)),
            "disabled"
        );
        assert_eq!(
            invitation_url("https://x.lv", &token),
            format!("https://x.lv/welcome#{token}")
        );
        assert!(!token_shape("short"));
        assert!(!token_shape("AAAAAAAAAAAAAAAAAAAAA/"));
    }

    #[test]
    fn emails_are_kept_lower_case_and_checked() {
        assert_eq!(parse_email(" Anna@Example.LV ").unwrap(), "anna@example.lv");
        assert_eq!(
            parse_email("anna"),
            Err(BadInput::FieldInvalid(Field::Email))
        );
    }
}
