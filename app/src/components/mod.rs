//! Pieces shared by several screens.

pub mod audit_table;
pub mod auth;
pub mod badge;
pub mod badge_legend;
pub mod camera;
pub mod consent_tag;
pub mod credential_fields;
pub mod data_table;
pub mod draw;
pub mod errors;
pub mod event_loader;
pub mod files;
pub mod header;
pub mod invitation;
pub mod lang_switch;
pub mod loaded;
pub mod not_found;
pub mod notice_box;
pub mod person_fields;
pub mod required_note;
pub mod signature;
pub mod state_icon;
pub mod text_field;
pub mod time;
pub mod uploader;
pub mod words;
