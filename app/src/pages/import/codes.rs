//! The check-in codes as a CSV file to download.

use crate::types::ImportOutcome;

/// The codes as a CSV for download: line, name, email, code. Cells are quoted.
pub(super) fn codes_csv(o: &ImportOutcome) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from("line,name,email,checkin_code\r\n");
    for c in &o.codes {
        out.push_str(&format!(
            "{},{},{},{}\r\n",
            c.line,
            q(&c.name),
            q(&c.email),
            q(&c.code)
        ));
    }
    out
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
    fn codes_download_quotes_cells_and_encodes_the_url() {
        let o = ImportOutcome {
            imported: 1,
            codes: vec![ImportedCode {
                line: 2,
                name: "Jānis \"JB\" Bērziņš".into(),
                email: "j@example.lv".into(),
                code: "ABCD-EFGH".into(),
            }],
        };
        let csv = codes_csv(&o);
        assert_eq!(
            csv,
            "line,name,email,checkin_code\r\n2,\"Jānis \"\"JB\"\" Bērziņš\",\"j@example.lv\",\"ABCD-EFGH\"\r\n"
        );
        let url = data_url(&csv);
        assert!(url.starts_with("data:text/csv;charset=utf-8,line%2Cname"));
        assert!(!url[28..].contains([' ', '"', ',', '\n']));
    }
}
