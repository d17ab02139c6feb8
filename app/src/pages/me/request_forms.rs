//! What the request forms share: the sending action, each form's message, the photos
//! chosen for removal, the erasure confirmation, and which form sent last.

use super::state::{lang, I18n, Me};
use crate::api::me::me_request;
use crate::i18n::*;
use crate::types::{ApiError, MyPhoto, MyRequest, MyRequestInput, RequestKind};
use leptos::prelude::*;

/// The request forms' state, shared by the forms.
#[derive(Clone, Copy)]
pub(super) struct RequestForms {
    pub(super) requests: Memo<Vec<MyRequest>>,
    pub(super) photos: Memo<Vec<MyPhoto>>,
    pub(super) send: Action<MyRequestInput, Result<MyRequestInput, ApiError>>,
    /// The form that sent last: its answer shows under it.
    pub(super) last_kind: RwSignal<Option<RequestKind>>,
    pub(super) problem: RwSignal<Option<(RequestKind, String)>>,
    removal_msg: RwSignal<String>,
    erasure_msg: RwSignal<String>,
    objection_msg: RwSignal<String>,
    restriction_msg: RwSignal<String>,
    pub(super) all_photos: RwSignal<bool>,
    pub(super) chosen: RwSignal<Vec<String>>,
    pub(super) confirm_erase: RwSignal<bool>,
}

impl RequestForms {
    pub(super) fn new(me: Me) -> Self {
        let forms = Self {
            requests: me.memo(|d| d.requests.clone()),
            photos: me.memo(|d| d.photos.clone()),
            send: me.action(|code, request: MyRequestInput| me_request(code, request)),
            last_kind: RwSignal::new(None::<RequestKind>),
            problem: RwSignal::new(None::<(RequestKind, String)>),
            removal_msg: RwSignal::new(String::new()),
            erasure_msg: RwSignal::new(String::new()),
            objection_msg: RwSignal::new(String::new()),
            restriction_msg: RwSignal::new(String::new()),
            all_photos: RwSignal::new(true),
            chosen: RwSignal::new(Vec::<String>::new()),
            confirm_erase: RwSignal::new(false),
        };
        // A request sent: its form empties.
        Effect::new(move |_| {
            if let Some(Ok(req)) = forms.send.value().get() {
                forms.message_of(req.kind).set(String::new());
                if req.kind == RequestKind::Removal {
                    forms.chosen.set(Vec::new());
                    forms.all_photos.set(true);
                }
                if req.kind == RequestKind::Erasure {
                    forms.confirm_erase.set(false);
                }
            }
        });
        forms
    }

    /// The message typed in a kind's form.
    pub(super) fn message_of(self, kind: RequestKind) -> RwSignal<String> {
        match kind {
            RequestKind::Removal => self.removal_msg,
            RequestKind::Erasure => self.erasure_msg,
            RequestKind::Objection => self.objection_msg,
            RequestKind::Restriction => self.restriction_msg,
        }
    }

    pub(super) fn busy(self) -> bool {
        self.send.pending().get()
    }

    /// Sends a kind's form; a removal of chosen photos needs at least one.
    pub(super) fn submit(self, i18n: I18n, kind: RequestKind) {
        let Self {
            photos,
            send,
            last_kind,
            problem,
            all_photos,
            chosen,
            ..
        } = self;
        problem.set(None);
        let mut photos_wanted = Vec::new();
        if kind == RequestKind::Removal && !all_photos.get_untracked() {
            let known = photos.get_untracked();
            photos_wanted = chosen
                .get_untracked()
                .into_iter()
                .filter(|id| known.iter().any(|p| &p.id == id))
                .collect();
            if photos_wanted.is_empty() && !known.is_empty() {
                problem.set(Some((kind, t_string!(i18n, me.choose_none).to_string())));
                return;
            }
        }
        last_kind.set(Some(kind));
        send.dispatch(MyRequestInput {
            kind,
            photos: photos_wanted,
            message: self.message_of(kind).get_untracked(),
            lang: crate::types::Lang::or_latvian(&lang(i18n)),
        });
    }
}
