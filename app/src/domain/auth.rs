//! Passwords, random tokens and the sign-in rate limiter (requirement 22).

use crate::types::BadInput;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Shortest new password (issue 16). Accounts whose shorter password was set before
/// keep signing in with it; the rule applies when a password is chosen.
pub const MIN_PASSWORD_LEN: usize = 12;

/// Longest password: hashing and the guessability check stay cheap.
pub const MAX_PASSWORD_LEN: usize = 1000;

/// Longest email address taken at sign-in (the 254 characters an address can have,
/// RFC 5321 with RFC 3696's erratum): a longer one is refused before any look-up,
/// counting or hashing (issue 18 point 3).
pub const MAX_EMAIL_LEN: usize = 254;

/// How long a password check waits for a free core before the answer is 429.
pub const ARGON2_WAIT: Duration = Duration::from_secs(2);

/// Password checks (argon2) running at once (issue 18 point 3): at most one per core
/// ([`checks_at_once`]), each off the async runtime, so a flood of sign-ins cannot take
/// every core from the rest of the server. A check waits at most `wait` for a permit,
/// then is refused.
pub struct Argon2Gate {
    permits: Arc<Semaphore>,
    wait: Duration,
}

/// How many password checks run at once on a machine with `cores` cores: one per core,
/// leaving one core for everything else (at least one check). Measured on 2 cores with
/// 600 concurrent wrong sign-ins (README, Benchmarks): with a check on both cores the
/// p99 of `/healthz` and the badge verdict reached 100-330 ms in some runs; with one
/// core left it stayed under 90 ms.
pub fn checks_at_once(cores: usize) -> usize {
    cores.saturating_sub(1).max(1)
}

/// No core came free for a password check in time (answered with 429).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

impl Argon2Gate {
    /// `permits` checks at once, each waiting at most `wait` for its turn.
    pub fn new(permits: usize, wait: Duration) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(permits.max(1))),
            wait,
        }
    }

    /// The server's gate: one check per core but one ([`checks_at_once`]), each waiting
    /// at most [`ARGON2_WAIT`].
    pub fn standard() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self::new(checks_at_once(cores), ARGON2_WAIT)
    }

    /// Runs `work` on a blocking thread once a permit is free. The permit goes with the
    /// work, so a caller that gives up (a closed connection) does not free a core that
    /// is still hashing.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let permit = tokio::time::timeout(self.wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| Busy)?
            .map_err(|_| Busy)?;
        let done = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await;
        match done {
            Ok(value) => Ok(value),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => Err(Busy),
        }
    }

    /// Permits free right now (tests).
    pub fn available(&self) -> usize {
        self.permits.available_permits()
    }

    /// The semaphore itself, for tests that occupy every core.
    pub fn permits(&self) -> Arc<Semaphore> {
        self.permits.clone()
    }
}

/// The one rule for a new password (issue 16; requirement 22): at least
/// [`MIN_PASSWORD_LEN`] characters, and not one that attackers try early: zxcvbn (the
/// Dropbox estimator, with its lists of common passwords, names, words and keyboard
/// patterns) must estimate more than 10^10 guesses (score 3 of 4). `user_inputs` (the
/// email address, say) count as known words. Used by the browser forms and the command
/// line alike.
pub fn check_new_password(password: &str, user_inputs: &[&str]) -> Result<(), BadInput> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_LEN {
        return Err(BadInput::PasswordTooShort);
    }
    if n > MAX_PASSWORD_LEN {
        return Err(BadInput::TooLong);
    }
    // The first 100 characters decide: more only makes the estimate slower, not lower.
    let head: String = password.chars().take(100).collect();
    let mut inputs: Vec<&str> = vec!["lanyard"];
    for input in user_inputs {
        inputs.push(input);
        if let Some((local, _)) = input.split_once('@') {
            inputs.push(local);
        }
    }
    if u8::from(zxcvbn::zxcvbn(&head, &inputs).score()) < 3 {
        return Err(BadInput::PasswordCommon);
    }
    Ok(())
}

