//! When, by whom and with what the photo was taken, and the original for organisers.

use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::PhotoDetail;
use leptos::prelude::*;

#[component]
pub(super) fn Meta(detail: RwSignal<PhotoDetail>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let d = detail.get();
        let camera = match (&d.camera_time, &d.camera_serial) {
            (None, None) => None,
            (t, s) => Some(
                [t.clone(), s.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
            ),
        };
        view! {
            <section class="card">
                <dl class="meta">
                    <dt>{t!(i18n, ph.m_taken)}</dt>
                    <dd>{d.taken_at.as_deref().map(short_time).unwrap_or_else(|| t_string!(i18n, ph.no_time).to_string())}</dd>
                    <dt>{t!(i18n, ph.m_uploaded)}</dt>
                    <dd>{short_time(&d.uploaded_at)}</dd>
                    <dt>{t!(i18n, ph.m_by)}</dt>
                    <dd>{d.photographer.clone()}</dd>
                    {d.original_name.clone().map(|n| view! { <dt>{t!(i18n, ph.m_file)}</dt><dd>{n}</dd> })}
                    {camera.map(|c| view! { <dt>{t!(i18n, ph.m_camera)}</dt><dd>{c}</dd> })}
                </dl>
                {d.can_manage.then(|| view! {
                    <a class="button secondary" href=format!("/media/photos/{}/original", d.id) download="original">
                        {t!(i18n, ph.m_original)}
                    </a>
                })}
            </section>
        }
    }
}
