//! The removal form's photos to choose from, as checkboxes with thumbnails.

use crate::i18n::*;
use crate::types::MyPhoto;
use leptos::prelude::*;

#[component]
pub(super) fn PhotoPicks(
    photos: Memo<Vec<MyPhoto>>,
    chosen: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        photos
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let n = (i + 1).to_string();
                let id = p.id.clone();
                let id2 = p.id.clone();
                view! {
                    <li>
                        <label class="me-pick">
                            <input
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| x != &id2);
                                        if on {
                                            c.push(id2.clone());
                                        }
                                    });
                                }
                            />
                            <img src=p.thumb alt=""/>
                            <span>{t!(i18n, me.choose_photo, n)}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    }
}
