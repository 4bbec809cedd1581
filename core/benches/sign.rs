//! `cargo bench -p mws-sign --bench sign`: the core against the raw HMAC
//! floor on the shared benchmark requests (`../shared/bench/workloads.json`).
//!
//! The floor is `hmac` + `sha2` over the ready-made string to sign, keyed on
//! every call: what any signer must at least do. Implementations are
//! interleaved batch by batch so machine noise hits them alike; each figure
//! is the median over batches. The last lines, `ratio <workload> <x>`, are
//! one-call sign time / floor time.

// A harness, like a test: a broken set-up should stop it loudly.
#![allow(clippy::expect_used, clippy::panic)]

use hmac::{Hmac, KeyInit, Mac};
use mws_sign::{
    Param, RawParam, ReceivedRequest, RequestHead, SignatureMethod, SignedRequest, Signer,
    SortedParams, UnixTime, VerifyOptions, verify_in,
};
use sha2::Sha256;
use std::hint::black_box;
use std::time::{Duration, Instant};

struct Workload {
    name: String,
    secret: String,
    method: String,
    host: String,
    path: String,
    params: Vec<(String, String)>,
    string_to_sign: String,
    signature: String,
    signed_query: String,
}

fn load() -> Vec<Workload> {
    let path = std::env::var("MWS_BENCH_WORKLOADS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/bench/workloads.json"
        )
        .to_owned()
    });
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (set MWS_BENCH_WORKLOADS)"));
    let doc: serde_json::Value = serde_json::from_str(&text).expect("workloads.json is JSON");
    let s = |v: &serde_json::Value| v.as_str().expect("string").to_owned();
    doc["sign"]
        .as_array()
        .expect("a sign list")
        .iter()
        .map(|c| Workload {
            name: s(&c["name"]),
            secret: s(&c["secret"]),
            method: s(&c["method"]),
            host: s(&c["host"]),
            path: s(&c["path"]),
            params: c["params"]
                .as_array()
                .expect("params")
                .iter()
                .map(|p| (s(&p[0]), s(&p[1])))
                .collect(),
            string_to_sign: s(&c["string_to_sign"]),
            signature: s(&c["signature"]),
            signed_query: s(&c["signed_query"]),
        })
        .collect()
}

/// A named implementation under measurement.
type Run<'a> = (&'a str, Box<dyn FnMut() + 'a>);

