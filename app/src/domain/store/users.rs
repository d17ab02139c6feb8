//! Accounts of organisers, photographers and admins (issue 16: invitations, disabling,
//! resets, roles, passwords; requirement 22).
//!
//! Every change that must end a user's sessions raises `users.session_epoch` and deletes
//! the user's `sessions` rows in the same transaction; a session signed in under an older
//! epoch no longer loads (see `sessions`), so even one that a request in flight saves
//! again is dead.

use super::audit::append;
use super::{now_rfc3339, Actor, Conflict, Store, StoreError, StoreResult};
use crate::types::{AccountStatus, EventId, Role};
use rusqlite::{params, OptionalExtension, Transaction};

/// What sign-in needs. The password hash never leaves the server.
pub struct LoginRecord {
    pub id: i64,
    pub password_hash: String,
    pub role: Role,
    /// The session epoch a new session is signed in under.
    pub epoch: i64,
    /// Enabled and with a password (an invited or reset account has none yet).
    pub can_sign_in: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub created_at: String,
    pub status: AccountStatus,
    pub last_login_at: Option<String>,
}

/// An invitation found by its token's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvitationRecord {
    pub id: i64,
    pub user_id: i64,
    pub email: String,
    pub role: Role,
    /// Unix seconds.
    pub expires_at: i64,
    pub used: bool,
    pub disabled: bool,
}

/// A new one-time invitation: the token's hash and when it stops working (unix seconds).
pub struct NewInvitation {
    pub token_hash: String,
    pub expires_at: i64,
}

fn role_from_sql(s: String) -> rusqlite::Result<Role> {
    Role::parse(&s).ok_or_else(|| {
        rusqlite::Error::InvalidColumnType(0, "role".into(), rusqlite::types::Type::Text)
    })
}

/// The columns of a [`UserRecord`], with the status as the list shows it.
const USER_COLUMNS: &str = "id, email, role, created_at,
    CASE WHEN status = 'disabled' THEN 'disabled' WHEN password_hash = '' THEN 'invited'
         ELSE 'active' END,
    last_login_at";

fn user_record(r: &rusqlite::Row) -> rusqlite::Result<UserRecord> {
    let status: String = r.get(4)?;
    Ok(UserRecord {
        id: r.get(0)?,
        email: r.get(1)?,
        role: role_from_sql(r.get(2)?)?,
        created_at: r.get(3)?,
        status: match status.as_str() {
            "disabled" => AccountStatus::Disabled,
            "invited" => AccountStatus::Invited,
            _ => AccountStatus::Active,
        },
        last_login_at: r.get(5)?,
    })
}

/// An admin who can sign in: enabled, with a password.
const ACTIVE_ADMIN: &str = "role = 'admin' AND status = 'active' AND password_hash != ''";

/// Refuses to take away the last admin who can sign in (issue 16): `user_id` is an active
/// admin and no other one is.
fn keep_an_admin(tx: &Transaction, user_id: i64) -> StoreResult<()> {
    let target: bool = tx
        .query_row(
            &format!("SELECT {ACTIVE_ADMIN} FROM users WHERE id = ?1"),
            [user_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound)?;
    let others: i64 = tx.query_row(
        &format!("SELECT count(*) FROM users WHERE {ACTIVE_ADMIN} AND id != ?1"),
        [user_id],
        |r| r.get(0),
    )?;
    if target && others == 0 {
        return Err(StoreError::Conflict(Conflict::LastAdmin));
    }
    Ok(())
}

/// Ends every session of the user: a new epoch, and their session rows deleted.
/// Returns the new epoch.
fn end_sessions(tx: &Transaction, user_id: i64) -> StoreResult<i64> {
    let n = tx.execute(
        "UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?1",
        [user_id],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])?;
    Ok(tx.query_row(
        "SELECT session_epoch FROM users WHERE id = ?1",
        [user_id],
        |r| r.get(0),
    )?)
}

