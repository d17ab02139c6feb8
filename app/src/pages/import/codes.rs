//! The check-in codes as a CSV file to download.

use crate::types::ImportOutcome;

/// The codes as a CSV for download: line, name, email, code (written by
/// [`crate::csv_text::CsvText`], so a name that starts like a formula is escaped).
pub(super) fn codes_csv(o: &ImportOutcome) -> String {
    let mut w = crate::csv_text::CsvText::new();
    w.row(["line", "name", "email", "checkin_code"]);
    for c in &o.codes {
        w.row([c.line.to_string().as_str(), &c.name, &c.email, &c.code]);
    }
    w.finish()
}

/// Percent-encodes a text for a `data:` URL (everything but unreserved characters).
pub(super) fn data_url(text: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in text.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(*b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ImportedCode;

    #[test]
    fn codes_download_quotes_cells_escapes_formulas_and_encodes_the_url() {
        let code = |line, name: &str| ImportedCode {
            line,
            name: name.into(),
            email: "j@example.lv".into(),
            code: "ABCD-EFGH".into(),
        };
        let o = ImportOutcome {
            imported: 2,
            codes: vec![
                code(2, "Jānis \"JB\" Bērziņš"),
                code(3, "=HYPERLINK(\"http://evil.example\";\"x\")"),
            ],
        };
        let csv = codes_csv(&o);
        assert_eq!(
            csv,
            "line,name,email,checkin_code\r\n\
             2,\"Jānis \"\"JB\"\" Bērziņš\",j@example.lv,ABCD-EFGH\r\n\
             3,\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\",j@example.lv,ABCD-EFGH\r\n"
        );
        let url = data_url(&csv);
        assert!(url.starts_with("data:text/csv;charset=utf-8,line%2Cname"));
        assert!(!url[28..].contains([' ', '"', ',', '\n']));
    }
}
