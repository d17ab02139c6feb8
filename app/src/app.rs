//! The HTML shell, the router and the providers every screen shares.

use crate::components::auth::provide_auth;
use crate::components::header::Header;
use crate::i18n::*;
use crate::pages::{
    account::AccountPage,
    attendees::{AttendeePage, AttendeesPage, RegisterPage},
    audit::AuditPage,
    breaches::{BreachNewPage, BreachPage, BreachesPage},
    dashboard::DashboardPage,
    event::EventPage,
    event_edit::EventEditPage,
    home::HomePage,
    import::ImportPage,
    kiosk::KioskPage,
    kiosk_staff::KioskStaffPage,
    login::LoginPage,
    me::MePage,
    not_found::NotFound,
    photo::PhotoPage,
    photos::PhotosPage,
    privacy::PrivacyPage,
    record::{EventRecordPage, InstanceRecordPage},
    requests::{RequestPage, RequestsPage},
    scan::ScanPage,
    settings::SettingsPage,
    signs::SignsPage,
    users::UsersPage,
    verdict::VerdictPage,
    welcome::WelcomePage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The document around the app. `<html lang>` is set by the i18n provider, which
/// follows the language cookie (SSR) and the switch (browser).
pub fn shell(options: leptos::config::LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                // Lets a phone keep the scanner on its home screen (issue 18 point 6).
                <link rel="manifest" href="/manifest.webmanifest"/>
                <AutoReload options=options.clone()/>
                // The CSS under its hashed name (`hash-files`), like the JS and wasm.
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider>
            <Title text="Lanyard"/>
            <Router>
                <Screens/>
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn Screens() -> impl IntoView {
    let i18n = use_i18n();
    provide_auth();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <Header/>
        <Routes fallback=NotFound>
            <Route path=path!("/") view=HomePage/>
            <Route path=path!("/login") view=LoginPage/>
            <Route path=path!("/dashboard") view=DashboardPage/>
            <Route path=path!("/dashboard/audit") view=AuditPage/>
            <Route path=path!("/dashboard/breaches") view=BreachesPage/>
            <Route path=path!("/dashboard/breaches/new") view=BreachNewPage/>
            <Route path=path!("/dashboard/breaches/:id") view=BreachPage/>
            <Route path=path!("/dashboard/users") view=UsersPage/>
            <Route path=path!("/account") view=AccountPage/>
            <Route path=path!("/welcome") view=WelcomePage/>
            <Route path=path!("/dashboard/record") view=InstanceRecordPage/>
            <Route path=path!("/dashboard/events/:id") view=EventPage/>
            <Route path=path!("/dashboard/events/:id/settings") view=SettingsPage/>
            <Route path=path!("/dashboard/events/:id/edit") view=EventEditPage/>
            <Route path=path!("/dashboard/events/:id/signs") view=SignsPage/>
            <Route path=path!("/dashboard/events/:id/attendees") view=AttendeesPage/>
            <Route path=path!("/dashboard/events/:id/attendees/new") view=RegisterPage/>
            <Route path=path!("/dashboard/events/:id/attendees/:aid") view=AttendeePage/>
            <Route path=path!("/dashboard/events/:id/import") view=ImportPage/>
            <Route path=path!("/dashboard/events/:id/requests") view=RequestsPage/>
            <Route path=path!("/dashboard/events/:id/requests/:request") view=RequestPage/>
            <Route path=path!("/dashboard/events/:id/record") view=EventRecordPage/>
            <Route path=path!("/kiosk") view=KioskPage/>
            <Route path=path!("/kiosk/staff") view=KioskStaffPage/>
            <Route path=path!("/scan") view=ScanPage/>
            <Route path=path!("/photos/:event") view=PhotosPage/>
            <Route path=path!("/photos/:event/p/:photo") view=PhotoPage/>
            <Route path=path!("/b/:token") view=VerdictPage/>
            <Route path=path!("/me") view=MePage/>
            <Route path=path!("/e/:event/privacy") view=PrivacyPage/>
        </Routes>
    }
}
