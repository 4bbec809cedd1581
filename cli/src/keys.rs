//! The keys a verifier knows: a keys file, or one key from the environment.

use crate::exit::Failure;
use crate::input;
use crate::secret::{SECRET_ENV, Secret};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// The environment variable naming the one Access Key ID of `MWS_SECRET_KEY`.
pub const ACCESS_KEY_ID_ENV: &str = "MWS_ACCESS_KEY_ID";

/// Access Key ID → secret.
#[derive(Debug, Default)]
pub struct Keys(HashMap<String, Secret>);

impl Keys {
    /// The secret of `access_key_id`, if known.
    pub fn get(&self, access_key_id: &str) -> Option<&[u8]> {
        self.0.get(access_key_id).map(Secret::as_bytes)
    }

    /// Reads a keys file: one `ACCESS_KEY_ID SECRET` a line (separated by
    /// spaces or tabs), blank lines and lines starting with `#` skipped.
    ///
    /// # Errors
    /// [`Failure::Io`] when unreadable; [`Failure::Usage`] naming the first
    /// malformed line (never its content, which holds a secret).
    pub fn from_file(path: &Path) -> Result<Self, Failure> {
        let mut bytes = Vec::new();
        input::open(path)?
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::io(format!("cannot read {}", input::label(path)), e))?;
        // Kept in a Secret so the file's text is wiped when done.
        let bytes = Secret::from_line(bytes);
        let text = core::str::from_utf8(bytes.as_bytes())
            .map_err(|_| Failure::usage(format!("{} is not UTF-8 text", input::label(path))))?;
        let mut keys = Keys::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad =
                |why: &str| Failure::usage(format!("{} line {}: {why}", input::label(path), i + 1));
            let (id, secret) = line
                .split_once([' ', '\t'])
                .map(|(id, s)| (id, s.trim_start()))
                .filter(|(_, s)| !s.is_empty())
                .ok_or_else(|| bad("expected 'ACCESS_KEY_ID SECRET'"))?;
            let secret = Secret::from_line(secret.as_bytes().to_vec());
            if keys.0.insert(id.to_owned(), secret).is_some() {
                return Err(bad("this Access Key ID appears twice"));
            }
        }
        Ok(keys)
    }

    /// The one key of `MWS_ACCESS_KEY_ID` and `MWS_SECRET_KEY`.
    ///
    /// # Errors
    /// [`Failure::Usage`] when either is unset or not UTF-8.
    pub fn from_env() -> Result<Self, Failure> {
        let var = |name: &str| std::env::var_os(name).and_then(|v| v.into_string().ok());
        match (var(ACCESS_KEY_ID_ENV), var(SECRET_ENV)) {
            (Some(id), Some(secret)) => {
                let mut keys = Keys::default();
                keys.0.insert(id, Secret::from_line(secret.into_bytes()));
                Ok(keys)
            }
            _ => Err(Failure::usage(format!(
                "no keys: give --keys-file FILE, or set {ACCESS_KEY_ID_ENV} and {SECRET_ENV}"
            ))),
        }
    }
}
