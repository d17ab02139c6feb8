//! The kiosk flow's steps, the attendee's draft (everything about the current attendee
//! in one signal), the server's answers, moving between steps and forgetting the
//! attendee ("Done" and the idle timeout).

use crate::api::kiosk::{CheckinFind, KioskRegister, KioskRemoval, Withdraw, WithdrawCheck};
use crate::i18n::*;
use crate::types::{Consent, KioskEvent, NoticeRef, PersonFields};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Step {
    #[default]
    Welcome,
    /// A pre-registered attendee types or scans their check-in code.
    Checkin,
    /// "Change my photo choice": the attendee scans their own badge.
    Withdraw,
    /// The new red badge prints.
    Withdrawn,
    /// "Ask for my photos to be removed" was sent: what happens next.
    RemovalAsked,
    Notice,
    Fields,
    Minor,
    Choice,
    Guardian,
    Confirm,
    Done,
}

/// Everything about the current attendee: where they are, what they typed and chose.
/// A new attendee is `Draft::default()` (the welcome screen, nothing typed), so
/// forgetting one is a single `set`; a field added here is forgotten with the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Draft {
    pub(super) step: Step,
    /// The step's message (a missing field, an invalid address), if any.
    pub(super) message: Option<String>,
    /// The notice version the attendee read ("I have read the notice"): the one the
    /// registration records (issue 14 point 4).
    pub(super) notice: Option<NoticeRef>,
    /// The notice changed before the registration was sent (409): it shows again, and
    /// once read the attendee goes straight back to confirming what they entered.
    pub(super) reread: bool,
    pub(super) fields: PersonFields,
    pub(super) is_minor: Option<bool>,
    pub(super) choice: Option<Consent>,
    pub(super) guardian_name: String,
    pub(super) guardian_confirmed: bool,
    /// The guardian's signature as a PNG data URL.
    pub(super) signature: Option<String>,
    pub(super) checkin_code: String,
    pub(super) checkin_email: String,
    /// Set when a pre-registered attendee was found: their name (if any) to greet them.
    pub(super) checkin: Option<Option<String>>,
    pub(super) withdraw_code: String,
}

impl Draft {
    /// Whether a minor chose green: the guardian's name, confirmation and signature
    /// count only then.
    pub(super) fn minor_green(&self) -> bool {
        self.is_minor == Some(true) && self.choice == Some(Consent::Green)
    }
}

/// The flow, handed to each step as one prop. Everything about the attendee lives in
/// memory (the draft and the server's answers): no navigation, no browser storage.
#[derive(Clone, Copy)]
pub(super) struct FlowState {
    pub(super) i18n: leptos_i18n::I18nContext<Locale>,
    pub(super) event: StoredValue<KioskEvent>,
    pub(super) draft: RwSignal<Draft>,
    /// The draft's step alone: a screen is drawn again when the step changes, not at
    /// every key the attendee types.
    pub(super) step: Memo<Step>,
    pub(super) register: ServerAction<KioskRegister>,
    pub(super) find: ServerAction<CheckinFind>,
    pub(super) check: ServerAction<WithdrawCheck>,
    pub(super) withdraw: ServerAction<Withdraw>,
    /// "Ask for my photos to be removed" after the badge scan (issue 16 point 6).
    pub(super) removal: ServerAction<KioskRemoval>,
    /// Seconds without a touch or key (not part of the draft: it ticks every second).
    pub(super) idle: RwSignal<u32>,
    /// The event's default language, where every attendee starts.
    pub(super) start_locale: Locale,
}

impl FlowState {
    /// The notice shown in the current language (the event's default when the current
    /// one has none).
    pub(super) fn shown_notice(self) -> Option<crate::types::NoticeText> {
        let lang = self.i18n.get_locale().as_str().to_string();
        self.event
            .with_value(|e| crate::types::NoticeText::pick(&e.notices, &lang).cloned())
    }

    /// The registration was refused with 409 `notice_changed`: fetch the event's current
    /// notices, then show the notice again with the reason, keeping everything the
    /// attendee entered (issue 14 point 4).
    pub(super) fn notice_changed(self) {
        let (event, draft, i18n) = (self.event, self.draft, self.i18n);
        leptos::task::spawn_local(async move {
            let fresh = crate::api::kiosk::kiosk_event().await;
            if let Ok(ev) = fresh {
                event.update_value(|e| e.notices = ev.notices);
            }
            draft.update(|d| {
                d.notice = None;
                d.reread = true;
                d.step = Step::Notice;
                d.message = Some(t_string!(i18n, errors.notice_changed).to_string());
            });
        });
    }
}

impl FlowState {
    /// A new attendee's empty flow for `event`, starting at the welcome screen in the
    /// event's default language (issue 12 point 4).
    pub(super) fn new(event: KioskEvent, i18n: leptos_i18n::I18nContext<Locale>) -> Self {
        let start_locale = if event.default_lang == "en" {
            Locale::en
        } else {
            Locale::lv
        };
        let draft = RwSignal::new(Draft::default());
        FlowState {
            i18n,
            event: StoredValue::new(event),
            draft,
            step: Memo::new(move |_| draft.with(|d| d.step)),
            register: ServerAction::new(),
            find: ServerAction::new(),
            check: ServerAction::new(),
            withdraw: ServerAction::new(),
            removal: ServerAction::new(),
            idle: RwSignal::new(0),
            start_locale,
        }
    }

    /// Forget everything about the attendee: back to the event's language, an empty
    /// draft and no answers from the server (they hold the badge, the private code and
    /// the found name).
    pub(super) fn forget(self) {
        if self.i18n.get_locale_untracked() != self.start_locale {
            self.i18n.set_locale(self.start_locale);
        }
        self.draft.set(Draft::default());
        self.register.clear();
        self.find.clear();
        self.check.clear();
        self.withdraw.clear();
        self.removal.clear();
        self.idle.set(0);
    }

    /// Go to the step `s`, dropping the current step's message.
    pub(super) fn go(self, s: Step) {
        self.draft.update(|d| {
            d.message = None;
            d.step = s;
        });
    }

    /// Show `m` as the step's message.
    pub(super) fn say(self, m: String) {
        self.draft.update(|d| d.message = Some(m));
    }
}
