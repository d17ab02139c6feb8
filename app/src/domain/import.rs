//! CSV import of pre-registered attendees (issue 3, item 3). Reads exports of pretix,
//! Indico and Hi.Events (and any CSV with recognisable headers), maps columns to the
//! event's fields, checks every line first and stores all or nothing. Each attendee
//! gets a check-in code, returned once and stored only as a hash.

use super::auth::{normalise_code, random_token, random_typed_code, token_hash};
use super::consent::clean_fields;
use super::store::{Actor, ImportedAttendee, Store, StoreError};
use crate::types::EventId;
use crate::types::{
    BadInput, ColumnMapping, FieldRules, ImportOutcome, ImportPreview, ImportedCode, PersonFields,
};

/// Largest CSV accepted (about 10 000 attendees with every column).
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// Most data rows in one import.
pub const MAX_IMPORT_ROWS: usize = 10_000;

#[derive(Debug)]
pub enum ImportError {
    /// The whole file: `BadInput::ImportEmpty`, `ImportTooLarge`, `ImportNoColumns`, ...
    File(BadInput),
    /// One line (1-based, the header is line 1) and what is wrong with it.
    Line(usize, BadInput),
    Store(StoreError),
}

impl ImportError {
    /// What the UI words, e.g. `ImportLine { line: 4, problem: FieldInvalid(Email) }`,
    /// or the store's error.
    pub fn bad_input(self) -> Result<BadInput, StoreError> {
        match self {
            ImportError::File(b) => Ok(b),
            ImportError::Line(line, problem) => Ok(BadInput::ImportLine {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                problem: Box::new(problem),
            }),
            ImportError::Store(e) => Err(e),
        }
    }
}

/// A parsed file: header names and the data rows with their line numbers.
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The separator used in the header line: comma, semicolon or tab, whichever is most
/// common outside quotes (spreadsheets in Latvia often save with semicolons).
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Reads a CSV text. Every line must have as many cells as the header.
pub fn read(text: &str) -> Result<Table, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::File(BadInput::ImportTooLarge));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The csv crate counts a CRLF record's line one short; plain LF keeps line numbers
    // right for the error messages.
    let text = &text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(ImportError::File(BadInput::ImportEmpty));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let line_of = |e: &csv::Error| e.position().map(|p| p.line() as usize).unwrap_or(1);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::Line(line_of(&e), BadInput::ImportUnreadable))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(ImportError::File(BadInput::ImportNoColumns));
    }
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let problem = match e.kind() {
                csv::ErrorKind::UnequalLengths { .. } => BadInput::ImportCellCount,
                _ => BadInput::ImportUnreadable,
            };
            ImportError::Line(line_of(&e), problem)
        })?;
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_IMPORT_ROWS {
            return Err(ImportError::File(BadInput::ImportTooManyRows));
        }
        rows.push((line, rec.iter().map(String::from).collect()));
    }
    if rows.is_empty() {
        return Err(ImportError::File(BadInput::ImportNoRows));
    }
    Ok(Table { headers, rows })
}

fn norm(h: &str) -> String {
    h.trim().to_lowercase().replace(['_', '-'], " ")
}

/// Header names per field, best first, compared after lower-casing and turning `_`
/// and `-` into spaces. Sources: pretix's order and check-in list exporters, Indico's
/// registration list export, Hi.Events' attendee export (see the samples in
/// `app/tests/fixtures/import/`), plus common English and Latvian names.
const FIRST: &[&str] = &[
    "attendee name: given name",
    "first name",
    "given name",
    "firstname",
    "vārds",
];
const LAST: &[&str] = &[
    "attendee name: family name",
    "last name",
    "family name",
    "surname",
    "lastname",
    "uzvārds",
];
const FULL: &[&str] = &["attendee name", "name", "full name", "vārds, uzvārds"];
const ORG: &[&str] = &[
    "company",
    "attendee company",
    "affiliation",
    "organisation",
    "organization",
    "organizācija",
    "iestāde",
    "uzņēmums",
];
// Not "title": Indico's Title column is an honorific (Mr, Dr).
const ROLE: &[&str] = &["job title", "position", "role", "amats"];
const EMAIL: &[&str] = &[
    "attendee email",
    "email",
    "e mail",
    "email address",
    "e pasts",
];
const PHONE: &[&str] = &[
    "attendee phone",
    "phone",
    "phone number",
    "telephone",
    "tālrunis",
];

fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    let normed: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    names
        .iter()
        .find_map(|n| normed.iter().position(|h| h == n))
}

/// Guesses the source system and the column of each field from the header row.
pub fn detect(headers: &[String]) -> (&'static str, ColumnMapping) {
    let has = |n: &str| headers.iter().any(|h| norm(h) == n);
    let format = if has("order code") || has("attendee name") || has("attendee name: given name") {
        "pretix"
    } else if has("registration date") || has("registration state") || has("affiliation") {
        "indico"
    } else if has("short id") || has("public id") && has("product name") || has("ticket id") {
        "hievents"
    } else {
        "generic"
    };
    let first_name = find(headers, FIRST);
    let last_name = find(headers, LAST);
    let full_name = if first_name.is_none() && last_name.is_none() {
        find(headers, FULL)
    } else {
        None
    };
    let mapping = ColumnMapping {
        first_name,
        last_name,
        full_name,
        organisation: find(headers, ORG),
        role_title: find(headers, ROLE),
        email: find(headers, EMAIL),
        phone: find(headers, PHONE),
    };
    (format, mapping)
}

/// Reads the file and proposes a mapping; nothing is stored.
pub fn preview(text: &str) -> Result<ImportPreview, ImportError> {
    let t = read(text)?;
    let (format, mapping) = detect(&t.headers);
    Ok(ImportPreview {
        format: format.into(),
        headers: t.headers,
        mapping,
        rows: t.rows.len(),
    })
}

/// A trimmed cell. pretix writes `'` before values starting with `+ - = @ | %` so that
/// spreadsheets do not run them as formulas; that mark is removed.
fn cell(row: &[String], i: Option<usize>) -> Option<String> {
    i.and_then(|i| row.get(i))
        .map(|s| {
            let s = s.trim();
            match s.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['+', '-', '=', '@', '|', '%']) => rest,
                _ => s,
            }
            .to_string()
        })
        .filter(|s| !s.is_empty())
}

/// Maps and checks every row with the event's field rules. The first bad line stops
/// the import; the error names it.
pub fn map_rows(
    t: &Table,
    m: &ColumnMapping,
    rules: &FieldRules,
) -> Result<Vec<(usize, PersonFields)>, ImportError> {
    if rules.enabled().is_empty() {
        return Err(ImportError::File(BadInput::ImportCountOnly));
    }
    let cols = t.headers.len();
    let all = [
        m.first_name,
        m.last_name,
        m.full_name,
        m.organisation,
        m.role_title,
        m.email,
        m.phone,
    ];
    if all.iter().flatten().any(|&i| i >= cols) {
        return Err(ImportError::File(BadInput::ImportMappingInvalid));
    }
    if all.iter().all(Option::is_none) {
        return Err(ImportError::File(BadInput::ImportMappingEmpty));
    }
    let mut out = Vec::with_capacity(t.rows.len());
    for (line, row) in &t.rows {
        let (mut first, mut last) = (cell(row, m.first_name), cell(row, m.last_name));
        if first.is_none() && last.is_none() {
            if let Some(full) = cell(row, m.full_name) {
                match full.rsplit_once(char::is_whitespace) {
                    Some((f, l)) => {
                        first = Some(f.trim().to_string());
                        last = Some(l.trim().to_string());
                    }
                    None => first = Some(full),
                }
            }
        }
        let raw = PersonFields {
            first_name: first,
            last_name: last,
            organisation: cell(row, m.organisation),
            role_title: cell(row, m.role_title),
            email: cell(row, m.email),
            phone: cell(row, m.phone),
        };
        let fields = clean_fields(rules, raw).map_err(|c| ImportError::Line(*line, c))?;
        out.push((*line, fields));
    }
    Ok(out)
}

