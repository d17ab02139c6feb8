//! The audit log (requirement 19): who viewed, exported or changed personal data. An
//! organiser filters it by event, person, user, action and days, and downloads the
//! filtered rows as CSV (issue 16 point 5). The filter lives in the address
//! (`/dashboard/audit?event=…&person=34`), so the event and attendee pages link to it.
//! One component per file under `audit/`: the filter form and the CSV button.

mod export_button;
mod filter_form;

use crate::api::audit::list_audit;
use crate::components::audit_table::AuditTable;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use crate::types::AuditFilter;
use export_button::ExportButton;
use filter_form::FilterForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <RequireManager>
            <AuditPanel/>
        </RequireManager>
    }
}

#[component]
fn AuditPanel() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        AuditFilter::from_query(|k| q.get(k))
    });
    let before = RwSignal::new(None::<i64>);
    // A new filter starts at the newest rows.
    Effect::new(move |_| {
        filter.track();
        before.set(None);
    });
    let page = Resource::new(
        move || (before.get(), filter.get()),
        |(before_id, f)| list_audit(before_id, Some(f)),
    );
    view! {
        <main id="main" class="page">
            <h1>{t!(i18n, audit.title)}</h1>
            <p class="lead">{t!(i18n, audit.lead)}</p>
            <FilterForm filter/>
            <ExportButton filter/>
            <AuditRows page before filter/>
        </main>
    }
    .into_any()
}

/// The rows of one page, whether the chain verifies, and the way to older rows.
#[component]
fn AuditRows(
    page: Resource<Result<crate::types::AuditView, crate::types::ApiError>>,
    before: RwSignal<Option<i64>>,
    filter: Memo<AuditFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, audit.loading)}</p> }>
            {move || {
                page.get()
                    .map(|r| loaded(r, |view| {
                        let count = view.total;
                        let oldest = view.rows.last().map(|r| r.id);
                        let chain = match view.chain {
                            Ok(count) => {
                                view! { <p class="ok" role="status">{t!(i18n, audit.verified, count)}</p> }
                                    .into_any()
                            }
                            Err(detail) => {
                                view! { <p class="error" role="alert">{t!(i18n, audit.broken, detail)}</p> }
                                    .into_any()
                            }
                        };
                        // When the chain was last found intact (issue 14, point 7).
                        let verified_at = match view.verified_at {
                            Some(time) => {
                                view! { <p class="meta">{t!(i18n, audit.verified_at, time)}</p> }
                                    .into_any()
                            }
                            None => {
                                view! { <p class="meta">{t!(i18n, audit.never_verified)}</p> }
                                    .into_any()
                            }
                        };
                        let filtered = (filter.get_untracked() != AuditFilter::default())
                            .then(|| view! { <p class="meta" role="status">{t!(i18n, audit.filter_active, count)}</p> });
                        let newest = before
                            .get_untracked()
                            .is_some()
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="secondary"
                                        on:click=move |_| before.set(None)
                                    >
                                        {t!(i18n, audit.newest)}
                                    </button>
                                }
                            });
                        let body = if view.rows.is_empty() {
                            view! { <p class="empty">{t!(i18n, audit.empty)}</p> }.into_any()
                        } else {
                            view! {
                                <AuditTable rows=view.rows full=true/>
                                <p class="meta">{t!(i18n, audit.total, count)}</p>
                                {oldest
                                    .filter(|id| *id > 1)
                                    .map(|id| {
                                        view! {
                                            <button
                                                type="button"
                                                class="secondary"
                                                on:click=move |_| before.set(Some(id))
                                            >
                                                {t!(i18n, audit.older)}
                                            </button>
                                        }
                                    })}
                            }
                                .into_any()
                        };
                        view! {
                            {chain}
                            {verified_at}
                            {filtered}
                            {body}
                            {newest}
                        }
                    }))
            }}
        </Transition>
    }
    .into_any()
}
