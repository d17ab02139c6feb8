//! The breach register (issue 17 points 1-4; requirement 20; seed 002 §5.1-5.3):
//! `/dashboard/breaches` lists the breaches the user may see with their clocks and
//! exports the register; `/dashboard/breaches/new` records one; `/dashboard/breaches/{id}`
//! shows one with its clocks, notifications, drafted texts, assessment, closing and
//! history. One component per file under `breaches/`.

mod assess_form;
mod breach_detail;
mod breach_page;
mod category_choice;
mod chosen_people;
mod close_form;
mod contacts_button;
mod drafts;
mod event_choice;
mod export_buttons;
mod facts;
mod history;
mod new_form;
mod new_page;
mod note;
mod notifications;
mod notify_form;
mod people;
mod people_picker;
mod register_table;
mod risk_choice;

pub use breach_page::BreachPage;
pub use new_page::BreachNewPage;

use crate::api::breaches::list_breaches;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use export_buttons::ExportButtons;
use leptos::prelude::*;
use register_table::RegisterTable;

#[component]
pub fn BreachesPage() -> impl IntoView {
    view! {
        <RequireManager>
            <RegisterPanel/>
        </RequireManager>
    }
}

#[component]
fn RegisterPanel() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| list_breaches());
    view! {
        <main id="main" class="page">
            <h1>{t!(i18n, breaches.title)}</h1>
            <p class="lead">{t!(i18n, breaches.lead)}</p>
            <p><a class="button primary" href="/dashboard/breaches/new">{t!(i18n, breaches.record_link)}</a></p>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, breaches.loading)}</p> }>
                {move || list.get().map(|r| loaded(r, |l| {
                    if l.rows.is_empty() {
                        view! { <p class="empty">{t!(i18n, breaches.empty)}</p> }.into_any()
                    } else {
                        view! { <RegisterTable list=l/> }.into_any()
                    }
                }))}
            </Transition>
            <ExportButtons/>
        </main>
    }
}

/// A ticked box adds `x` to `list`, an unticked one takes it out.
fn toggle<T: PartialEq + Send + Sync + 'static>(list: RwSignal<Vec<T>>, x: T, on: bool) {
    list.update(|v| {
        v.retain(|y| *y != x);
        if on {
            v.push(x);
        }
    });
}
