//! Which sign, on which paper: the page's `?sign=…&size=…` query, the printer's `@page`
//! size and the words that name it.

use crate::i18n::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sign {
    /// The entrance poster, A4 portrait.
    PosterA4,
    /// The entrance poster, A3 portrait.
    PosterA3,
    /// The no-photo zone sign, A4 portrait.
    ZoneA4,
    /// The folded table tent, A5 landscape.
    TentA5,
}

impl Sign {
    pub(super) const ALL: [Sign; 4] = [Sign::PosterA4, Sign::PosterA3, Sign::ZoneA4, Sign::TentA5];

    /// The sign a query names; the A4 poster when it names none.
    pub(super) fn from_query(sign: Option<&str>, size: Option<&str>) -> Sign {
        match (sign.unwrap_or("poster"), size.unwrap_or("")) {
            ("poster", "a3") => Sign::PosterA3,
            ("zone", _) => Sign::ZoneA4,
            ("tent", _) => Sign::TentA5,
            _ => Sign::PosterA4,
        }
    }

    /// `sign=…&size=…`, as `from_query` reads it.
    pub(super) fn query(self) -> &'static str {
        match self {
            Sign::PosterA4 => "sign=poster&size=a4",
            Sign::PosterA3 => "sign=poster&size=a3",
            Sign::ZoneA4 => "sign=zone&size=a4",
            Sign::TentA5 => "sign=tent&size=a5",
        }
    }

    /// The paper, as the sign's `data-size` (the CSS sizes the sign from it).
    pub(super) fn size(self) -> &'static str {
        match self {
            Sign::PosterA4 | Sign::ZoneA4 => "a4",
            Sign::PosterA3 => "a3",
            Sign::TentA5 => "a5l",
        }
    }

    /// CSS `@page` size: the paper, without margins.
    pub(super) fn page_size(self) -> &'static str {
        match self {
            Sign::PosterA4 | Sign::ZoneA4 => "210mm 297mm",
            Sign::PosterA3 => "297mm 420mm",
            Sign::TentA5 => "210mm 148mm",
        }
    }

    pub(super) fn name(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            Sign::PosterA4 => t_string!(i18n, signs.poster_a4),
            Sign::PosterA3 => t_string!(i18n, signs.poster_a3),
            Sign::ZoneA4 => t_string!(i18n, signs.zone_a4),
            Sign::TentA5 => t_string!(i18n, signs.tent_a5),
        }
        .to_string()
    }

    /// The paper to choose in the print dialog.
    pub(super) fn paper(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            Sign::PosterA4 | Sign::ZoneA4 => t_string!(i18n, signs.paper_a4),
            Sign::PosterA3 => t_string!(i18n, signs.paper_a3),
            Sign::TentA5 => t_string!(i18n, signs.paper_a5),
        }
        .to_string()
    }
}

/// The locales a sign prints in: the event's languages, default first, at most two.
pub(super) fn sign_locales(languages: &[String]) -> Vec<Locale> {
    let mut out: Vec<Locale> = Vec::new();
    for l in languages {
        let locale = match l.as_str() {
            "lv" => Locale::lv,
            "en" => Locale::en,
            _ => continue,
        };
        if !out.contains(&locale) {
            out.push(locale);
        }
    }
    if out.is_empty() {
        out.push(Locale::lv);
    }
    out.truncate(2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sign_reads_back_from_its_own_query() {
        for s in Sign::ALL {
            let q: Vec<(&str, &str)> = s
                .query()
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .collect();
            let get = |k: &str| q.iter().find(|(n, _)| *n == k).map(|(_, v)| *v);
            assert_eq!(Sign::from_query(get("sign"), get("size")), s);
        }
        assert_eq!(Sign::from_query(None, None), Sign::PosterA4);
        assert_eq!(
            Sign::from_query(Some("nonsense"), Some("a0")),
            Sign::PosterA4
        );
    }

    #[test]
    fn signs_print_in_the_events_languages_default_first() {
        let l = |v: &[&str]| sign_locales(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["en", "lv"]), vec![Locale::en, Locale::lv]);
        assert_eq!(l(&["lv"]), vec![Locale::lv]);
        assert_eq!(l(&["de"]), vec![Locale::lv]);
    }
}
