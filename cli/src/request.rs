//! From the command line to a signed request: the one place `sign` and
//! `explain` call the core's signers. Every decision (validation, order,
//! encoding, the auth parameters) is the core's; this module gathers the
//! inputs and keeps each stage as text.

use crate::cli::RequestArgs;
use crate::clock;
use crate::exit::Failure;
use crate::input;
use crate::params::{self, OwnedParam};
use crate::secret::{Secret, SecretSource};
use mws_sign::{
    Credentials, Marketplace, MwsRequest, Scheme, Section, SignedRequest, Signer, SortedParams,
};
use std::path::{Path, PathBuf};

/// A feed body sent with a SubmitFeed call.
#[derive(Clone, Debug)]
pub struct Feed {
    /// The file holding the body.
    pub path: PathBuf,
    /// Its Content-MD5, signed as `ContentMD5Value`.
    pub content_md5: String,
}

impl Feed {
    /// Streams the file through MD5.
    ///
    /// # Errors
    /// [`Failure::Io`] when it cannot be read.
    pub fn read(path: &Path) -> Result<Feed, Failure> {
        Ok(Feed {
            path: path.to_owned(),
            content_md5: input::content_md5(path)?.to_string(),
        })
    }
}

/// One signed parameter and its piece of the canonical query.
#[derive(Clone, Copy, Debug)]
pub struct Piece<'s> {
    /// The name as given.
    pub name: &'s str,
    /// The value as given.
    pub value: &'s str,
    /// `enc(name)=enc(value)`, as the core wrote it.
    pub encoded: &'s str,
}

/// A signed request, every stage as text. Holds no secret.
#[derive(Clone, Debug)]
pub struct Stages {
    /// Whether the MWS builder added the auth parameters (`--action`).
    pub mws: bool,
    /// `https` or `http`.
    pub scheme: &'static str,
    /// The host as given (or the marketplace's endpoint).
    pub host_given: String,
    /// The path as given (or the section's path).
    pub path_given: String,
    /// The verb line of the string to sign (S7).
    pub method: String,
    /// The host line (S5).
    pub host: String,
    /// The path line (S6).
    pub path: String,
    /// The URL without the query, host and path as signed (the core's `url()`).
    pub url_base: String,
    /// The URL with `?` and the signed query (the core's `url_with_query()`).
    pub url_with_query: String,
    /// `HmacSHA256` or `HmacSHA1`.
    pub signature_method: &'static str,
    /// Every parameter in S3 order, unencoded, as signed (a stale `Signature` included).
    pub params: Vec<OwnedParam>,
    /// S4.
    pub canonical_query: String,
    /// S8.
    pub string_to_sign: String,
    /// S9, Base64.
    pub signature: String,
    /// S10: the POST body, or the URL query.
    pub signed_query: String,
    /// The feed of a SubmitFeed call.
    pub feed: Option<Feed>,
    /// Whether the secret starts or ends with whitespace (a frequent copy-paste slip).
    pub secret_has_edge_whitespace: bool,
}

impl Stages {
    /// Keeps every stage of a signed request as text.
    pub fn from_signed(signed: &SignedRequest<'_, '_>, scheme: Scheme) -> Self {
        let head = signed.head();
        Stages {
            mws: false,
            scheme: scheme.as_str(),
            host_given: String::new(),
            path_given: String::new(),
            method: head.method_line().to_string(),
            host: head.host_line().to_string(),
            path: head.path_line().to_string(),
            url_base: signed.url().to_string(),
            url_with_query: signed.url_with_query().to_string(),
            signature_method: signed.signature().method().name(),
            params: signed
                .params()
                .iter()
                .map(|&(n, v)| (n.to_owned(), v.to_owned()))
                .collect(),
            canonical_query: signed.canonical_query().to_string(),
            string_to_sign: signed.string_to_sign().to_string(),
            signature: signed.signature().as_str().to_owned(),
            signed_query: signed.signed_query().to_string(),
            feed: None,
            secret_has_edge_whitespace: false,
        }
    }

    /// The signed parameters (not `Signature`) with their encoded
    /// `name=value` pieces of the canonical query, in order.
    pub fn pieces(&self) -> impl Iterator<Item = Piece<'_>> {
        let encoded = self.canonical_query.split('&').filter(|p| !p.is_empty());
        self.params
            .iter()
            .filter(|(n, _)| n != "Signature")
            .zip(encoded)
            .map(|((name, value), encoded)| Piece {
                name,
                value,
                encoded,
            })
    }

    /// Whether the signed query goes in the URL (feeds, and every method but
    /// POST) rather than in a form body.
    pub fn query_in_url(&self) -> bool {
        self.feed.is_some() || self.method != "POST"
    }

    /// The URL to send the request to.
    pub fn url(&self) -> String {
        if self.query_in_url() {
            self.url_with_query.clone()
        } else {
            self.url_base.clone()
        }
    }
}

