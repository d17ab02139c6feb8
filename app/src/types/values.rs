//! Values with rules, parsed once where they enter (issue 13 point 3): a function that
//! holds one of these knows the rule holds, and there is no public way to build one
//! that skips it. Shared by the browser and the server.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language Lanyard speaks. On the wire and in the database: `lv` or `en`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Lv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Lv, Lang::En];

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim() {
            "lv" => Some(Lang::Lv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// English when asked for, Latvian for anything else (a request's closing message).
    pub fn or_latvian(s: &str) -> Lang {
        Lang::parse(s).unwrap_or(Lang::Lv)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Lv => "lv",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a photo was published (requirement 16: the takedown list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicationChannel {
    Website,
    Social,
    Press,
    Print,
}

impl PublicationChannel {
    pub const ALL: [PublicationChannel; 4] = [
        PublicationChannel::Website,
        PublicationChannel::Social,
        PublicationChannel::Press,
        PublicationChannel::Print,
    ];

    pub fn parse(s: &str) -> Option<PublicationChannel> {
        PublicationChannel::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PublicationChannel::Website => "website",
            PublicationChannel::Social => "social",
            PublicationChannel::Press => "press",
            PublicationChannel::Print => "print",
        }
    }

    /// A web or social publication is recorded with its address; press and print may
    /// have none.
    pub fn needs_url(self) -> bool {
        matches!(
            self,
            PublicationChannel::Website | PublicationChannel::Social
        )
    }
}

/// An http or https address with a host, at most 2000 characters: the only kind the
/// pages link to, so the only kind the server accepts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct WebUrl(String);

impl WebUrl {
    pub const MAX_LEN: usize = 2000;

    pub fn parse(s: &str) -> Option<WebUrl> {
        let s = s.trim();
        if s.len() > Self::MAX_LEN || s.contains(char::is_whitespace) {
            return None;
        }
        let lower = s.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or("");
        (!host.is_empty() && !host.starts_with(':')).then(|| WebUrl(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The opaque random token a badge's QR holds (16 random bytes, 22 URL-safe base64
/// characters). Nothing about the person is in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct BadgeToken(String);

impl BadgeToken {
    pub const LEN: usize = 22;

    /// Exactly a token: 22 characters of `A–Z a–z 0–9 - _`.
    pub fn parse(s: &str) -> Option<BadgeToken> {
        let ok = s.len() == Self::LEN
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| BadgeToken(s.to_string()))
    }

    /// The token in what a scanner read: a badge URL (`…/b/{token}`, optionally with
    /// `/badge.png`, a query or a fragment) or the bare token.
    pub fn from_scan(input: &str) -> Option<BadgeToken> {
        let s = input.trim();
        let s = s.split(['?', '#']).next().unwrap_or("");
        let tail = match s.rfind("/b/") {
            Some(i) => &s[i + 3..],
            None if !s.contains('/') => s,
            None => return None,
        };
        BadgeToken::parse(tail.split('/').next().unwrap_or(""))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The random public id of an event, photo or request, as it appears in URLs: 1–64
/// characters of `A–Z a–z 0–9 - _`. Anything else cannot name a row, so it is refused
/// before any look-up.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct PublicId(String);

impl PublicId {
    pub const MAX_LEN: usize = 64;

    pub fn parse(s: &str) -> Option<PublicId> {
        let ok = !s.is_empty()
            && s.len() <= Self::MAX_LEN
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| PublicId(s.to_string()))
    }

    /// The id in a page address (a route segment): that id when it can be one, else an
    /// id no row has (real ids are 32 hex digits), so the page asks the server and shows
    /// "not found" as for any unknown id.
    pub fn from_route(segment: Option<String>) -> PublicId {
        segment
            .as_deref()
            .and_then(PublicId::parse)
            .unwrap_or_else(|| PublicId("-".to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Public ids are stored as text; one read from the database is checked like any other.
#[cfg(feature = "ssr")]
impl rusqlite::types::ToSql for PublicId {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

#[cfg(feature = "ssr")]
impl rusqlite::types::FromSql for PublicId {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = v.as_str()?;
        PublicId::parse(s).ok_or(rusqlite::types::FromSqlError::InvalidType)
    }
}

/// Read as text anywhere (`&PublicId` is a `&str`); made only by `parse`.
impl std::ops::Deref for PublicId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for PublicId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PublicId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Test code names ids by literals; a literal that is not an id is a bug in the test.
#[cfg(test)]
impl From<&str> for PublicId {
    fn from(s: &str) -> PublicId {
        PublicId::parse(s).expect("a test's public id")
    }
}

#[cfg(test)]
impl From<String> for PublicId {
    fn from(s: String) -> PublicId {
        PublicId::parse(&s).expect("a test's public id")
    }
}

/// A SHA-256 digest as 64 lowercase hex digits (a notice text's hash). Upper-case
/// digits are accepted and lowered; anything else is refused at parse time.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Sha256Hex(String);

impl Sha256Hex {
    pub const LEN: usize = 64;

    pub fn parse(s: &str) -> Option<Sha256Hex> {
        let ok = s.len() == Self::LEN && s.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| Sha256Hex(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Sha256Hex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "ssr")]
impl rusqlite::types::ToSql for Sha256Hex {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

#[cfg(feature = "ssr")]
impl rusqlite::types::FromSql for Sha256Hex {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        Sha256Hex::parse(v.as_str()?).ok_or(rusqlite::types::FromSqlError::InvalidType)
    }
}

macro_rules! deserialize_by_parse {
    ($($t:ty => $what:literal),*) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$t>::parse(&s).ok_or_else(|| serde::de::Error::custom($what))
            }
        }
    )*};
}

deserialize_by_parse!(
    WebUrl => "not an http or https address",
    BadgeToken => "not a badge token",
    PublicId => "not an id",
    Sha256Hex => "not a SHA-256 in hex"
);

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "AbCdEfGhIjKlMnOpQrStUv";

    #[test]
    fn languages_parse_and_print() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse(" lv "), Some(Lang::Lv));
        for bad in ["", "EN", "de", "lv-LV"] {
            assert_eq!(Lang::parse(bad), None, "{bad}");
        }
        assert_eq!(Lang::or_latvian("en"), Lang::En);
        assert_eq!(Lang::or_latvian("fr"), Lang::Lv);
        assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
        assert!(serde_json::from_str::<Lang>("\"de\"").is_err());
    }

    #[test]
    fn publication_channels_are_a_closed_list() {
        for c in PublicationChannel::ALL {
            assert_eq!(PublicationChannel::parse(c.as_str()), Some(c));
        }
        assert_eq!(PublicationChannel::parse("tv"), None);
        assert!(PublicationChannel::Website.needs_url());
        assert!(!PublicationChannel::Print.needs_url());
    }

    #[test]
    fn web_urls_are_http_or_https_with_a_host() {
        for ok in [
            "https://example.lv/a?b#c",
            "http://127.0.0.1:3000/x",
            "HTTPS://X.LV",
        ] {
            assert!(WebUrl::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "javascript:alert(1)",
            "httpx://a.lv",
            "http//a.lv",
            "https://",
            "https:///path",
            "https://a.lv/x y",
            "ftp://a.lv",
            "data:text/html,x",
        ] {
            assert!(WebUrl::parse(bad).is_none(), "{bad}");
        }
        assert!(WebUrl::parse(&format!("https://a.lv/{}", "x".repeat(2000))).is_none());
        assert!(serde_json::from_str::<WebUrl>("\"javascript:x\"").is_err());
    }

    #[test]
    fn badge_tokens_come_from_urls_or_bare_codes() {
        assert_eq!(BadgeToken::parse(T).unwrap().as_str(), T);
        let scanned = format!("http://127.0.0.1:3000/b/{T}/badge.png?x=1");
        assert_eq!(BadgeToken::from_scan(&scanned).unwrap().as_str(), T);
        for bad in [
            "",
            "short",
            &T[1..],
            &format!("{T}x"),
            "AbCdEfGhIjKlMnOpQrSt.v",
        ] {
            assert!(BadgeToken::parse(bad).is_none(), "{bad}");
        }
        assert!(BadgeToken::from_scan("https://x.lv/other/AbCdEfGhIjKlMnOpQrStUv").is_none());
        assert!(serde_json::from_str::<BadgeToken>("\"../etc\"").is_err());
    }

    #[test]
    fn sha256_hex_is_64_hex_digits() {
        let h = "AB".repeat(32);
        assert_eq!(Sha256Hex::parse(&h).unwrap().as_str(), "ab".repeat(32));
        for bad in ["", &"a".repeat(63), &"a".repeat(65), &"g".repeat(64)] {
            assert!(Sha256Hex::parse(bad).is_none(), "{bad}");
        }
        assert!(serde_json::from_str::<Sha256Hex>("\"x\"").is_err());
    }

    #[test]
    fn public_ids_are_short_and_url_safe() {
        assert!(PublicId::parse("a1-_Z").is_some());
        for bad in ["", "a/b", "a b", "ā", &"x".repeat(65), "../x"] {
            assert!(PublicId::parse(bad).is_none(), "{bad}");
        }
    }
}
