//! `/me`: the attendee's self-service page (issue 6; requirements 5, 8, 15, 17). With
//! the private code from their registration an attendee sees their data for the event,
//! downloads it (JSON, CSV), corrects a field, switches their photo choice either way
//! and asks for photo removal, erasure, objection or restriction.
//!
//! The code lives in a signal only: never in the address, browser storage or a cookie,
//! and it travels in POST bodies. "Done — forget me on this device" (or two minutes
//! without a touch) drops the code and everything shown, and the page returns to the
//! code entry: a shared kiosk tablet keeps nothing of the attendee.
//!
//! This file: the page frame, the idle timeout and the switch between the code entry and
//! the data view. The parts live in `me/`, one component a file.

mod code_entry;
mod consent;
mod consent_history;
mod data_view;
mod detail_facts;
mod details;
mod disclosure;
mod erasure_request;
mod export;
mod field_edit;
mod field_editor;
mod field_row;
mod guardian_fields;
mod message_field;
mod photo_picks;
mod photos;
mod plain_request;
mod removal_request;
mod request_feedback;
mod request_forms;
mod request_list;
mod requests;
mod state;
mod words;

use crate::i18n::*;
use code_entry::CodeEntry;
use data_view::DataView;
use leptos::prelude::*;
use state::Me;

/// Seconds without a touch or key after which the data view forgets the attendee.
const IDLE_SECS: u32 = 120;

#[component]
pub fn MePage() -> AnyView {
    let i18n = use_i18n();
    let me = Me {
        code: RwSignal::new(String::new()),
        data: RwSignal::new(None),
        session: StoredValue::new(0),
    };
    // "Your data has been cleared" after forgetting.
    let forgotten = RwSignal::new(false);
    let idle = RwSignal::new(0u32);
    let forget = move || {
        me.forget();
        idle.set(0);
        forgotten.set(true);
    };

    // Idle timeout: a kiosk tablet left with someone's data forgets them.
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || {
                if me.data.with_untracked(Option::is_none) {
                    idle.set(0);
                    return;
                }
                let n = idle.get_untracked() + 1;
                if n >= IDLE_SECS {
                    forget();
                } else {
                    idle.set(n);
                }
            },
            std::time::Duration::from_secs(1),
        );
        on_cleanup(move || {
            if let Ok(h) = handle {
                h.clear();
            }
        });
    });

    view! {
        <main
            id="main"
            class="page me-page"
            on:pointerdown=move |_| idle.set(0)
            on:keydown=move |_| idle.set(0)
            on:input=move |_| idle.set(0)
            on:wheel=move |_| idle.set(0)
        >
            <h1>{t!(i18n, me.title)}</h1>
            <Show
                when=move || me.data.with(Option::is_some)
                fallback=move || view! { <CodeEntry me forgotten/> }
            >
                <DataView me on_forget=Callback::new(move |_: ()| forget())/>
            </Show>
        </main>
    }
    .into_any()
}