/// Checks a new password ([`check_new_password`]) and hashes it, off the async runtime.
pub async fn new_password_hash(
    password: String,
    user_inputs: Vec<String>,
) -> Result<String, NewPasswordError> {
    tokio::task::spawn_blocking(move || {
        let inputs: Vec<&str> = user_inputs.iter().map(String::as_str).collect();
        check_new_password(&password, &inputs).map_err(NewPasswordError::Weak)?;
        hash_password(&password).map_err(|e| NewPasswordError::Hash(e.to_string()))
    })
    .await
    .map_err(|e| NewPasswordError::Hash(e.to_string()))?
}

/// Why a new password was not taken.
#[derive(Debug)]
pub enum NewPasswordError {
    /// Too short, too long or too easy to guess: the sentence says which.
    Weak(BadInput),
    /// Hashing failed (not the person's fault).
    Hash(String),
}

/// Argon2id with the crate's default (OWASP-recommended) parameters.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash to compare against when the account does not exist, so that a wrong email
/// costs as much time as a wrong password.
pub fn dummy_hash() -> &'static str {
    use std::sync::OnceLock;
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("not-a-real-password").expect("argon2 works"))
}

/// `bytes` random bytes from the OS, URL-safe base64 without padding. 16 bytes = 128 bits.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// A code a person types: `groups` groups of 4 from an alphabet without look-alikes
/// (no 0/O, 1/I/L). Each character carries 5 bits.
pub fn random_typed_code(groups: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // 31 symbols
    let mut out = String::new();
    for g in 0..groups {
        if g > 0 {
            out.push('-');
        }
        let mut buf = [0u8; 4];
        for slot in &mut buf {
            // rejection sampling keeps the distribution uniform
            loop {
                let mut b = [0u8; 1];
                OsRng.fill_bytes(&mut b);
                if (b[0] as usize) < ALPHABET.len() * (256 / ALPHABET.len()) {
                    *slot = ALPHABET[b[0] as usize % ALPHABET.len()];
                    break;
                }
            }
        }
        out.push_str(std::str::from_utf8(&buf).expect("ascii"));
    }
    out
}

/// Normalises a typed code (letter case, spaces, dashes) before hashing it.
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// SHA-256 hex of a token or code: what the database keeps instead of the secret.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub use super::rate_limit::RateLimiter;

/// A user signed in: who, and the session epoch the new session carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub id: i64,
    pub role: crate::types::Role,
    pub epoch: i64,
}

/// Signs a user in with email and password ([`check_credentials`]); the sign-in is
/// audited by account id and its time kept for the admins' list. Returns who signed in
/// and what the page shows.
pub async fn login(
    st: &super::AppState,
    client_ip: &str,
    email: &str,
    password: String,
) -> Result<(SignedIn, crate::types::Me), CredentialError> {
    let rec = check_credentials(st, client_ip, email, password).await?;
    let actor = super::store::Actor::User {
        id: rec.id,
        role: rec.role,
    };
    st.store
        .record_sign_in(actor, rec.id)
        .await
        .map_err(CredentialError::Store)?;
    tracing::info!(user_id = rec.id, "signed in");
    let me = crate::types::Me::User {
        email: email.trim().to_lowercase(),
        role: rec.role,
    };
    let who = SignedIn {
        id: rec.id,
        role: rec.role,
        epoch: rec.epoch,
    };
    Ok((who, me))
}

/// Who a session is, and whether the session is worth keeping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Whoami {
    pub me: Option<crate::types::Me>,
    /// False for a session that can never work again (account gone, tablet revoked or
    /// moved): it is ended. A tablet past its last day keeps its session, so that a
    /// later last day set by the organiser brings it back (issue 16 point 3).
    pub keep_session: bool,
}