/// Imports every line or none and returns each attendee's check-in code (shown once).
pub async fn import(
    store: &Store,
    actor: Actor,
    event_row: EventId,
    rules: &FieldRules,
    text: &str,
    mapping: &ColumnMapping,
) -> Result<ImportOutcome, ImportError> {
    let table = read(text)?;
    let people = map_rows(&table, mapping, rules)?;
    let mut rows = Vec::with_capacity(people.len());
    let mut codes = Vec::with_capacity(people.len());
    for (line, fields) in people {
        let code = random_typed_code(7);
        let name = [fields.first_name.as_deref(), fields.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        codes.push(ImportedCode {
            line,
            name,
            email: fields.email.clone().unwrap_or_default(),
            code: code.clone(),
        });
        rows.push(ImportedAttendee {
            fields,
            badge_token: random_token(16),
            checkin_code_hash: token_hash(&normalise_code(&code)),
        });
    }
    let imported = store
        .import_attendees(actor, event_row, rows)
        .await
        .map_err(ImportError::Store)?
        .len();
    Ok(ImportOutcome { imported, codes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::test_support::store_with_event;
    use crate::types::{AttendeeFilter, Field, FieldRule};

    const PRETIX: &str = include_str!("../../tests/fixtures/import/pretix.csv");
    const INDICO: &str = include_str!("../../tests/fixtures/import/indico.csv");
    const HIEVENTS: &str = include_str!("../../tests/fixtures/import/hievents.csv");

    fn rules(fields: &[Field]) -> FieldRules {
        let mut r = FieldRules::default();
        for f in Field::ALL {
            *r.get_mut(f) = FieldRule {
                enabled: fields.contains(&f),
                required: false,
            };
        }
        r
    }

    fn code<T>(r: Result<T, ImportError>) -> Option<BadInput> {
        r.err().and_then(|e| e.bad_input().ok())
    }

    fn line(line: u32, problem: BadInput) -> Option<BadInput> {
        Some(BadInput::ImportLine {
            line,
            problem: Box::new(problem),
        })
    }

    fn all_fields() -> FieldRules {
        rules(&Field::ALL)
    }

    #[test]
    fn each_sample_is_recognised_and_mapped() {
        for (text, format) in [
            (PRETIX, "pretix"),
            (INDICO, "indico"),
            (HIEVENTS, "hievents"),
        ] {
            let p = preview(text).unwrap();
            assert_eq!(p.format, format);
            assert_eq!(p.rows, 3, "{format}");
            assert!(p.mapping.email.is_some(), "{format}: email mapped");
            assert!(
                p.mapping.first_name.is_some() || p.mapping.full_name.is_some(),
                "{format}: a name column mapped"
            );
            let t = read(text).unwrap();
            let rows = map_rows(&t, &p.mapping, &all_fields()).unwrap();
            assert_eq!(rows.len(), 3);
            // Every sample has Jānis Bērziņš with his email on its first data line.
            let (line, first) = &rows[0];
            assert_eq!(*line, 2);
            assert_eq!(first.first_name.as_deref(), Some("Jānis"), "{format}");
            assert_eq!(first.last_name.as_deref(), Some("Bērziņš"), "{format}");
            assert_eq!(
                first.email.as_deref(),
                Some("janis.berzins@example.lv"),
                "{format}"
            );
            assert!(
                first.organisation.is_some(),
                "{format}: organisation mapped"
            );
            assert!(first.role_title.is_some(), "{format}: role mapped");
            assert!(
                first.phone.as_deref().unwrap().ends_with("29123456"),
                "{format}: phone mapped, pretix's formula mark removed"
            );
            assert_eq!(rows[2].1.phone, None, "{format}: empty cell stays empty");
        }
    }

    #[test]
    fn semicolons_bom_and_full_name_columns() {
        let text = "\u{feff}Vārds, uzvārds;E-pasts;Amats\r\nAnna Marija Liepa;anna@example.lv;Lektore\r\nB;bad;X\r\n";
        let p = preview(text).unwrap();
        assert_eq!(p.format, "generic");
        assert_eq!(p.mapping.full_name, Some(0));
        assert_eq!(p.mapping.email, Some(1));
        assert_eq!(p.mapping.role_title, Some(2));
        assert_eq!(
            code(map_rows(&read(text).unwrap(), &p.mapping, &all_fields())),
            line(3, BadInput::FieldInvalid(Field::Email)),
            "CRLF files count lines right"
        );
        let text = text.replace("bad", "b@example.lv");
        let rows = map_rows(&read(&text).unwrap(), &p.mapping, &all_fields()).unwrap();
        assert_eq!(rows[0].1.first_name.as_deref(), Some("Anna Marija"));
        assert_eq!(rows[0].1.last_name.as_deref(), Some("Liepa"));
    }

    #[test]
    fn bad_lines_are_named() {
        let short = "First Name,Last Name,Email\nA,B,a@example.lv\nC,D\n";
        assert_eq!(code(read(short)), line(3, BadInput::ImportCellCount));
        let bad_email =
            "First Name,Last Name,Email\nA,B,a@example.lv\nC,D,x@y.lv\nE,F,not-an-email\n";
        let t = read(bad_email).unwrap();
        let (_, m) = detect(&t.headers);
        assert_eq!(
            code(map_rows(&t, &m, &all_fields())),
            line(4, BadInput::FieldInvalid(Field::Email))
        );
        // A quoted cell over two lines counts as two lines.
        let multi = "First Name,Email\n\"A\nB\",a@example.lv\nC,bad\n";
        let t = read(multi).unwrap();
        let (_, m) = detect(&t.headers);
        assert_eq!(
            code(map_rows(&t, &m, &all_fields())),
            line(4, BadInput::FieldInvalid(Field::Email))
        );
        let mut req = rules(&[Field::FirstName, Field::Email]);
        req.email.required = true;
        let missing = "First Name,Email\nA,a@example.lv\nB,\n";
        let t = read(missing).unwrap();
        let (_, m) = detect(&t.headers);
        assert_eq!(
            code(map_rows(&t, &m, &req)),
            line(3, BadInput::FieldRequired(Field::Email))
        );
        assert_eq!(code(read("")), Some(BadInput::ImportEmpty));
        assert_eq!(
            code(read("First Name,Email\n")),
            Some(BadInput::ImportNoRows)
        );
        let t = read("Email\na@example.lv\n").unwrap();
        assert_eq!(
            code(map_rows(&t, &ColumnMapping::default(), &all_fields())),
            Some(BadInput::ImportMappingEmpty)
        );
        let far = ColumnMapping {
            email: Some(5),
            ..Default::default()
        };
        assert_eq!(
            code(map_rows(&t, &far, &all_fields())),
            Some(BadInput::ImportMappingInvalid)
        );
        assert_eq!(
            code(map_rows(&t, &detect(&t.headers).1, &rules(&[]))),
            Some(BadInput::ImportCountOnly)
        );
    }

    #[test]
    fn fields_the_event_does_not_collect_are_dropped() {
        let t = read(INDICO).unwrap();
        let (_, m) = detect(&t.headers);
        let rows = map_rows(&t, &m, &rules(&[Field::FirstName, Field::LastName])).unwrap();
        assert!(rows
            .iter()
            .all(|(_, p)| p.email.is_none() && p.organisation.is_none() && p.phone.is_none()));
    }

    #[tokio::test]
    async fn import_is_all_or_nothing_and_codes_find_attendees() {
        let (s, ev, actor) = store_with_event().await;
        let rules = all_fields();
        // The third data line is bad: nothing of the file is stored.
        let bad = "First Name,Last Name,Email\nA,B,a@example.lv\nC,D,c@example.lv\nE,F,bad\n";
        let (_, m) = detect(&read(bad).unwrap().headers);
        let err = import(&s, actor.clone(), ev, &rules, bad, &m)
            .await
            .unwrap_err();
        assert_eq!(
            err.bad_input().ok(),
            line(4, BadInput::FieldInvalid(Field::Email))
        );
        let none = s
            .list_attendees(actor.clone(), ev, AttendeeFilter::default())
            .await
            .unwrap();
        assert_eq!(none.total, 0);

        let p = preview(PRETIX).unwrap();
        let out = import(&s, actor.clone(), ev, &rules, PRETIX, &p.mapping)
            .await
            .unwrap();
        assert_eq!(out.imported, 3);
        assert_eq!(out.codes.len(), 3);
        assert_eq!(out.codes[0].name, "Jānis Bērziņš");
        let list = s
            .list_attendees(actor.clone(), ev, AttendeeFilter::default())
            .await
            .unwrap();
        assert_eq!(list.total, 3);
        assert!(list
            .rows
            .iter()
            .all(|r| r.source == "import" && !r.checked_in && r.consent.is_none()));
        // The code (typed in any case, with or without dashes) finds its attendee.
        let typed = out.codes[1].code.to_lowercase().replace('-', "");
        let found = s
            .find_for_checkin(
                actor.clone(),
                ev,
                crate::domain::store::CheckinKey::CodeHash(token_hash(&normalise_code(&typed))),
            )
            .await
            .unwrap()
            .unwrap();
        let names = list
            .rows
            .iter()
            .find(|r| r.id == found.id)
            .map(|r| r.fields.first_name.clone())
            .unwrap();
        assert_eq!(found.first_name, names);
    }
}
