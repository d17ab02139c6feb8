//! Whose request is it: the client address the rate limits count against (issue 18
//! point 2). Behind a reverse proxy every TCP peer is the proxy, so the real client is
//! in `X-Forwarded-For` — but only a proxy we trust may say so: from any other peer the
//! header is a spoof and is ignored.
//!
//! The address is never logged or stored (requirement 5, data minimisation): the rate
//! limiters keep only a hash of the key [`ClientAddr::limit_key`] gives.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

/// An IPv4 or IPv6 network, `10.0.0.0/8` or `fd00::/8` (a bare address is a /32 or
/// /128). Host bits below the prefix are cleared when parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CidrError {
    #[error("not an IP address or network (expected e.g. 10.0.0.0/8 or fd00::/8)")]
    Address,
    #[error("the prefix length after / must be 0-32 for IPv4 and 0-128 for IPv6")]
    Prefix,
}

impl FromStr for Cidr {
    type Err = CidrError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let network: IpAddr = addr.parse().map_err(|_| CidrError::Address)?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && p.len() <= 3 => {
                p.parse::<u8>().map_err(|_| CidrError::Prefix)?
            }
            Some(_) => return Err(CidrError::Prefix),
        };
        if prefix > max {
            return Err(CidrError::Prefix);
        }
        Ok(Cidr {
            network: mask(network, prefix),
            prefix,
        })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

impl Cidr {
    /// Parses a command-line value (clap's `value_parser`).
    pub fn parse(s: &str) -> Result<Self, CidrError> {
        s.parse()
    }

    /// True when `ip` is inside this network. An IPv4-mapped IPv6 address
    /// (`::ffff:10.0.0.1`) counts as its IPv4 address.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.network, ip) {
            (IpAddr::V4(_), IpAddr::V4(_)) | (IpAddr::V6(_), IpAddr::V6(_)) => {
                mask(ip, self.prefix) == self.network
            }
            _ => false,
        }
    }
}

/// `ip` with the bits below `prefix` cleared.
fn mask(ip: IpAddr, prefix: u8) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let m = if prefix == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(prefix))
            };
            IpAddr::V4(Ipv4Addr::from(bits & m))
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let m = if prefix == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(prefix))
            };
            IpAddr::V6(Ipv6Addr::from(bits & m))
        }
    }
}

/// IPv4-mapped IPv6 addresses as the IPv4 address they carry (a dual-stack listener
/// reports IPv4 peers that way).
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        },
        v4 => v4,
    }
}

/// The reverse proxies (`serve --trusted-proxy CIDR`, repeatable) whose
/// `X-Forwarded-For` is believed. Empty by default: then the TCP peer is the client.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    pub fn new(cidrs: Vec<Cidr>) -> Self {
        TrustedProxies(cidrs)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// The one decision of whose request this is. `forwarded` holds the values of every
    /// `X-Forwarded-For` header in order (`None` for a value that is not text).
    ///
    /// - The peer is not a trusted proxy: the peer, whatever the header says.
    /// - The peer is trusted: the header's addresses walked from the right (the hop
    ///   nearest us), trusted proxies skipped; the first untrusted one is the client.
    ///   Every hop trusted: the leftmost. No header, or any entry not an address: the
    ///   peer (a proxy that sends garbage is not believed in part).
    pub fn client_addr<'a>(
        &self,
        peer: IpAddr,
        forwarded: impl IntoIterator<Item = Option<&'a str>>,
    ) -> ClientAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return ClientAddr(peer);
        }
        let mut hops = Vec::new();
        for value in forwarded {
            let Some(value) = value else {
                return ClientAddr(peer);
            };
            for entry in value.split(',') {
                match parse_hop(entry) {
                    Some(ip) => hops.push(canonical(ip)),
                    None => return ClientAddr(peer),
                }
            }
        }
        let Some(&leftmost) = hops.first() else {
            return ClientAddr(peer);
        };
        let client = hops
            .iter()
            .rev()
            .copied()
            .find(|ip| !self.trusts(*ip))
            .unwrap_or(leftmost);
        ClientAddr(client)
    }
}

/// One `X-Forwarded-For` entry: an address, possibly `[v6]` or with a port
/// (`1.2.3.4:5678`, `[2001:db8::1]:443`) as some proxies write it.
fn parse_hop(entry: &str) -> Option<IpAddr> {
    let e = entry.trim();
    if e.is_empty() || e.len() > 64 {
        return None;
    }
    if let Ok(ip) = e.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(sa) = e.parse::<std::net::SocketAddr>() {
        return Some(sa.ip());
    }
    e.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .and_then(|r| r.parse::<Ipv6Addr>().ok())
        .map(IpAddr::V6)
}

