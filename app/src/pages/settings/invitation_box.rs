//! One language's invitation text in a read-only box (selectable), with a Copy button.

use crate::components::files::copy_text;
use crate::i18n::*;
use crate::types::InvitationText;
use leptos::prelude::*;

#[component]
pub(super) fn InvitationBox(text: InvitationText) -> impl IntoView {
    let i18n = use_i18n();
    let area = NodeRef::<leptos::html::Textarea>::new();
    // None: not tried yet; Some(true) copied; Some(false) could not (the text is selected).
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let id = format!("invite-{}", text.lang);
    let help_id = format!("{id}-help");
    let lang = text.lang.clone();
    let lang_name = move || match lang.as_str() {
        "en" => t_string!(i18n, lang.en).to_string(),
        _ => t_string!(i18n, lang.lv).to_string(),
    };
    let body = text.text.clone();
    let copy = move |_| {
        let body = body.clone();
        leptos::task::spawn_local(async move {
            let ok = copy_text(body).await;
            if !ok {
                if let Some(el) = area.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    let rows = text.text.lines().count().max(4) + 2;
    let label_name = lang_name.clone();
    view! {
        <div class="field invitation">
            <label for=id.clone()>
                {move || t_string!(i18n, privacy.invite_label, lang = label_name()).to_string()}
            </label>
            <textarea
                id=id
                node_ref=area
                readonly
                rows=rows
                lang=text.lang.clone()
                aria-describedby=help_id.clone()
                prop:value=text.text.clone()
            >
                {text.text.clone()}
            </textarea>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy>
                    {move || t_string!(i18n, privacy.copy, lang = lang_name()).to_string()}
                </button>
                <span id=help_id role="status">
                    {move || {
                        copied
                            .get()
                            .map(|ok| {
                                if ok {
                                    view! { <span class="ok">{t!(i18n, privacy.copied)}</span> }.into_any()
                                } else {
                                    view! { <span class="error">{t!(i18n, privacy.copy_failed)}</span> }.into_any()
                                }
                            })
                    }}
                </span>
            </div>
        </div>
    }
}
