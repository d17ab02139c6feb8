//! Staff accounts (issue 16 point 1; requirement 22): admins list accounts, invite,
//! disable or enable, reset and change roles; every signed-in user changes their own
//! password and signs out their other sessions; an invitee sets their password from the
//! link (public: the link's token is the key).

use crate::types::{ApiError, InvitationInfo, InvitationLink, Me, Role, UserRow};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, Admins, AnyUser, Roles};
#[cfg(feature = "ssr")]
use crate::domain::accounts;

/// Every account with its role, status and last sign-in (audited `user.list`).
#[server(endpoint = "users/list")]
pub async fn list_users() -> Result<Vec<UserRow>, ApiError> {
    let actor = guard::require_user(Admins::ROLES).await?;
    Ok(accounts::list(&guard::state()?, actor).await?)
}

/// A new account of `role` and its one-time invitation link (valid 7 days).
#[server(endpoint = "users/invite")]
pub async fn invite_user(email: String, role: Role) -> Result<InvitationLink, ApiError> {
    let actor = guard::require_user(Admins::ROLES).await?;
    Ok(accounts::invite(&guard::state()?, actor, &email, role, None).await?)
}

/// Disables (ending every session of the account at once) or enables an account.
#[server(endpoint = "users/disable")]
pub async fn set_user_disabled(user_id: i64, disabled: bool) -> Result<(), ApiError> {
    let actor = guard::require_user(Admins::ROLES).await?;
    Ok(accounts::set_disabled(&guard::state()?, actor, user_id, disabled).await?)
}

/// A reset: the password stops working, sessions end, a new invitation link.
#[server(endpoint = "users/reset")]
pub async fn reset_user(user_id: i64) -> Result<InvitationLink, ApiError> {
    let actor = guard::require_user(Admins::ROLES).await?;
    Ok(accounts::reset(&guard::state()?, actor, user_id).await?)
}

/// Another role for an account; its sessions end.
#[server(endpoint = "users/role")]
pub async fn set_user_role(user_id: i64, role: Role) -> Result<(), ApiError> {
    let actor = guard::require_user(Admins::ROLES).await?;
    Ok(accounts::set_role(&guard::state()?, actor, user_id, role).await?)
}

/// The signed-in user's new password, after their current one. Their other sessions
/// end; this browser stays signed in.
#[server(endpoint = "account/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    let who =
        accounts::change_password(&guard::state()?, actor, current_password, new_password).await?;
    guard::sign_in_user(&guard::session().await?, who).await
}

/// Signs out every other session of the signed-in user; this browser stays signed in.
#[server(endpoint = "account/sign-out-others")]
pub async fn sign_out_others() -> Result<(), ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    let who = accounts::sign_out_others(&guard::state()?, actor).await?;
    guard::sign_in_user(&guard::session().await?, who).await
}

/// Whom an invitation link is for, while it works (the page reads the token from the
/// link's fragment and posts it here).
#[server(endpoint = "welcome/check")]
pub async fn check_invitation(token: String) -> Result<InvitationInfo, ApiError> {
    Ok(accounts::invitation_info(&guard::state()?, &token).await?)
}

/// Sets the invitee's password from the link (once) and signs them in.
#[server(endpoint = "welcome/accept")]
pub async fn accept_invitation(token: String, password: String) -> Result<Me, ApiError> {
    let (who, me) = accounts::accept(&guard::state()?, &token, password).await?;
    guard::sign_in_user(&guard::session().await?, who).await?;
    Ok(me)
}
