//! Accounts of organisers, photographers and admins.

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::types::Role;
use rusqlite::{params, OptionalExtension};

/// What sign-in needs. The password hash never leaves the server.
pub struct LoginRecord {
    pub id: i64,
    pub password_hash: String,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub created_at: String,
}

fn role_from_sql(s: String) -> rusqlite::Result<Role> {
    Role::parse(&s).ok_or_else(|| {
        rusqlite::Error::InvalidColumnType(0, "role".into(), rusqlite::types::Type::Text)
    })
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
            let exists: Option<i64> =
                tx.query_row("SELECT id FROM users WHERE email = ?1", [&email], |r| r.get(0)).optional()?;
            if exists.is_some() {
                return Err(StoreError::Conflict(super::Conflict::EmailAlreadyRegistered));
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

    /// Looks up an account for sign-in. Not an audited read: it returns no personal
    /// data to anyone; the sign-in outcome is audited by the caller.
    pub async fn login_record(&self, email: String) -> StoreResult<Option<LoginRecord>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT id, password_hash, role FROM users WHERE email = ?1",
                [&email],
                |r| {
                    Ok(LoginRecord {
                        id: r.get(0)?,
                        password_hash: r.get(1)?,
                        role: role_from_sql(r.get(2)?)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    /// The signed-in user's own record (shown in the header); reading one's own
    /// account is not logged on every page view.
    pub async fn own_user(&self, id: i64) -> StoreResult<Option<UserRecord>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT id, email, role, created_at FROM users WHERE id = ?1",
                [id],
                |r| {
                    Ok(UserRecord {
                        id: r.get(0)?,
                        email: r.get(1)?,
                        role: role_from_sql(r.get(2)?)?,
                        created_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    /// All accounts (emails are personal data: the read is logged).
    pub async fn list_users(&self, actor: Actor) -> StoreResult<Vec<UserRecord>> {
        self.tx(move |tx| {
            append(tx, &actor, "user.list", "users")?;
            let mut stmt =
                tx.prepare("SELECT id, email, role, created_at FROM users ORDER BY id")?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(UserRecord {
                        id: r.get(0)?,
                        email: r.get(1)?,
                        role: role_from_sql(r.get(2)?)?,
                        created_at: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Replaces a user's password hash (the CLI, and the demo start-up).
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
