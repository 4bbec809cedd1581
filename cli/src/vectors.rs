//! Runs vector files of the shared format (`../shared/vectors/FORMAT.md`)
//! through the Rust core, case by case, naming the stage that broke.

use base64ct::{Base64, Encoding};
use mws_sign::{
    ContentMd5, Error, Param, RawParam, ReceivedRequest, SignedRequest, Signer, Timestamp,
    UnixTime, VerifyOptions, verify_in,
};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The outcome of one file or many.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Cases whose every listed output matched.
    pub passed: usize,
    /// Cases with any mismatch, an unsupported kind, or an unreadable field.
    pub failed: usize,
    /// One line per failed case: `file: kind/name: what differed`.
    pub failures: Vec<String>,
}

impl Summary {
    /// Adds another summary's counts and failures.
    pub fn absorb(&mut self, other: Summary) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.failures.extend(other.failures);
    }
}

/// The case lists this runner understands; any other list counts as failed.
const KINDS: [&str; 6] = [
    "sign",
    "mac",
    "reject",
    "verify",
    "content_md5",
    "timestamp",
];

/// Runs the JSON text of one vector file; `label` names it in failures.
pub fn run_text(label: &str, text: &str) -> Summary {
    let mut summary = Summary::default();
    let doc: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            summary.failed += 1;
            summary.failures.push(format!("{label}: not JSON: {e}"));
            return summary;
        }
    };
    let Some(doc) = doc.as_object() else {
        summary.failed += 1;
        summary.failures.push(format!("{label}: not a JSON object"));
        return summary;
    };
    for (key, value) in doc {
        if key.starts_with('_') || key == "version" {
            continue;
        }
        let cases = value.as_array().map(Vec::as_slice).unwrap_or_default();
        for (i, case) in cases.iter().enumerate() {
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("#{i}"), str::to_owned);
            let outcome = match case.as_object() {
                Some(case) if KINDS.contains(&key.as_str()) => run_case(key, case),
                Some(_) => Err(format!("case kind '{key}' is not supported by this runner")),
                None => Err("case is not a JSON object".to_owned()),
            };
            match outcome {
                Ok(()) => summary.passed += 1,
                Err(why) => {
                    summary.failed += 1;
                    summary
                        .failures
                        .push(format!("{label}: {key}/{name}: {why}"));
                }
            }
        }
    }
    summary
}

fn run_case(kind: &str, case: &Map<String, Value>) -> Result<(), String> {
    match kind {
        "sign" => run_sign(case),
        "mac" => run_mac(case),
        "reject" => run_reject(case),
        "verify" => run_verify(case),
        "content_md5" => run_content_md5(case),
        "timestamp" => run_timestamp(case),
        _ => Err(format!(
            "case kind '{kind}' is not supported by this runner"
        )),
    }
}

fn text<'c>(case: &'c Map<String, Value>, field: &str) -> Result<&'c str, String> {
    case.get(field)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("field '{field}' missing or not a string"))
}

fn params(case: &Map<String, Value>) -> Result<Vec<Param<'_>>, String> {
    let list = case
        .get("params")
        .and_then(Value::as_array)
        .ok_or("field 'params' missing or not a list")?;
    list.iter()
        .map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([Value::String(n), Value::String(v)]) => Ok((n.as_str(), v.as_str())),
            _ => Err("a parameter is not a [name, value] pair of strings".to_owned()),
        })
        .collect()
}

/// Signs a sign/reject case's inputs through the core's one-call path.
fn sign_case<'p, 'a>(
    case: &'a Map<String, Value>,
    params: &'p mut [Param<'a>],
) -> Result<Result<SignedRequest<'p, 'a>, Error>, String> {
    Ok(SignedRequest::new(
        text(case, "secret")?.as_bytes(),
        text(case, "signature_method")?,
        text(case, "method")?,
        text(case, "scheme")?,
        text(case, "host")?,
        text(case, "path")?,
        params,
    ))
}

/// Signs a sign/reject case's inputs through `SignedRequest::new_to_query`,
/// the one-pass path the bindings use to write the signed query, and the
/// signature-only path `sign_request`: the signature and the query, or the
/// first failing check's kind, which both must agree on. The signed
/// request must know the query's length (counted, not measured).
fn sign_to_query_case(
    case: &Map<String, Value>,
) -> Result<Result<(String, String), Error>, String> {
    let (mut params, mut again) = (params(case)?, params(case)?);
    let (secret, signature_method) = (text(case, "secret")?, text(case, "signature_method")?);
    let (method, scheme) = (text(case, "method")?, text(case, "scheme")?);
    let (host, path) = (text(case, "host")?, text(case, "path")?);
    // Room for any query: every byte of every pair escaped, and the signature.
    let room: usize = params
        .iter()
        .map(|(n, v)| 3 * (n.len() + v.len() + 2))
        .sum();
    let mut out = vec![0u8; room + 256];
    let signed = SignedRequest::new_to_query(
        secret.as_bytes(),
        signature_method,
        method,
        scheme,
        host,
        path,
        &mut params,
        &mut out,
    );
    let by_request = match signed {
        Ok((signed, query)) if signed.signed_query().len() != query.len() => {
            return Err(format!(
                "new_to_query: the signed request counts {} bytes of signed query, it wrote {}",
                signed.signed_query().len(),
                query.len()
            ));
        }
        Ok((signed, query)) => Ok((signed.signature().as_str().to_owned(), query.to_owned())),
        Err(e) => Err(e),
    };
    let signature_only = mws_sign::sign_request(
        secret.as_bytes(),
        signature_method,
        method,
        scheme,
        host,
        path,
        &mut again,
    )
    .map(|signature| signature.as_str().to_owned());
    if signature_only.as_deref() != by_request.as_ref().map(|(signature, _)| signature.as_str()) {
        return Err(format!(
            "sign_request gave {signature_only:?}, new_to_query {by_request:?}"
        ));
    }
    Ok(by_request)
}

