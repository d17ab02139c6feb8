//! Times as the pages show them.

/// `2026-11-23T10:15:02Z` → `2026-11-23 10:15` (the times are UTC; the headings say so
/// where it matters). Anything that does not look like an RFC 3339 time is shown as it
/// is.
pub fn short_time(s: &str) -> String {
    let b = s.as_bytes();
    if b.len() >= 16 && b[10] == b'T' && b[13] == b':' && s.is_char_boundary(16) {
        format!("{} {}", &s[..10], &s[11..16])
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shortened_to_minutes() {
        assert_eq!(short_time("2026-11-23T10:15:02Z"), "2026-11-23 10:15");
        assert_eq!(
            short_time("2026-11-23T10:15:02.123+00:00"),
            "2026-11-23 10:15"
        );
        assert_eq!(short_time("2026-11-23"), "2026-11-23");
        assert_eq!(short_time(""), "");
    }
}