/// The client a request is counted against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// The rate-limit key: an IPv4 address as it is, an IPv6 address by its /64 (one
    /// household or phone gets a whole /64 and can pick any address in it at will).
    pub fn limit_key(&self) -> String {
        match self.0 {
            IpAddr::V4(v4) => v4.to_string(),
            v6 @ IpAddr::V6(_) => format!("{}/64", mask(v6, 64)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn proxies(list: &[&str]) -> TrustedProxies {
        TrustedProxies::new(list.iter().map(|c| c.parse().unwrap()).collect())
    }

    #[test]
    fn cidrs_parse_v4_and_v6_and_refuse_nonsense() {
        let c: Cidr = "10.1.2.3/8".parse().unwrap();
        assert_eq!(c.to_string(), "10.0.0.0/8", "host bits cleared");
        assert!(c.contains(ip("10.200.0.1")));
        assert!(!c.contains(ip("11.0.0.1")));
        let one: Cidr = "127.0.0.1".parse().unwrap();
        assert_eq!(one.to_string(), "127.0.0.1/32");
        let v6: Cidr = "fd00::/8".parse().unwrap();
        assert!(v6.contains(ip("fd12:3456::1")));
        assert!(!v6.contains(ip("fe80::1")));
        assert!(!v6.contains(ip("10.0.0.1")), "no match across families");
        let all: Cidr = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("203.0.113.9")));
        assert!(
            one.contains(ip("::ffff:127.0.0.1")),
            "an IPv4-mapped peer is its IPv4 address"
        );
        for bad in [
            "",
            "10.0.0.0/33",
            "::/129",
            "10.0.0/8",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "x/8",
            "10.0.0.0/8/8",
        ] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad:?} accepted");
        }
        assert_eq!("1.2.3.4/40".parse::<Cidr>(), Err(CidrError::Prefix));
        assert_eq!("nope".parse::<Cidr>(), Err(CidrError::Address));
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let none = TrustedProxies::default();
        let got = none.client_addr(ip("198.51.100.7"), [Some("1.1.1.1")]);
        assert_eq!(got.0, ip("198.51.100.7"));
        let some = proxies(&["10.0.0.0/8"]);
        let got = some.client_addr(ip("198.51.100.7"), [Some("1.1.1.1, 10.0.0.2")]);
        assert_eq!(got.0, ip("198.51.100.7"), "a spoof from outside is ignored");
    }

    #[test]
    fn a_trusted_peer_forwards_the_first_untrusted_hop_from_the_right() {
        let p = proxies(&["10.0.0.0/8", "fd00::/8"]);
        let peer = ip("10.0.0.1");
        assert_eq!(
            p.client_addr(peer, [Some("203.0.113.5")]).0,
            ip("203.0.113.5")
        );
        // The client wrote a fake first entry; the proxies appended the rest.
        let got = p.client_addr(peer, [Some("6.6.6.6, 203.0.113.5, 10.0.0.9, fd00::3")]);
        assert_eq!(got.0, ip("203.0.113.5"));
        // Two headers read as one list, in order.
        let got = p.client_addr(peer, [Some("6.6.6.6"), Some("198.51.100.4, 10.1.1.1")]);
        assert_eq!(got.0, ip("198.51.100.4"));
        // Every hop trusted: the leftmost.
        assert_eq!(
            p.client_addr(peer, [Some("10.2.2.2, 10.3.3.3")]).0,
            ip("10.2.2.2")
        );
        // Ports and brackets as some proxies write them.
        assert_eq!(
            p.client_addr(peer, [Some("[2001:db8::1]:443")]).0,
            ip("2001:db8::1")
        );
        assert_eq!(
            p.client_addr(peer, [Some("203.0.113.5:5678")]).0,
            ip("203.0.113.5")
        );
    }

    #[test]
    fn a_missing_or_malformed_header_means_the_peer() {
        let p = proxies(&["127.0.0.1/32"]);
        let peer = ip("127.0.0.1");
        let no_header: [Option<&str>; 0] = [];
        assert_eq!(p.client_addr(peer, no_header).0, peer);
        for bad in [
            "",
            "not-an-ip",
            "1.2.3.4,,5.6.7.8",
            "1.2.3.4, evil",
            "999.1.1.1",
        ] {
            assert_eq!(p.client_addr(peer, [Some(bad)]).0, peer, "{bad:?}");
        }
        assert_eq!(
            p.client_addr(peer, [None]).0,
            peer,
            "a header that is not text"
        );
    }

    #[test]
    fn ipv6_clients_are_limited_by_their_64() {
        let a = ClientAddr(ip("2001:db8:1:2:aaaa::1"));
        let b = ClientAddr(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        let c = ClientAddr(ip("2001:db8:1:3::1"));
        assert_eq!(a.limit_key(), "2001:db8:1:2::/64");
        assert_eq!(a.limit_key(), b.limit_key());
        assert_ne!(a.limit_key(), c.limit_key());
        assert_eq!(ClientAddr(ip("203.0.113.5")).limit_key(), "203.0.113.5");
        // An IPv4-mapped peer is keyed as IPv4.
        let mapped = TrustedProxies::default().client_addr(ip("::ffff:203.0.113.5"), []);
        assert_eq!(mapped.limit_key(), "203.0.113.5");
    }
}