/// Median nanoseconds per call of each closure, measured in interleaved batches.
fn measure(mut runs: Vec<Run<'_>>) -> Vec<(String, f64)> {
    // Size a batch so it takes about 5 ms with the slowest closure (sized
    // by the fastest, a batch of `bulk`'s verification took over a second).
    let mut batch = u32::MAX;
    for (_, f) in &mut runs {
        let start = Instant::now();
        for _ in 0..1000 {
            f();
        }
        let per = start.elapsed() / 1000;
        let fits = Duration::from_millis(5).as_nanos() / per.as_nanos().max(1);
        batch = batch.min(u32::try_from(fits).unwrap_or(u32::MAX).max(1));
    }
    let rounds = 60;
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); runs.len()];
    for _ in 0..rounds {
        for (i, (_, f)) in runs.iter_mut().enumerate() {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            samples[i].push(start.elapsed().as_nanos() as f64 / f64::from(batch));
        }
    }
    runs.iter()
        .zip(samples)
        .map(|((name, _), mut s)| {
            s.sort_by(f64::total_cmp);
            ((*name).to_owned(), s[s.len() / 2])
        })
        .collect()
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument selects workloads.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let mut ratios = Vec::new();
    for w in load() {
        if !filter.is_empty() && !filter.iter().any(|f| w.name.contains(f.as_str())) {
            continue;
        }
        let params: Vec<Param<'_>> = w
            .params
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let head = RequestHead::new(&w.method, "https", &w.host, &w.path).expect("valid head");
        let signer = Signer::new(w.secret.as_bytes(), SignatureMethod::HmacSha256).expect("keyed");

        // Correctness first: a fast wrong answer is worth nothing.
        let sig = mws_sign::sign(
            w.secret.as_bytes(),
            SignatureMethod::HmacSha256,
            &head,
            &params,
        )
        .expect("signs");
        assert_eq!(sig.as_str(), w.signature, "{}: wrong signature", w.name);
        let mut scratch = params.clone();
        let signed = SignedRequest::new(
            w.secret.as_bytes(),
            "HmacSHA256",
            &w.method,
            "https",
            &w.host,
            &w.path,
            &mut scratch,
        )
        .expect("signs");
        let body = signed.signed_query().to_string();
        assert_eq!(body, w.signed_query, "{}: wrong signed query", w.name);
        let mut out3 = vec![0u8; body.len()];
        let mut keys3 = vec![0u64; params.len()];
        if let Ok(sorted) = SortedParams::sort_with_keys(&params, &mut keys3) {
            let (sig, query) = signer
                .sign_to_query(&head, &sorted, &mut out3)
                .expect("signs");
            assert_eq!(
                (sig.as_str(), query),
                (w.signature.as_str(), w.signed_query.as_str())
            );
        }
        let timestamp = w
            .params
            .iter()
            .find(|p| p.0 == "Timestamp")
            .map(|p| p.1.as_str())
            .unwrap_or("");
        let now = UnixTime::parse_iso8601(timestamp).expect("workload timestamp");
        let received = ReceivedRequest {
            method: &w.method,
            scheme: "https",
            host: &w.host,
            path: &w.path,
            query: &body,
        };
        let mut space = vec![RawParam::EMPTY; body.split('&').count()];
        let lookup = |_: &str| Some(w.secret.as_bytes());
        verify_in(&received, &VerifyOptions::at(now), lookup, &mut space).expect("verifies");

        let mut out = vec![0u8; body.len()];
        let mut out2 = vec![0u8; body.len()];
        // Sort keys sized to the request, as a caller that knows it would.
        let mut keys = vec![0u64; params.len()];
        let mut keys2 = vec![0u64; params.len()];
        let mut keys4 = vec![0u64; params.len()];
        // The text stages of an already signed request, for the two ways to
        // get them out: into a buffer, or through `Display`.
        let mut presorted = params.clone();
        let presorted = SortedParams::sort_in_place(&mut presorted).expect("sorts");
        let mut out4 = vec![0u8; body.len()];
        let mut text = String::with_capacity(body.len());
        let keyed = Hmac::<Sha256>::new_from_slice(w.secret.as_bytes()).expect("any key");
        let results = measure(vec![
            (
                "floor: hmac-sha256 of the ready string to sign, keyed per call",
                Box::new(|| {
                    let mut mac = Hmac::<Sha256>::new_from_slice(black_box(w.secret.as_bytes()))
                        .expect("any key");
                    mac.update(black_box(w.string_to_sign.as_bytes()));
                    black_box(mac.finalize().into_bytes());
                }),
            ),
            (
                "mws_sign::sign (one call: key, sort, encode, MAC)",
                Box::new(|| {
                    let s = mws_sign::sign(
                        black_box(w.secret.as_bytes()),
                        SignatureMethod::HmacSha256,
                        &head,
                        black_box(&params),
                    );
                    black_box(s.ok());
                }),
            ),
            (
                "Signer::sign_params (pre-keyed)",
                Box::new(|| {
                    black_box(signer.sign_params(&head, black_box(&params)).ok());
                }),
            ),
            (
                "pre-keyed sign + signed query into a buffer",
                Box::new(|| {
                    if let Ok(sorted) = SortedParams::sort_with_keys(black_box(&params), &mut keys)
                        && let Ok(sig) = signer.sign(&head, &sorted)
                    {
                        black_box(sorted.signed_query(&sig).write(&mut out).ok());
                    }
                }),
            ),
            (
                "pre-keyed Signer::sign_to_query (signed query written once)",
                Box::new(|| {
                    if let Ok(sorted) = SortedParams::sort_with_keys(black_box(&params), &mut keys3)
                    {
                        black_box(signer.sign_to_query(&head, &sorted, &mut out3).ok());
                    }
                }),
            ),
            (
                "stage: sort alone (SortedParams::sort_with_keys)",
                Box::new(|| {
                    black_box(SortedParams::sort_with_keys(black_box(&params), &mut keys4).is_ok());
                }),
            ),
            (
                "stage: canonical query into a buffer (sort + encode, no MAC)",
                Box::new(|| {
                    if let Ok(sorted) = SortedParams::sort_with_keys(black_box(&params), &mut keys2)
                    {
                        black_box(sorted.canonical_query().write(&mut out2).ok());
                    }
                }),
            ),
            (
                "stage: signed query of a signed request into a buffer (write)",
                Box::new(|| {
                    black_box(
                        presorted
                            .signed_query(black_box(&sig))
                            .write(&mut out4)
                            .ok(),
                    );
                }),
            ),
            (
                "stage: signed query of a signed request into a String (Display)",
                Box::new(|| {
                    use std::fmt::Write as _;
                    text.clear();
                    black_box(write!(text, "{}", presorted.signed_query(black_box(&sig))).ok());
                }),
            ),
            (
                "stage: pre-keyed MAC of the ready string to sign (Signer::sign_string)",
                Box::new(|| {
                    black_box(signer.sign_string(black_box(w.string_to_sign.as_bytes())));
                }),
            ),
            (
                "stage: keying alone (Signer::new)",
                Box::new(|| {
                    black_box(
                        Signer::new(black_box(w.secret.as_bytes()), SignatureMethod::HmacSha256)
                            .is_ok(),
                    );
                }),
            ),
            (
                "stage: hmac crate keyed once, cloned per call, over the ready string",
                Box::new(|| {
                    let mut mac = keyed.clone();
                    mac.update(black_box(w.string_to_sign.as_bytes()));
                    black_box(mac.finalize().into_bytes());
                }),
            ),
            (
                "verify_in (parse, checks, MAC, compare)",
                Box::new(|| {
                    black_box(
                        verify_in(&received, &VerifyOptions::at(now), lookup, &mut space).ok(),
                    );
                }),
            ),
        ]);

        println!(
            "\n{} ({} parameters, string to sign {} bytes)",
            w.name,
            params.len(),
            w.string_to_sign.len()
        );
        let floor = results[0].1;
        for (name, ns) in &results {
            println!("  {:>10.0} ns  {:>5.2}x floor  {name}", ns, ns / floor);
        }
        ratios.push((w.name.clone(), results[1].1 / floor));
    }
    println!();
    for (name, ratio) in ratios {
        println!("ratio {name} {ratio:.2}");
    }
}
