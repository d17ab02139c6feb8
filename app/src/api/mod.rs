//! Server functions. Each one: authorise (`guard`) → one domain call → `?` (`error`). Endpoints are
//! fixed (`/api/...`) so routes and tests can name them.

pub mod accounts;
pub mod attendees;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod badges;
pub mod breaches;
pub mod events;
pub mod kiosk;
pub mod me;
pub mod photographers;
pub mod photos;
pub mod privacy;
pub mod record;
pub mod requests;
pub mod retention;
pub mod scans;
pub mod settings;

#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
pub mod guard;
