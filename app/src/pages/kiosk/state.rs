//! The kiosk flow's steps and the signals that hold one attendee's answers, with moving
//! between steps and forgetting everything ("Done" and the idle timeout).

use crate::api::kiosk::{CheckinFind, KioskRegister, Withdraw, WithdrawCheck};
use crate::i18n::*;
use crate::types::{Consent, KioskEvent, PersonFields};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    Welcome,
    /// A pre-registered attendee types or scans their check-in code.
    Checkin,
    /// "Change my photo choice": the attendee scans their own badge.
    Withdraw,
    /// The new red badge prints.
    Withdrawn,
    Notice,
    Fields,
    Minor,
    Choice,
    Guardian,
    Confirm,
    Done,
}

/// The flow's signals, handed to each step as one prop. Everything about the attendee
/// lives here, in memory: no navigation, no browser storage.
#[derive(Clone, Copy)]
pub(super) struct FlowState {
    pub(super) i18n: leptos_i18n::I18nContext<Locale>,
    pub(super) event: StoredValue<KioskEvent>,
    pub(super) step: RwSignal<Step>,
    pub(super) fields: RwSignal<PersonFields>,
    pub(super) is_minor: RwSignal<Option<bool>>,
    pub(super) choice: RwSignal<Option<Consent>>,
    pub(super) guardian_name: RwSignal<String>,
    pub(super) guardian_confirmed: RwSignal<bool>,
    pub(super) signature: RwSignal<Option<String>>,
    pub(super) message: RwSignal<Option<String>>,
    pub(super) register: ServerAction<KioskRegister>,
    pub(super) find: ServerAction<CheckinFind>,
    pub(super) checkin_code: RwSignal<String>,
    pub(super) checkin_email: RwSignal<String>,
    /// Set when a pre-registered attendee was found: their name (if any) to greet them.
    pub(super) checkin: RwSignal<Option<Option<String>>>,
    pub(super) withdraw_code: RwSignal<String>,
    pub(super) check: ServerAction<WithdrawCheck>,
    pub(super) withdraw: ServerAction<Withdraw>,
    pub(super) idle: RwSignal<u32>,
    /// The event's default language, where every attendee starts.
    pub(super) start_locale: Locale,
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
        FlowState {
            i18n,
            event: StoredValue::new(event),
            step: RwSignal::new(Step::Welcome),
            fields: RwSignal::new(PersonFields::default()),
            is_minor: RwSignal::new(None),
            choice: RwSignal::new(None),
            guardian_name: RwSignal::new(String::new()),
            guardian_confirmed: RwSignal::new(false),
            signature: RwSignal::new(None),
            message: RwSignal::new(None),
            register: ServerAction::new(),
            find: ServerAction::new(),
            checkin_code: RwSignal::new(String::new()),
            checkin_email: RwSignal::new(String::new()),
            checkin: RwSignal::new(None),
            withdraw_code: RwSignal::new(String::new()),
            check: ServerAction::new(),
            withdraw: ServerAction::new(),
            idle: RwSignal::new(0),
            start_locale,
        }
    }

    /// Forget everything about the attendee (a signal added to the flow needs its line
    /// here).
    pub(super) fn reset(self) {
        let FlowState {
            i18n,
            start_locale,
            fields,
            is_minor,
            choice,
            guardian_name,
            guardian_confirmed,
            signature,
            message,
            register,
            find,
            check,
            withdraw,
            withdraw_code,
            checkin_code,
            checkin_email,
            checkin,
            idle,
            step,
            ..
        } = self;
        if i18n.get_locale_untracked() != start_locale {
            i18n.set_locale(start_locale);
        }
        fields.set(PersonFields::default());
        is_minor.set(None);
        choice.set(None);
        guardian_name.set(String::new());
        guardian_confirmed.set(false);
        signature.set(None);
        message.set(None);
        register.clear();
        find.clear();
        check.clear();
        withdraw.clear();
        withdraw_code.set(String::new());
        checkin_code.set(String::new());
        checkin_email.set(String::new());
        checkin.set(None);
        idle.set(0);
        step.set(Step::Welcome);
    }

    /// Go to the step `s`, dropping the current step's message.
    pub(super) fn go(self, s: Step) {
        self.message.set(None);
        self.step.set(s);
    }
}