fn is_stdin(path: Option<&PathBuf>) -> bool {
    path.is_some_and(|p| input::is_stdin(p))
}

/// Reads every input of `args` and signs. `other_stdin` names another
/// input of the command that reads standard input, if any.
///
/// # Errors
/// [`Failure::Usage`] for unknown marketplaces or sections and clashing
/// inputs, [`Failure::Io`] for unreadable files, [`Failure::Invalid`] for
/// anything the core rejects.
pub fn sign(args: &RequestArgs, other_stdin: (&str, bool)) -> Result<Stages, Failure> {
    let source = SecretSource::choose(args.secret_key_file.as_deref());
    input::check_stdin(&[
        ("the secret key", source.uses_stdin()),
        ("--params-file", is_stdin(args.params_file.as_ref())),
        ("--feed", is_stdin(args.feed.as_ref())),
        other_stdin,
    ])?;

    let host = endpoint(args)?;
    let section = args.section.as_deref().map(section).transpose()?;
    let mut all = match &args.params_file {
        Some(path) => params::read_file(path)?,
        None => Vec::new(),
    };
    all.extend(
        args.param
            .chunks_exact(2)
            .map(|pair| (pair[0].clone(), pair[1].clone())),
    );
    all.extend(args.params.iter().cloned());
    let feed = args.feed.as_deref().map(Feed::read).transpose()?;
    // Files first, so a missing one fails before the secret is asked for.
    let secret = source.read()?;

    let mut stages = match (&args.action, section) {
        (Some(action), Some(section)) => {
            sign_mws(args, &secret, host, section, action, &all, feed.as_ref())?
        }
        _ => {
            let path = match (&args.path, section) {
                (Some(path), _) => path.as_str(),
                (None, Some(section)) => section.path(),
                (None, None) => "/",
            };
            let method = args.method.as_deref().unwrap_or("POST");
            let mut pairs = params::borrow(&all);
            let signed = SignedRequest::new(
                secret.as_bytes(),
                &args.signature_method,
                method,
                &args.scheme,
                host,
                path,
                &mut pairs,
            )?;
            let mut stages = Stages::from_signed(&signed, Scheme::parse(&args.scheme)?);
            stages.path_given = path.to_owned();
            stages
        }
    };
    stages.host_given = host.to_owned();
    stages.feed = feed;
    stages.secret_has_edge_whitespace = secret.has_edge_whitespace();
    Ok(stages)
}

/// The MWS builder: credentials + call → the auth parameters added and signed.
fn sign_mws(
    args: &RequestArgs,
    secret: &Secret,
    host: &str,
    section: Section,
    action: &str,
    extra: &[OwnedParam],
    feed: Option<&Feed>,
) -> Result<Stages, Failure> {
    let scheme = Scheme::parse(&args.scheme)?;
    let timestamp = match &args.timestamp {
        Some(t) => t.clone(),
        None => clock::timestamp_now()?,
    };
    let signer = Signer::from_name(secret.as_bytes(), &args.signature_method)?;
    let credentials = Credentials::with_signer(
        args.access_key_id.as_deref().unwrap_or_default(),
        signer,
        args.seller_id.as_deref().unwrap_or_default(),
    )
    .auth_token(args.auth_token.as_deref().unwrap_or_default());
    let mut request = MwsRequest {
        scheme,
        host,
        section,
        action,
        params: &[],
        timestamp: &timestamp,
        content_md5: None,
    };
    if let Some(feed) = feed {
        request = request.content_md5(&feed.content_md5);
    }
    let mut pairs = params::borrow(extra);
    let extra = SortedParams::sort_in_place(&mut pairs)?;
    let signed = credentials.sign_request(&request, extra)?;
    let mut stages = Stages::from_signed(&signed, scheme);
    stages.mws = true;
    stages.path_given = section.path().to_owned();
    Ok(stages)
}

/// The host: `--host`, or the endpoint of `--marketplace`.
fn endpoint(args: &RequestArgs) -> Result<&str, Failure> {
    match (&args.host, &args.marketplace) {
        (Some(host), _) => Ok(host),
        (None, Some(code)) => Marketplace::from_code(code)
            .map(Marketplace::host)
            .ok_or_else(|| {
                let known: Vec<&str> = Marketplace::ALL.iter().map(|m| m.code()).collect();
                Failure::usage(format!(
                    "unknown marketplace '{code}'; known: {}",
                    known.join(", ")
                ))
            }),
        (None, None) => Err(Failure::usage("give --host HOST or --marketplace CODE")),
    }
}

/// The section named `name`.
fn section(name: &str) -> Result<Section, Failure> {
    Section::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
        Failure::usage(format!(
            "unknown section '{name}'; known: {}",
            known.join(", ")
        ))
    })
}
