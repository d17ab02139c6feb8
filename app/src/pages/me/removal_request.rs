//! The photo removal form: all photos or chosen ones, a message and a button.

use super::disclosure::Disclosure;
use super::message_field::MessageField;
use super::photo_picks::PhotoPicks;
use super::request_feedback::RequestFeedback;
use super::request_forms::RequestForms;
use crate::i18n::*;
use crate::types::RequestKind;
use leptos::prelude::*;

#[component]
pub(super) fn RemovalRequest(forms: RequestForms) -> impl IntoView {
    let i18n = use_i18n();
    let RequestForms {
        photos,
        all_photos,
        chosen,
        ..
    } = forms;
    view! {
        <li>
            <Disclosure id="me-removal" title=Signal::derive(move || t_string!(i18n, me.open_removal).to_string())>
                <p>{t!(i18n, me.removal_help)}</p>
                <form method="post" on:submit=move |ev| { ev.prevent_default(); forms.submit(i18n, RequestKind::Removal); }>
                    <fieldset class="me-which">
                        <legend>{t!(i18n, me.which)}</legend>
                        <label class="check">
                            <input
                                type="radio"
                                name="me-which"
                                prop:checked=move || all_photos.get()
                                on:change=move |_| all_photos.set(true)
                            />
                            <span>{t!(i18n, me.all_photos)}</span>
                        </label>
                        // Choosing needs the thumbnails, sent only while consent is green.
                        <Show when=move || photos.with(|p| !p.is_empty())>
                            <label class="check">
                                <input
                                    type="radio"
                                    name="me-which"
                                    prop:checked=move || !all_photos.get()
                                    on:change=move |_| all_photos.set(false)
                                />
                                <span>{t!(i18n, me.chosen_photos)}</span>
                            </label>
                        </Show>
                    </fieldset>
                    <Show when=move || !all_photos.get() && photos.with(|p| !p.is_empty())>
                        <fieldset class="me-which">
                            <legend>{t!(i18n, me.choose_help)}</legend>
                            <ul class="me-photos me-picks"><PhotoPicks photos chosen/></ul>
                        </fieldset>
                    </Show>
                    <MessageField forms kind=RequestKind::Removal id="me-removal-message"/>
                    <button type="submit" class="primary" disabled=move || forms.busy()>{t!(i18n, me.removal_submit)}</button>
                    <RequestFeedback forms kind=RequestKind::Removal/>
                </form>
            </Disclosure>
        </li>
    }
}