/// Compares one stage; the message names it and shows both texts.
fn stage(name: &str, got: &str, expected: &str) -> Result<(), String> {
    if got == expected {
        Ok(())
    } else {
        Err(format!(
            "{name} differs\n    expected: {expected:?}\n    got:      {got:?}"
        ))
    }
}

fn run_sign(case: &Map<String, Value>) -> Result<(), String> {
    let mut params = params(case)?;
    let signed =
        sign_case(case, &mut params)?.map_err(|e| format!("signing failed: {}", e.kind()))?;
    stage(
        "canonical_query",
        &signed.canonical_query().to_string(),
        text(case, "canonical_query")?,
    )?;
    stage(
        "string_to_sign",
        &signed.string_to_sign().to_string(),
        text(case, "string_to_sign")?,
    )?;
    stage(
        "signature",
        signed.signature().as_str(),
        text(case, "signature")?,
    )?;
    stage(
        "signed_query",
        &signed.signed_query().to_string(),
        text(case, "signed_query")?,
    )?;
    let (signature, query) =
        sign_to_query_case(case)?.map_err(|e| format!("new_to_query failed: {}", e.kind()))?;
    stage(
        "new_to_query signature",
        &signature,
        text(case, "signature")?,
    )?;
    stage(
        "new_to_query signed_query",
        &query,
        text(case, "signed_query")?,
    )
}

fn run_mac(case: &Map<String, Value>) -> Result<(), String> {
    let signer = Signer::from_name(
        text(case, "secret")?.as_bytes(),
        text(case, "signature_method")?,
    )
    .map_err(|e| format!("keying failed: {}", e.kind()))?;
    let signature = signer.sign_string(text(case, "string_to_sign")?.as_bytes());
    stage("signature", signature.as_str(), text(case, "signature")?)
}

fn run_reject(case: &Map<String, Value>) -> Result<(), String> {
    let expected = text(case, "error")?;
    let mut params = params(case)?;
    match sign_case(case, &mut params)? {
        Ok(signed) => Err(format!(
            "expected {expected}, but it signed: {}",
            signed.signature()
        )),
        Err(e) => stage("error", e.kind(), expected),
    }?;
    match sign_to_query_case(case)? {
        Ok((signature, _)) => Err(format!(
            "expected {expected}, but new_to_query signed: {signature}"
        )),
        Err(e) => stage("new_to_query error", e.kind(), expected),
    }
}

fn run_verify(case: &Map<String, Value>) -> Result<(), String> {
    let keys: HashMap<&str, &str> = case
        .get("access_keys")
        .and_then(Value::as_object)
        .ok_or("field 'access_keys' missing or not an object")?
        .iter()
        .map(|(id, secret)| {
            secret
                .as_str()
                .map(|s| (id.as_str(), s))
                .ok_or("a secret is not a string")
        })
        .collect::<Result<_, _>>()?;
    let now = UnixTime::parse_iso8601(text(case, "now")?)
        .map_err(|_| "field 'now' is not a timestamp")?;
    let window_seconds = case
        .get("window_seconds")
        .and_then(Value::as_u64)
        .and_then(|w| u32::try_from(w).ok())
        .ok_or("field 'window_seconds' missing or not a u32")?;
    let query = text(case, "query")?;
    let request = ReceivedRequest {
        method: text(case, "method")?,
        scheme: text(case, "scheme")?,
        host: text(case, "host")?,
        path: text(case, "path")?,
        query,
    };
    // One slot per `&`-separated piece: the most the query can hold.
    let mut space = vec![RawParam::EMPTY; query.split('&').count()];
    let options = VerifyOptions {
        now,
        window_seconds,
    };
    let result = verify_in(&request, &options, |id| keys.get(id).copied(), &mut space);
    let got = result.map_or_else(|e| e.kind(), |_| "ok");
    stage("result", got, text(case, "result")?)
}

fn run_content_md5(case: &Map<String, Value>) -> Result<(), String> {
    let body = Base64::decode_vec_free(text(case, "body_base64")?)?;
    stage(
        "content_md5",
        ContentMd5::of(&body).as_str(),
        text(case, "content_md5")?,
    )
}

fn run_timestamp(case: &Map<String, Value>) -> Result<(), String> {
    let ms = case
        .get("unix_ms")
        .and_then(Value::as_i64)
        .ok_or("field 'unix_ms' missing or not an integer")?;
    let formatted =
        Timestamp::from_unix_millis(ms).map_err(|e| format!("formatting failed: {}", e.kind()))?;
    stage("formatted", formatted.as_str(), text(case, "formatted")?)
}

/// Base64 decoding into a `Vec` without base64ct's `alloc` feature (which
/// would otherwise be unified into the core's build).
trait DecodeVecFree {
    fn decode_vec_free(encoded: &str) -> Result<Vec<u8>, String>;
}

impl DecodeVecFree for Base64 {
    fn decode_vec_free(encoded: &str) -> Result<Vec<u8>, String> {
        let mut buf = vec![0u8; encoded.len() / 4 * 3 + 3];
        let n = Base64::decode(encoded, &mut buf)
            .map_err(|_| "field 'body_base64' is not Base64".to_owned())?
            .len();
        buf.truncate(n);
        Ok(buf)
    }
}
