//! A table that scrolls sideways on a phone instead of breaking the page, with column
//! headings marked as such for screen readers (WCAG 1.3.1). Every list screen uses it.
//! The scrolling box takes the keyboard focus, so it can be scrolled without a mouse
//! (WCAG 2.1.1; axe `scrollable-region-focusable`).

use leptos::prelude::*;

/// `heads` are the column headings in order; the children are the `<tr>` rows.
#[component]
pub fn DataTable(
    /// The table's class, for its column widths.
    #[prop(default = "")]
    class: &'static str,
    /// The column headings.
    heads: Vec<AnyView>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0">
            <table class=class>
                <thead>
                    <tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