/// Who the signed-in principal is, for the header and the kiosk page.
pub async fn whoami(
    store: &super::Store,
    actor: super::store::Actor,
) -> Result<Whoami, super::StoreError> {
    use super::store::Actor;
    use crate::types::Me;
    let (me, keep_session) = match actor {
        Actor::User { id, .. } => {
            let me = store.own_user(id).await?.map(|u| Me::User {
                email: u.email,
                role: u.role,
            });
            let keep = me.is_some();
            (me, keep)
        }
        Actor::Kiosk {
            device_id,
            event_id,
        } => match store.kiosk_device(device_id).await? {
            Some(d) if d.serves(event_id) => {
                let ev = store.event_by_id(event_id).await?;
                let me = Me::Kiosk {
                    event_id: ev.id,
                    event_name: ev.name,
                };
                (Some(me), true)
            }
            Some(d) => (None, d.may_come_back(event_id)),
            None => (None, false),
        },
        _ => (None, false),
    };
    Ok(Whoami { me, keep_session })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_roundtrip_uses_argon2id() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn tokens_are_128_bit_and_distinct() {
        let a = random_token(16);
        let b = random_token(16);
        assert_eq!(a.len(), 22); // 16 bytes in unpadded base64
        assert_ne!(a, b);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn typed_codes_normalise() {
        let c = random_typed_code(2);
        assert_eq!(c.len(), 9);
        assert_eq!(
            normalise_code(&c.to_lowercase().replace('-', " ")),
            c.replace('-', "")
        );
    }

    /// Issue 16: 12 characters at least, and nothing attackers try early, each refused
    /// with its own sentence.
    #[test]
    fn new_passwords_are_long_and_not_common() {
        assert_eq!(
            check_new_password("Kx9#mPq2$vL", &[]),
            Err(BadInput::PasswordTooShort),
            "11 characters"
        );
        for common in [
            "password1234",
            "qwertyuiop123",
            "123456789012",
            "iloveyou2024!",
        ] {
            assert_eq!(
                check_new_password(common, &[]),
                Err(BadInput::PasswordCommon),
                "{common}"
            );
        }
        assert_eq!(
            check_new_password("anna.berzina2024", &["anna.berzina@example.lv"]),
            Err(BadInput::PasswordCommon),
            "built from the email address"
        );
        assert_eq!(
            check_new_password(&"x".repeat(1001), &[]),
            Err(BadInput::TooLong)
        );
        for fine in [
            "Kx9#mPq2$vLw",
            "velvet harbour kite thirteen",
            "Zilā-Kaija-Dzied-42",
        ] {
            assert_eq!(check_new_password(fine, &[]), Ok(()), "{fine}");
        }
    }

    /// Issue 18 point 3: counting is checked and done in one step, so of 100 attempts
    /// racing on 8 threads exactly the limit are counted; `undo` gives one back.
    #[test]
    fn concurrent_attempts_get_no_more_than_the_limit() {
        let l = Arc::new(RateLimiter::new(30, Duration::from_secs(60)));
        let passed = Arc::new(std::sync::atomic::AtomicU32::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (l, passed) = (l.clone(), passed.clone());
                std::thread::spawn(move || {
                    for _ in 0..13 {
                        if l.try_record("ip:1") {
                            passed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(passed.load(std::sync::atomic::Ordering::SeqCst), 30);
        assert!(l.is_blocked("ip:1"));
        l.undo("ip:1");
        assert!(!l.is_blocked("ip:1"));
        assert!(l.try_record("ip:1"));
        assert!(!l.try_record("ip:1"));
        l.undo("nobody");
        assert!(!l.is_blocked("nobody"));
    }

    /// Issue 18 point 3: never more password checks at once than the gate has permits,
    /// and a check that finds no free permit in time is refused without running.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_argon2_gate_runs_one_check_per_permit_and_refuses_after_the_wait() {
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        let gate = Arc::new(Argon2Gate::new(2, Duration::from_secs(30)));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs: Vec<_> = (0..8)
            .map(|_| {
                let (gate, running, most) = (gate.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    gate.run(move || {
                        let now = running.fetch_add(1, SeqCst) + 1;
                        most.fetch_max(now, SeqCst);
                        std::thread::sleep(Duration::from_millis(40));
                        running.fetch_sub(1, SeqCst);
                    })
                    .await
                })
            })
            .collect();
        for j in jobs {
            assert_eq!(j.await.unwrap(), Ok(()));
        }
        assert_eq!(most.load(SeqCst), 2, "two permits: two checks at once");
        assert_eq!(gate.available(), 2, "every permit back");

        let short = Argon2Gate::new(1, Duration::from_millis(50));
        let held = short.permits().acquire_owned().await.unwrap();
        let ran = Arc::new(AtomicUsize::new(0));
        let r = ran.clone();
        assert_eq!(short.run(move || r.fetch_add(1, SeqCst)).await, Err(Busy));
        assert_eq!(ran.load(SeqCst), 0, "a refused check never runs");
        drop(held);
        assert!(short.run(|| ()).await.is_ok());
        assert!(Argon2Gate::standard().available() >= 1);
        assert_eq!(
            [1, 2, 4, 8].map(checks_at_once),
            [1, 1, 3, 7],
            "one per core, one core left"
        );
    }
}

/// Why an email and password were not accepted.
#[derive(Debug)]
pub enum CredentialError {
    /// An empty email or password.
    Missing,
    /// An email longer than [`MAX_EMAIL_LEN`]: refused before any work.
    EmailTooLong,
    /// Too many failures from this address or for this account lately.
    RateLimited,
    /// Unknown account or wrong password (the caller cannot tell which).
    Wrong,
    Store(super::store::StoreError),
}

/// The one check of an email and password: for signing in, and for staff confirming a
/// staff action on a kiosk tablet (issue 12 point 3). Failures are limited per client
/// address and per account, and audited by account id only; argon2 runs off the async
/// runtime, against a dummy hash for an unknown account so both cost the same time.
///
/// Issue 18 point 3: an email over [`MAX_EMAIL_LEN`] is refused before any work; the
/// attempt is counted against both limits before the password is checked (and taken
/// back when it was right), so a burst of concurrent attempts gets no more checks than
/// the limits allow; and the check waits for one of the [`Argon2Gate`]'s cores, at most
/// [`ARGON2_WAIT`], else 429.
pub async fn check_credentials(
    st: &super::AppState,
    client_ip: &str,
    email: &str,
    password: String,
) -> Result<super::store::LoginRecord, CredentialError> {
    use super::store::Actor;
    let email = email.trim();
    if email.is_empty() || password.is_empty() {
        return Err(CredentialError::Missing);
    }
    if email.chars().count() > MAX_EMAIL_LEN {
        return Err(CredentialError::EmailTooLong);
    }
    let email = email.to_lowercase();
    let ip_key = format!("ip:{client_ip}");
    let account_key = format!("account:{email}");
    if !st.login_by_ip.try_record(&ip_key) {
        return Err(CredentialError::RateLimited);
    }
    if !st.login_by_account.try_record(&account_key) {
        // This attempt still counts against the address: it tried.
        return Err(CredentialError::RateLimited);
    }
    let record = st
        .store
        .login_record(email)
        .await
        .map_err(CredentialError::Store)?;
    // A disabled account, or one without a password yet, is checked against the dummy
    // hash like an unknown one: the same time, the same answer.
    let hash = record
        .as_ref()
        .filter(|r| r.can_sign_in)
        .map(|r| r.password_hash.clone());
    let checked = st
        .argon2
        .run(move || verify_password(&password, hash.as_deref().unwrap_or_else(|| dummy_hash())))
        .await;
    let Ok(ok) = checked else {
        // No core came free: nothing was checked, so nothing counts.
        st.login_by_ip.undo(&ip_key);
        st.login_by_account.undo(&account_key);
        return Err(CredentialError::RateLimited);
    };
    match record {
        Some(rec) if ok && rec.can_sign_in => {
            st.login_by_account.clear(&account_key);
            st.login_by_ip.undo(&ip_key);
            Ok(rec)
        }
        other => {
            let subject = other
                .map(|r| format!("user:{}", r.id))
                .unwrap_or_else(|| "unknown_account".into());
            st.store
                .audit(Actor::Anonymous, "auth.login_failed", subject)
                .await
                .map_err(CredentialError::Store)?;
            Err(CredentialError::Wrong)
        }
    }
}
