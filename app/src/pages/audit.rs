//! The audit log (requirement 19): who viewed, exported or changed personal data.

use crate::api::audit::list_audit;
use crate::components::audit_table::AuditTable;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;

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
    let before = RwSignal::new(None::<i64>);
    let page = Resource::new(move || before.get(), list_audit);
    view! {
        <main id="main" class="page">
            <h1>{t!(i18n, audit.title)}</h1>
            <p class="lead">{t!(i18n, audit.lead)}</p>
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
                                {body}
                                {newest}
                            }
                        }))
                }}
            </Transition>
        </main>
    }
}
