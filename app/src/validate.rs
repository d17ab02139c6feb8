//! Format rules shared by the browser and the server, so a form can say what is wrong
//! in the attendee's language before anything is sent, with exactly the rule the server
//! applies afterwards (`domain::consent::clean_fields`).

/// One `@`, something before it, a dot inside the part after it, no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        _ => false,
    }
}

/// 5 to 20 digits, and otherwise only spaces and `+ - ( ) .`.
pub fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(looks_like_email("anna@example.lv"));
        assert!(looks_like_email("a.b+c@mail.example.com"));
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.lv",
            "anna@example",
            "anna@.lv",
            "anna@example.",
            "a@b@c.lv",
            "an na@example.lv",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(looks_like_phone("+371 2000 0000"));
        assert!(looks_like_phone("(067) 123-45"));
        assert!(!looks_like_phone("1234"));
        assert!(!looks_like_phone("call 12345"));
    }
}
