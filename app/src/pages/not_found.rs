//! The router's fallback screen; it lives in `components` because public pages with an
//! unknown id show it too.

pub use crate::components::not_found::NotFound;
