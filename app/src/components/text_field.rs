//! A labelled one-line input, the one way every screen asks for a code, a badge, an
//! e-mail address or a search: the label is tied to the input (WCAG 1.3.1, 3.3.2), the
//! help line is announced with it, and typed codes are never spell-checked or
//! auto-completed (a private code must not end up in a browser's suggestions).

use leptos::prelude::*;

/// What the field holds; it decides the input type and how a phone's keyboard behaves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    #[default]
    Text,
    /// A code people type from paper (check-in, private, pairing): upper case, spaced.
    Code,
    /// A badge code or link, typed or pasted as it is.
    Badge,
    /// An e-mail address.
    Email,
    /// A search box.
    Search,
}

impl FieldKind {
    fn input_type(self) -> &'static str {
        match self {
            FieldKind::Email => "email",
            FieldKind::Search => "search",
            _ => "text",
        }
    }

    fn autocapitalize(self) -> &'static str {
        match self {
            FieldKind::Code => "characters",
            _ => "off",
        }
    }

    fn class(self) -> Option<&'static str> {
        (self == FieldKind::Code).then_some("code-input")
    }
}

/// A field: `<label>`, `<input>` and an optional help line below it (`{id}-help`).
/// With `value` and `on_input` the input follows a signal; without them it is left to
/// its form (`name`), as the kiosk's pairing form is.
#[component]
pub fn TextField(
    /// The input's id; the label points at it.
    id: &'static str,
    /// The label's words.
    #[prop(into)]
    label: ViewFn,
    /// What the input shows.
    #[prop(optional, into)]
    value: Option<Signal<String>>,
    /// Called with the text on every keystroke.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
    /// How the field behaves (type, keyboard, look).
    #[prop(optional)]
    kind: FieldKind,
    /// A help line, announced with the input.
    #[prop(optional, into)]
    help: Option<ViewFn>,
    /// The form field name, for forms sent as they are.
    #[prop(optional)]
    name: Option<&'static str>,
    /// Whether the form may be sent without it.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let described = help.is_some().then(|| help_id.clone());
    view! {
        <div class="field">
            <label for=id>{label.run()}</label>
            <input
                id=id
                name=name
                type=kind.input_type()
                class=kind.class()
                autocomplete="off"
                autocapitalize=kind.autocapitalize()
                spellcheck="false"
                required=required
                aria-describedby=described
                prop:value=move || value.map(|v| v.get()).unwrap_or_default()
                on:input=move |ev| {
                    if let Some(f) = on_input {
                        f.run(event_target_value(&ev));
                    }
                }
            />
            {help.map(|h| view! { <p id=help_id class="help">{h.run()}</p> })}
        </div>
    }
}
