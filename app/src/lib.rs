//! Lanyard's user interface and, behind the `ssr` feature, its server side.
//!
//! - `types`: plain serde wire types shared by browser and server.
//! - `csv_text`: the one CSV writer (formula cells escaped), browser and server.
//! - `api`: server functions (authorise → call the domain → map errors).
//! - `pages`, `components`: the screens.
//! - `domain` (ssr only): rules, the SQLite store (the only place SQL lives) and audit.

#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod api;
mod app;
pub mod components;
pub mod csv_text;
pub mod pages;
pub mod types;
pub mod validate;

#[cfg(feature = "ssr")]
pub mod domain;

pub use app::{shell, App};

/// The browser entry point: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    // Marks the page as interactive (browser tests wait for it).
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
