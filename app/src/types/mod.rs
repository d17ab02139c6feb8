//! Wire types: plain serde structs that cross between browser and server.
//!
//! One file per section; everything is re-exported here, so `crate::types::X` is the
//! path to use.

mod accounts;
mod attendees;
mod audit;
mod auth;
mod backup;
mod breaches;
mod consent;
mod errors;
mod events;
mod ids;
mod kiosk;
mod me;
mod photos;
mod privacy;
mod record;
mod requests;
mod scans;
mod settings;
mod values;

pub use accounts::*;
pub use attendees::*;
pub use audit::*;
pub use auth::*;
pub use backup::*;
pub use breaches::*;
pub use consent::*;
pub use errors::*;
pub use events::*;
pub use ids::*;
pub use kiosk::*;
pub use me::*;
pub use photos::*;
pub use privacy::*;
pub use record::*;
pub use requests::*;
pub use scans::*;
pub use settings::*;
pub use values::*;
