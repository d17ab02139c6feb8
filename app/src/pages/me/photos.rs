//! `/me`: how many photos there are, and their thumbnails while the choice is green.

use super::state::Me;
use crate::components::badge::ConsentIcon;
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

#[component]
pub(super) fn Photos(me: Me) -> AnyView {
    let i18n = use_i18n();
    let state = Memo::new(move |_| me.with(|d| (d.photo_count, d.consent)));
    let photos = me.memo(|d| d.photos.clone());
    // The thumbnails open on demand (they can be many).
    let open = RwSignal::new(false);
    view! {
        <section class="card" aria-labelledby="me-photos-title">
            <h2 id="me-photos-title">{t!(i18n, me.photos_title)}</h2>
            {move || state.get().map(|(count, consent)| {
                let shown = photos.with(|p| !p.is_empty());
                let n = count.to_string();
                view! {
                    <p class="me-photo-count">{t!(i18n, me.photo_count, n)}</p>
                    {(count == 0).then(|| view! { <p class="help">{t!(i18n, me.photos_none)}</p> })}
                    {(count > 0 && !shown && consent != Some(Consent::Green)).then(|| view! {
                        <p class="me-hidden-note">
                            <ConsentIcon consent=Consent::Red/>
                            {t!(i18n, me.photos_hidden)}
                        </p>
                    })}
                }
            })}
            <Show when=move || photos.with(|p| !p.is_empty())>
                <button
                    type="button"
                    class="secondary me-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="me-photo-list"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {t!(i18n, me.photos_show)}
                </button>
                <ul id="me-photo-list" class="me-photos" hidden=move || !open.get()>
                    {move || {
                        photos
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, p)| {
                                let n = (i + 1).to_string();
                                view! {
                                    <li>
                                        <img src=p.thumb alt=move || { let n = n.clone(); t_string!(i18n, me.photo_alt, n).to_string() }/>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
    .into_any()
}
