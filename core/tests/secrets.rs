//! Secret hygiene in the core: no secret in `Debug` or error text, and the
//! keyed HMAC state is of a type that wipes itself on drop.

use mws_sign::{Credentials, Error, RequestHead, SignatureMethod, Signer};

const CANARY: &str = "CANARY-s3cr3t-9f8e7d";

#[test]
fn debug_output_never_shows_the_secret() {
    for method in [SignatureMethod::HmacSha256, SignatureMethod::HmacSha1] {
        let signer = Signer::new(CANARY.as_bytes(), method).expect("keyed");
        let text = format!("{signer:?} {signer:#?}");
        assert!(
            !text.contains(CANARY) && text.contains("redacted"),
            "{text}"
        );
        let creds = Credentials::with_signer("AKID", signer, "SELLER").auth_token("amzn.mws.token");
        let text = format!("{creds:?}");
        assert!(
            !text.contains(CANARY) && !text.contains("amzn.mws.token"),
            "{text}"
        );
    }
}

#[test]
fn errors_of_failing_calls_never_show_the_secret() {
    let head = RequestHead::new("GET", "https", "example.com", "/").expect("head");
    let failing: [Result<mws_sign::Signature, Error>; 3] = [
        mws_sign::sign(
            CANARY.as_bytes(),
            SignatureMethod::HmacSha256,
            &head,
            &[("SignatureVersion", "1")],
        ),
        mws_sign::sign(
            CANARY.as_bytes(),
            SignatureMethod::HmacSha1,
            &head,
            &[("SignatureMethod", "HmacSHA256")],
        ),
        mws_sign::sign(
            CANARY.as_bytes(),
            SignatureMethod::HmacSha256,
            &head,
            &[("", CANARY)],
        ),
    ];
    for result in failing {
        let e = result.expect_err("must fail");
        let text = format!("{e} {e:?} {}", e.message());
        assert!(!text.contains(CANARY), "{text}");
    }
}

#[test]
fn keyed_state_is_wiped_on_drop() {
    // A signer holds `hmac::Hmac<D>`, whose keyed state is two `D::Core`
    // values (the inner and outer hashes after absorbing the padded key).
    // With the `zeroize` feature those cores wipe themselves on drop; if a
    // dependency update lost that, this stops compiling.
    fn wipes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    wipes_on_drop::<<sha2::Sha256 as hmac::EagerHash>::Core>();
    wipes_on_drop::<<sha1::Sha1 as hmac::EagerHash>::Core>();
}
