//! Wire types: plain serde structs that cross between browser and server.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Organiser,
    Photographer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Organiser => "organiser",
            Role::Photographer => "photographer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "organiser" => Some(Role::Organiser),
            "photographer" => Some(Role::Photographer),
            _ => None,
        }
    }

    /// May manage events, attendees and the audit log.
    pub fn manages_events(self) -> bool {
        matches!(self, Role::Admin | Role::Organiser)
    }
}

/// Who the current browser is signed in as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Me {
    User {
        email: String,
        role: Role,
    },
    Kiosk {
        event_id: String,
        event_name: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    /// Random public id, used in URLs instead of the row id.
    pub id: String,
    pub name: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub venue: String,
    pub default_lang: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEvent {
    pub name: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub venue: String,
    pub default_lang: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingCode {
    pub code: String,
    pub event_name: String,
    pub expires_in_secs: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub principal_kind: String,
    pub action: String,
    pub subject: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub rows: Vec<AuditRow>,
    pub total: i64,
    /// `Ok(rows verified)` or `Err(description of the first break)`.
    pub chain: Result<u64, String>,
}

/// Errors every server function can return. The browser turns each into a sentence
/// from the locale files; none carries personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed for this account")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many attempts")]
    RateLimited,
    #[error("wrong email or password")]
    WrongCredentials,
    /// A code naming what is wrong, e.g. `name_missing`.
    #[error("bad input: {0}")]
    BadInput(String),
    #[error("server error")]
    Server,
    #[error("network error")]
    Network,
}

impl leptos::server_fn::error::FromServerFnError for ApiError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Request(_) => ApiError::Network,
            E::Args(_) | E::MissingArg(_) | E::Deserialization(_) => {
                ApiError::BadInput("malformed_request".into())
            }
            _ => ApiError::Server,
        }
    }
}

#[cfg(feature = "ssr")]
impl ApiError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            ApiError::Unauthorized | ApiError::WrongCredentials => S::UNAUTHORIZED,
            ApiError::Forbidden => S::FORBIDDEN,
            ApiError::NotFound => S::NOT_FOUND,
            ApiError::RateLimited => S::TOO_MANY_REQUESTS,
            ApiError::BadInput(_) => S::BAD_REQUEST,
            ApiError::Server | ApiError::Network => S::INTERNAL_SERVER_ERROR,
        }
    }
}
