//! Whom a backup is encrypted to (issue 17 point 5; requirements 23, 24): age public
//! keys (`age1…`, on the command line or in an age recipients file), or a passphrase
//! typed by a person; and what opens one: an age identity file (`AGE-SECRET-KEY-1…`)
//! or that passphrase. Only age's native X25519 keys are taken (no SSH keys, no
//! plugins: the crate's default features are off). Messages name files and line
//! numbers, never a key or a passphrase.

use age::secrecy::SecretString;

/// A passphrase kept out of logs and debug output (zeroed when dropped).
pub type SecretPassphrase = SecretString;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Why the keys could not be used, one line each.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("recipient number {0} is not an age public key (age1…)")]
    BadRecipient(usize),
    #[error("line {line} of {file} is not an age public key (age1…)")]
    BadRecipientLine { file: PathBuf, line: usize },
    #[error("line {line} of {file} is not an age secret key (AGE-SECRET-KEY-1…)")]
    BadIdentityLine { file: PathBuf, line: usize },
    #[error("{0} could not be read: {1}")]
    Unreadable(PathBuf, std::io::Error),
    #[error("{0} holds no key")]
    NoKey(PathBuf),
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    #[error("give --recipient, --recipient-file or --passphrase-stdin")]
    Missing,
    #[error("give public keys or a passphrase, not both")]
    Both,
}

/// How a backup is encrypted.
#[derive(Clone)]
pub enum Encryption {
    /// To every one of these public keys (any one of their secret keys opens it).
    Recipients(Vec<age::x25519::Recipient>),
    /// With a passphrase (scrypt, work factor tuned to about a second on this machine).
    Passphrase(SecretString),
}

/// What opens a backup.
#[derive(Clone)]
pub enum Decryption {
    Identities(Vec<age::x25519::Identity>),
    Passphrase(SecretString),
}

/// The non-empty, non-comment lines of a key file with their line numbers.
fn key_lines(file: &Path) -> Result<Vec<(usize, String)>, KeyError> {
    let text =
        std::fs::read_to_string(file).map_err(|e| KeyError::Unreadable(file.to_path_buf(), e))?;
    Ok(text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim().to_string()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .collect())
}

/// A passphrase as typed: the first line, without its line ending; empty is refused.
pub fn passphrase(line: &str) -> Result<SecretString, KeyError> {
    let p = line.trim_end_matches(['\r', '\n']);
    if p.is_empty() {
        return Err(KeyError::EmptyPassphrase);
    }
    Ok(SecretString::from(p.to_string()))
}

impl Encryption {
    /// From `--recipient` values and `--recipient-file` files, or a passphrase: exactly
    /// one of the two ways.
    pub fn from_args(
        keys: &[String],
        files: &[PathBuf],
        passphrase: Option<SecretString>,
    ) -> Result<Self, KeyError> {
        let mut recipients = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            recipients.push(
                age::x25519::Recipient::from_str(k.trim())
                    .map_err(|_| KeyError::BadRecipient(i + 1))?,
            );
        }
        for file in files {
            let lines = key_lines(file)?;
            if lines.is_empty() {
                return Err(KeyError::NoKey(file.clone()));
            }
            for (line, text) in lines {
                recipients.push(age::x25519::Recipient::from_str(&text).map_err(|_| {
                    KeyError::BadRecipientLine {
                        file: file.clone(),
                        line,
                    }
                })?);
            }
        }
        match (recipients.is_empty(), passphrase) {
            (false, None) => Ok(Encryption::Recipients(recipients)),
            (true, Some(p)) => Ok(Encryption::Passphrase(p)),
            (false, Some(_)) => Err(KeyError::Both),
            (true, None) => Err(KeyError::Missing),
        }
    }

    pub(super) fn encryptor(&self) -> Result<age::Encryptor, age::EncryptError> {
        match self {
            Encryption::Recipients(keys) => {
                age::Encryptor::with_recipients(keys.iter().map(|k| k as &dyn age::Recipient))
            }
            Encryption::Passphrase(p) => Ok(age::Encryptor::with_user_passphrase(p.clone())),
        }
    }
}

impl Decryption {
    /// From `--identity` files or a passphrase: exactly one of the two ways.
    pub fn from_args(
        files: &[PathBuf],
        passphrase: Option<SecretString>,
    ) -> Result<Self, KeyError> {
        let mut identities = Vec::new();
        for file in files {
            let lines = key_lines(file)?;
            if lines.is_empty() {
                return Err(KeyError::NoKey(file.clone()));
            }
            for (line, text) in lines {
                identities.push(age::x25519::Identity::from_str(&text).map_err(|_| {
                    KeyError::BadIdentityLine {
                        file: file.clone(),
                        line,
                    }
                })?);
            }
        }
        match (identities.is_empty(), passphrase) {
            (false, None) => Ok(Decryption::Identities(identities)),
            (true, Some(p)) => Ok(Decryption::Passphrase(p)),
            (false, Some(_)) => Err(KeyError::Both),
            (true, None) => Err(KeyError::Missing),
        }
    }

    pub(super) fn is_passphrase(&self) -> bool {
        matches!(self, Decryption::Passphrase(_))
    }

    /// Opens the age stream with these keys.
    pub(super) fn decrypt<R: std::io::Read>(
        &self,
        d: age::Decryptor<R>,
    ) -> Result<age::stream::StreamReader<R>, age::DecryptError> {
        match self {
            Decryption::Identities(ids) => d.decrypt(ids.iter().map(|i| i as &dyn age::Identity)),
            Decryption::Passphrase(p) => {
                let id = age::scrypt::Identity::new(p.clone());
                d.decrypt(std::iter::once(&id as &dyn age::Identity))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    #[test]
    fn keys_come_from_files_with_comments_and_bad_lines_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let id = age::x25519::Identity::generate();
        let public = id.to_public().to_string();
        let recipients = dir.path().join("backup.pub");
        std::fs::write(&recipients, format!("# the office safe\n\n{public}\n")).unwrap();
        assert!(matches!(
            Encryption::from_args(&[], std::slice::from_ref(&recipients), None),
            Ok(Encryption::Recipients(r)) if r.len() == 1
        ));
        let bad = dir.path().join("bad.pub");
        std::fs::write(&bad, format!("{public}\nnot a key\n")).unwrap();
        let e = Encryption::from_args(&[], &[bad], None).err().unwrap();
        assert_eq!(
            e.to_string(),
            format!(
                "line 2 of {} is not an age public key (age1…)",
                dir.path().join("bad.pub").display()
            )
        );
        let identity = dir.path().join("key.txt");
        std::fs::write(
            &identity,
            format!(
                "# created: now\n# public key: {public}\n{}\n",
                id.to_string().expose_secret()
            ),
        )
        .unwrap();
        assert!(matches!(
            Decryption::from_args(&[identity], None),
            Ok(Decryption::Identities(i)) if i.len() == 1
        ));
        assert!(matches!(
            Encryption::from_args(&["age1nope".into()], &[], None),
            Err(KeyError::BadRecipient(1))
        ));
        assert!(matches!(
            Encryption::from_args(&[], &[], None),
            Err(KeyError::Missing)
        ));
        assert!(matches!(
            Encryption::from_args(&[public], &[], Some(passphrase("x\n").unwrap())),
            Err(KeyError::Both)
        ));
        assert!(matches!(passphrase("\n"), Err(KeyError::EmptyPassphrase)));
        assert_eq!(
            passphrase("two words\r\n").unwrap().expose_secret(),
            "two words"
        );
    }
}
