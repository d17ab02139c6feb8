//! Who is signed in: account roles and the current principal.

use super::PublicId;
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
        event_id: PublicId,
        event_name: String,
    },
}
