//! `sign_differential`: the core and the reference signer agree on every
//! input: the same error kind, or the same text at every stage.
//!
//! Input fields (see `input.rs`): signature method name, secret (raw bytes),
//! HTTP method, scheme, host, path, then parameter name/value pairs.

use super::input::{Fields, borrow};
use super::reference;
use super::stage_text::stage_text;
use mws_sign::{RequestHead, SignedRequest, Signer, SortedParams};

/// One signing request decoded from a fuzz input.
pub struct SignInput {
    /// The signature method argument (`HmacSHA256`, `HmacSHA1` or anything).
    pub signature_method: String,
    /// The secret key.
    pub secret: Vec<u8>,
    /// HTTP method.
    pub method: String,
    /// Scheme.
    pub scheme: String,
    /// Host (with an optional port).
    pub host: String,
    /// Decoded path.
    pub path: String,
    /// Parameters in the given order.
    pub params: Vec<(String, String)>,
}

impl SignInput {
    /// Reads the fields in the order above.
    pub fn read(fields: &mut Fields<'_>) -> Self {
        SignInput {
            signature_method: fields.text(),
            secret: fields.bytes().to_vec(),
            method: fields.text(),
            scheme: fields.text(),
            host: fields.text(),
            path: fields.text(),
            params: Vec::new(),
        }
    }
}

/// Runs one input; panics on any disagreement.
pub fn run(data: &[u8]) {
    let mut fields = Fields::new(data);
    let mut input = SignInput::read(&mut fields);
    input.params = fields.pairs();
    check(&input);
}

/// Compares the core with the reference on one request.
pub fn check(input: &SignInput) {
    let given = borrow(&input.params);
    let expected = reference::sign(
        &input.secret,
        &input.signature_method,
        &input.method,
        &input.scheme,
        &input.host,
        &input.path,
        &given,
    );
    let mut params = given.clone();
    let actual = SignedRequest::new(
        &input.secret,
        &input.signature_method,
        &input.method,
        &input.scheme,
        &input.host,
        &input.path,
        &mut params,
    );
    match (&expected, actual) {
        (Err(kind), Err(error)) => assert_eq!(error.kind(), *kind, "error kind"),
        (Ok(stages), Ok(signed)) => {
            assert_eq!(
                stage_text!(signed.canonical_query()),
                stages.canonical_query
            );
            assert_eq!(stage_text!(signed.string_to_sign()), stages.string_to_sign);
            assert_eq!(signed.signature().as_str(), stages.signature, "signature");
            assert_eq!(stage_text!(signed.signed_query()), stages.signed_query);
            check_url(input, &signed, stages);
        }
        (expected, actual) => panic!(
            "core and reference disagree: reference {:?}, core {:?}",
            expected.as_ref().map(|s| &s.signature),
            actual.as_ref().map(|s| s.signature().as_str()),
        ),
    }
    check_stages_alone(input, &given, &expected);
}

/// The URL stages: `scheme://host-line path-line`, then `?` and the signed query.
fn check_url(input: &SignInput, signed: &SignedRequest<'_, '_>, stages: &reference::Stages) {
    let https = reference::scheme_is_https(&input.scheme) == Ok(true);
    let base = format!(
        "{}://{}{}",
        if https { "https" } else { "http" },
        reference::host_line(&input.host, https).unwrap_or_default(),
        reference::path_line(&input.path).unwrap_or_default(),
    );
    assert_eq!(stage_text!(signed.url()), base, "url");
    let full = format!("{base}?{}", stages.signed_query);
    assert_eq!(stage_text!(signed.url_with_query()), full, "url_with_query");
}

/// The same request through the stage-by-stage API: `RequestHead`,
/// `SortedParams`, `Signer::from_name` and the MAC stage alone.
fn check_stages_alone(
    input: &SignInput,
    given: &[(&str, &str)],
    expected: &Result<reference::Stages, &'static str>,
) {
    let head = RequestHead::new(&input.method, &input.scheme, &input.host, &input.path);
    let https = reference::scheme_is_https(&input.scheme);
    let head_expected = reference::verb_line(&input.method).and_then(|verb| {
        let https = https?;
        Ok((
            verb,
            reference::host_line(&input.host, https)?,
            reference::path_line(&input.path)?,
        ))
    });
    let head = match (head, head_expected) {
        (Ok(head), Ok((verb, host, path))) => {
            assert_eq!(head.method_line().to_string(), verb, "method line");
            assert_eq!(head.host_line().to_string(), host, "host line");
            assert_eq!(head.path_line().to_string(), path, "path line");
            head
        }
        (Err(e), Err(kind)) => {
            assert_eq!(e.kind(), kind, "RequestHead::new error kind");
            return;
        }
        (head, wanted) => panic!("RequestHead::new: core {head:?}, reference {wanted:?}"),
    };

    let mut params = given.to_vec();
    let Ok(sorted) = SortedParams::sort_in_place(&mut params) else {
        return;
    };
    let Ok(stages) = expected else {
        return;
    };
    assert_eq!(
        stage_text!(sorted.canonical_query()),
        stages.canonical_query
    );
    assert_eq!(
        stage_text!(sorted.string_to_sign(&head)),
        stages.string_to_sign
    );
    if let Ok(signer) = Signer::from_name(&input.secret, &input.signature_method) {
        let signature = signer.sign_string(stages.string_to_sign.as_bytes());
        assert_eq!(signature.as_str(), stages.signature, "sign_string");
        let with_signer = SignedRequest::with_signer(
            &signer,
            &input.method,
            &input.scheme,
            &input.host,
            &input.path,
            &mut given.to_vec(),
        )
        .map(|s| s.signature().as_str().to_owned());
        assert_eq!(
            with_signer.as_deref(),
            Ok(stages.signature.as_str()),
            "with_signer"
        );
    }
}
