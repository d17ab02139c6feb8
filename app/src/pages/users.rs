//! The admins' accounts page (`/dashboard/users`; issue 16 point 1, requirement 22):
//! every account with its role, status and last sign-in; invite an organiser,
//! photographer or admin with a one-time link; disable or enable, reset, change the role.

use crate::api::accounts::list_users;
use crate::components::auth::RequireAdmin;
use crate::components::data_table::DataTable;
use crate::components::loaded::loaded;
use crate::i18n::*;
use invite_form::InviteForm;
use leptos::prelude::*;
use user_row::UserRowView;

mod invite_form;
mod user_row;

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <RequireAdmin>
            <UsersPanel/>
        </RequireAdmin>
    }
}

#[component]
fn UsersPanel() -> impl IntoView {
    let i18n = use_i18n();
    // Raised after every change, so the list is read again.
    let changed = RwSignal::new(0u32);
    let users = Resource::new(move || changed.get(), |_| list_users());
    view! {
        <main id="main" class="page">
            <h1>{t!(i18n, accounts.users_title)}</h1>
            <p class="help">{t!(i18n, accounts.users_intro)}</p>
            <InviteForm changed/>
            <section class="card" aria-labelledby="users-list-title">
                <h2 id="users-list-title">{t!(i18n, accounts.list_title)}</h2>
                <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, accounts.loading)}</p> }>
                    {move || users.get().map(|r| loaded(r, |list| view! {
                        <DataTable class="users" heads=vec![
                            t!(i18n, accounts.col_email).into_any(),
                            t!(i18n, accounts.col_role).into_any(),
                            t!(i18n, accounts.col_status).into_any(),
                            t!(i18n, accounts.col_last_login).into_any(),
                            t!(i18n, accounts.col_actions).into_any(),
                        ]>
                            {list.into_iter().map(|u| view! { <UserRowView user=u changed/> }).collect_view()}
                        </DataTable>
                    }))}
                </Transition>
            </section>
        </main>
    }
}