fn insert_invitation(tx: &Transaction, user_id: i64, inv: &NewInvitation) -> StoreResult<()> {
    // One link at a time: an earlier unused one stops working.
    tx.execute(
        "DELETE FROM invitations WHERE user_id = ?1 AND used_at IS NULL",
        [user_id],
    )?;
    tx.execute(
        "INSERT INTO invitations (user_id, token_hash, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![user_id, inv.token_hash, now_rfc3339(), inv.expires_at],
    )?;
    Ok(())
}

fn email_taken(tx: &Transaction, email: &str) -> StoreResult<bool> {
    let exists: Option<i64> = tx
        .query_row("SELECT id FROM users WHERE email = ?1", [email], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(exists.is_some())
}

impl Store {
    pub async fn create_user(
        &self,
        actor: Actor,
        email: String,
        password_hash: String,
        role: Role,
    ) -> StoreResult<i64> {
        self.tx(move |tx| {
            if email_taken(tx, &email)? {
                return Err(StoreError::Conflict(Conflict::EmailAlreadyRegistered));
            }
            tx.execute(
                "INSERT INTO users (email, password_hash, role, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![email, password_hash, role.as_str(), now_rfc3339()],
            )?;
            let id = tx.last_insert_rowid();
            append(tx, &actor, "user.create", &format!("user:{id}"))?;
            Ok(id)
        })
        .await
    }

    /// A new account without a password and its invitation; with `assign_to`, the new
    /// photographer is added to that event in the same transaction. Audited
    /// `user.invite` (and `event.photographer_add`).
    pub async fn invite_user(
        &self,
        actor: Actor,
        email: String,
        role: Role,
        invitation: NewInvitation,
        assign_to: Option<EventId>,
    ) -> StoreResult<i64> {
        self.tx(move |tx| {
            if email_taken(tx, &email)? {
                return Err(StoreError::Conflict(Conflict::EmailAlreadyRegistered));
            }
            tx.execute(
                "INSERT INTO users (email, password_hash, role, created_at) VALUES (?1, '', ?2, ?3)",
                params![email, role.as_str(), now_rfc3339()],
            )?;
            let id = tx.last_insert_rowid();
            insert_invitation(tx, id, &invitation)?;
            append(tx, &actor, "user.invite", &format!("user:{id},role:{}", role.as_str()))?;
            if let Some(event) = assign_to {
                super::assignments::assign_in(tx, &actor, event, id)?;
            }
            Ok(id)
        })
        .await
    }

    /// A reset: the password stops working at once, every session ends, and a new
    /// invitation replaces any earlier one. `keep_admin`: refuse for the last active
    /// admin (the browser; the command line may, as the way back in). Audited
    /// `user.reset`.
    pub async fn reset_user(
        &self,
        actor: Actor,
        user_id: i64,
        invitation: NewInvitation,
        keep_admin: bool,
    ) -> StoreResult<UserRecord> {
        self.tx(move |tx| {
            if keep_admin {
                keep_an_admin(tx, user_id)?;
            }
            let n = tx.execute(
                "UPDATE users SET password_hash = '' WHERE id = ?1",
                [user_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            end_sessions(tx, user_id)?;
            insert_invitation(tx, user_id, &invitation)?;
            append(tx, &actor, "user.reset", &format!("user:{user_id}"))?;
            Ok(tx.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [user_id],
                user_record,
            )?)
        })
        .await
    }

    /// Disables (ending every session at once) or enables an account. Disabling the last
    /// active admin is refused. Audited `user.disable` / `user.enable`.
    pub async fn set_user_disabled(
        &self,
        actor: Actor,
        user_id: i64,
        disabled: bool,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            if disabled {
                keep_an_admin(tx, user_id)?;
            }
            let n = tx.execute(
                "UPDATE users SET status = ?1 WHERE id = ?2",
                params![if disabled { "disabled" } else { "active" }, user_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            if disabled {
                end_sessions(tx, user_id)?;
            }
            let action = if disabled {
                "user.disable"
            } else {
                "user.enable"
            };
            append(tx, &actor, action, &format!("user:{user_id}"))?;
            Ok(())
        })
        .await
    }

    /// Gives an account another role; its sessions end (they carry the role). Demoting
    /// the last active admin is refused. Audited `user.role`.
    pub async fn set_user_role(&self, actor: Actor, user_id: i64, role: Role) -> StoreResult<()> {
        self.tx(move |tx| {
            if role != Role::Admin {
                keep_an_admin(tx, user_id)?;
            }
            let n = tx.execute(
                "UPDATE users SET role = ?1 WHERE id = ?2",
                params![role.as_str(), user_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            end_sessions(tx, user_id)?;
            append(
                tx,
                &actor,
                "user.role",
                &format!("user:{user_id},role:{}", role.as_str()),
            )?;
            Ok(())
        })
        .await
    }

    /// The invitation behind a token's hash, if any. Not audited: it shows the invitee
    /// their own account, to whoever holds the link.
    pub async fn invitation(&self, token_hash: String) -> StoreResult<Option<InvitationRecord>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT i.id, i.user_id, u.email, u.role, i.expires_at, i.used_at IS NOT NULL,
                        u.status = 'disabled'
                 FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = ?1",
                [&token_hash],
                |r| {
                    Ok(InvitationRecord {
                        id: r.get(0)?,
                        user_id: r.get(1)?,
                        email: r.get(2)?,
                        role: role_from_sql(r.get(3)?)?,
                        expires_at: r.get(4)?,
                        used: r.get(5)?,
                        disabled: r.get(6)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    /// Uses an invitation once: sets the password, marks it used and ends any session.
    /// A second use (even a racing one) is `Conflict::InvitationInvalid`. Returns the
    /// account's epoch for the new session. Audited `user.invitation_used` as the user.
    pub async fn use_invitation(
        &self,
        invitation_id: i64,
        user_id: i64,
        role: Role,
        password_hash: String,
    ) -> StoreResult<i64> {
        self.tx(move |tx| {
            let used = tx.execute(
                "UPDATE invitations SET used_at = ?1 WHERE id = ?2 AND user_id = ?3 AND used_at IS NULL",
                params![now_rfc3339(), invitation_id, user_id],
            )?;
            let set = tx.execute(
                "UPDATE users SET password_hash = ?1 WHERE id = ?2 AND status = 'active' AND role = ?3",
                params![password_hash, user_id, role.as_str()],
            )?;
            if used == 0 || set == 0 {
                return Err(StoreError::Conflict(Conflict::InvitationInvalid));
            }
            let epoch = end_sessions(tx, user_id)?;
            let actor = Actor::User { id: user_id, role };
            append(tx, &actor, "user.invitation_used", &format!("user:{user_id}"))?;
            Ok(epoch)
        })
        .await
    }

    /// A user's new password (checked by the caller); every session ends, and the
    /// caller signs the current one in again under the returned epoch. Audited
    /// `user.password_change`.
    pub async fn change_password(
        &self,
        actor: Actor,
        user_id: i64,
        password_hash: String,
    ) -> StoreResult<i64> {
        self.tx(move |tx| {
            let n = tx.execute(
                "UPDATE users SET password_hash = ?1 WHERE id = ?2",
                params![password_hash, user_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            let epoch = end_sessions(tx, user_id)?;
            append(
                tx,
                &actor,
                "user.password_change",
                &format!("user:{user_id}"),
            )?;
            Ok(epoch)
        })
        .await
    }

    /// Ends every session of the user; the caller signs the current one in again under
    /// the returned epoch. Audited `auth.sign_out_others`.
    pub async fn end_user_sessions(&self, actor: Actor, user_id: i64) -> StoreResult<i64> {
        self.tx(move |tx| {
            let epoch = end_sessions(tx, user_id)?;
            append(
                tx,
                &actor,
                "auth.sign_out_others",
                &format!("user:{user_id}"),
            )?;
            Ok(epoch)
        })
        .await
    }

    /// A successful sign-in: its time for the admins' list, audited `auth.login`.
    pub async fn record_sign_in(&self, actor: Actor, user_id: i64) -> StoreResult<()> {
        self.tx(move |tx| {
            tx.execute(
                "UPDATE users SET last_login_at = ?1 WHERE id = ?2",
                params![now_rfc3339(), user_id],
            )?;
            append(tx, &actor, "auth.login", &format!("user:{user_id}"))?;
            Ok(())
        })
        .await
    }

    /// Looks up an account for sign-in. Not an audited read: it returns no personal
    /// data to anyone; the sign-in outcome is audited by the caller.
    pub async fn login_record(&self, email: String) -> StoreResult<Option<LoginRecord>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT id, password_hash, role, session_epoch,
                        status = 'active' AND password_hash != ''
                 FROM users WHERE email = ?1",
                [&email],
                |r| {
                    Ok(LoginRecord {
                        id: r.get(0)?,
                        password_hash: r.get(1)?,
                        role: role_from_sql(r.get(2)?)?,
                        epoch: r.get(3)?,
                        can_sign_in: r.get(4)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    /// The password hash of a signed-in user, to check their current password.
    pub async fn password_hash(&self, user_id: i64) -> StoreResult<String> {
        self.with_conn(move |c| {
            c.query_row(
                "SELECT password_hash FROM users WHERE id = ?1",
                [user_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// The signed-in user's own record (shown in the header); reading one's own
    /// account is not logged on every page view.
    pub async fn own_user(&self, id: i64) -> StoreResult<Option<UserRecord>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [id],
                user_record,
            )
            .optional()?)
        })
        .await
    }

    /// An account by email, for an organiser adding a photographer by the address they
    /// typed, and the command line. Not audited: it shows nothing the caller did not type
    /// but the role and status.
    pub async fn user_by_email(&self, email: String) -> StoreResult<Option<UserRecord>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE email = ?1"),
                [&email],
                user_record,
            )
            .optional()?)
        })
        .await
    }

    /// All accounts (emails are personal data: the read is logged).
    pub async fn list_users(&self, actor: Actor) -> StoreResult<Vec<UserRecord>> {
        self.tx(move |tx| {
            append(tx, &actor, "user.list", "users")?;
            let mut stmt = tx.prepare(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY id"))?;
            let rows = stmt
                .query_map([], user_record)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Replaces a user's password hash (the demo start-up); their sessions end.
    pub async fn set_password(
        &self,
        actor: Actor,
        user_id: i64,
        password_hash: String,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let n = tx.execute(
                "UPDATE users SET password_hash = ?1 WHERE id = ?2",
                params![password_hash, user_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            end_sessions(tx, user_id)?;
            append(tx, &actor, "user.password_set", &format!("user:{user_id}"))?;
            Ok(())
        })
        .await
    }

    pub async fn count_users(&self) -> StoreResult<i64> {
        self.with_conn(|c| Ok(c.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn create_and_list_users_writes_audit() {
        let store = Store::open_in_memory().await.unwrap();
        let id = store
            .create_user(
                Actor::Cli,
                "a@example.org".into(),
                "h".into(),
                Role::Organiser,
            )
            .await
            .unwrap();
        let dup = store
            .create_user(
                Actor::Cli,
                "A@example.org".into(),
                "h".into(),
                Role::Organiser,
            )
            .await;
        assert!(
            matches!(dup, Err(StoreError::Conflict(_))),
            "emails are case-insensitive"
        );
        let rec = store
            .login_record("a@example.org".into())
            .await
            .unwrap()
            .unwrap();
        assert_eq!((rec.id, rec.role), (id, Role::Organiser));
        let users = store.list_users(Actor::Cli).await.unwrap();
        assert_eq!(users.len(), 1);
        let log = store
            .list_audit(Actor::Cli, 10, None, Default::default())
            .await
            .unwrap();
        let actions: Vec<_> = log.rows.iter().map(|r| r.action.as_str()).collect();
        assert_eq!(actions, vec!["audit.list", "user.list", "user.create"]);
        assert!(
            log.rows.iter().all(|r| !r.subject.contains('@')),
            "no emails in the audit log"
        );
    }
}
