//! One module per screen.

pub mod account;
pub mod attendees;
pub mod audit;
pub mod breaches;
pub mod dashboard;
pub mod event;
pub mod event_edit;
pub mod home;
pub mod import;
pub mod kiosk;
pub mod kiosk_staff;
pub mod login;
pub mod me;
pub mod not_found;
pub mod photo;
pub mod photos;
pub mod privacy;
pub mod record;
pub mod requests;
pub mod scan;
pub mod settings;
pub mod signs;
pub mod users;
pub mod verdict;
pub mod welcome;
