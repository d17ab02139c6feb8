//! Every CSV Lanyard writes goes through [`CsvText`] (issue 14, point 6): the attendee's
//! own copy on `/me` and the organiser's copy of one attendee, the check-in codes
//! download (built in the browser) and the photo export's manifest. Shared by browser
//! and server, so there is one rule:
//!
//! * a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in
//!   front, so a spreadsheet shows it as text instead of running it as a formula
//!   (CSV/formula injection: a name typed as `=HYPERLINK(...)` at the kiosk);
//! * a cell with a comma, a quote or a line break is quoted (RFC 4180), quotes doubled;
//! * lines end in CRLF.
//!
//! The importer (`domain::import`) reads such values as the plain text they are: nothing
//! is evaluated or stripped on the way in.

use std::borrow::Cow;

/// `s` made safe to open in a spreadsheet: a `'` in front when it starts like a formula.
pub fn cell(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// A CSV document being written, row by row.
#[derive(Clone, Debug, Default)]
pub struct CsvText {
    out: String,
}

impl CsvText {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends one row: each cell escaped ([`cell`]), quoted where needed.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (i, c) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            let c = cell(c.as_ref());
            if c.contains([',', '"', '\r', '\n']) {
                self.out.push('"');
                self.out.push_str(&c.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&c);
            }
        }
        self.out.push_str("\r\n");
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_like_a_formula_get_an_apostrophe() {
        for bad in [
            "=HYPERLINK(\"http://evil.example\",\"Click\")",
            "+371 2000 0000",
            "-2+3",
            "@SUM(A1:A9)",
            "\tcmd",
            "\r=1",
        ] {
            assert_eq!(cell(bad), format!("'{bad}"), "{bad:?}");
        }
        for fine in ["Anna", "", "2026-11-22", "a=b", " =1", "'quoted", "Čakste"] {
            assert_eq!(cell(fine), fine, "{fine:?}");
        }
    }

    #[test]
    fn rows_are_quoted_where_needed_and_end_in_crlf() {
        let mut w = CsvText::new();
        w.row(["line", "name", "email"]);
        w.row(["2", "Jānis \"JB\" Bērziņš", "a,b"]);
        w.row(["3", "=1+2", "two\nlines"]);
        w.row(["4", "-1,5", ""]);
        assert_eq!(
            w.finish(),
            "line,name,email\r\n\
             2,\"Jānis \"\"JB\"\" Bērziņš\",\"a,b\"\r\n\
             3,'=1+2,\"two\nlines\"\r\n\
             4,\"'-1,5\",\r\n"
        );
    }
}
