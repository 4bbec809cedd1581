//! Signing and verifying make no heap allocation: a counting global
//! allocator watches every call of the core's sign and verify paths.

// A global allocator is `unsafe` to implement; the core itself forbids unsafe.
#![allow(unsafe_code)]

use mws_sign::{
    ContentMd5Hasher, Credentials, Marketplace, MwsRequest, ParamIndex, RawParam, ReceivedRequest,
    RequestHead, Section, SignatureMethod, SignedRequest, Signer, SortedParams, Timestamp,
    UnixTime, VerifyOptions, verify_in,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is thread-local, so tests running in parallel do not disturb it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns how many allocations it made on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn counter_sees_allocations() {
    // The test can fail: a Vec allocates and is counted.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 64]))) >= 1);
}

#[test]
fn signing_every_stage_allocates_nothing() {
    let n = allocations(|| {
        let params = [
            ("Action", "ListOrders"),
            ("SellerId", "A1B2C3D4E5F6G7"),
            ("Query", "Größe 42 – Café: 日本語 #7 *!'()"),
            ("SignatureMethod", "HmacSHA256"),
            ("SignatureVersion", "2"),
            ("Timestamp", "2020-06-01T12:34:56.000Z"),
        ];
        let signer = Signer::new(
            b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            SignatureMethod::HmacSha256,
        )
        .expect("keyed");
        let head = RequestHead::new(
            "post",
            "https",
            "MWS.amazonservices.com:443",
            "/Orders/2013-09-01",
        )
        .expect("head");
        let mut index = ParamIndex::new();
        let sorted = SortedParams::sort_indexed(&params, &mut index).expect("sorted");
        let sig = signer.sign(&head, &sorted).expect("signed");
        let mut owned = params;
        let signed = SignedRequest::new(
            b"secret",
            "HmacSHA256",
            "POST",
            "https",
            "mws.amazonservices.com",
            "/",
            &mut owned,
        )
        .expect("signed");
        let mut buf = [0u8; 1024];
        let _ = signed.string_to_sign().write(&mut buf).expect("fits");
        let _ = signed.signed_query().write(&mut buf).expect("fits");
        let _ = sorted.signed_query(&sig).len();
        let _ = signer.sign_string(b"GET\nhost\n/\na=b");
        let _ = Timestamp::from_unix_millis(1_590_000_000_000).expect("in range");
        let mut md5 = ContentMd5Hasher::new();
        md5.update(b"<feed/>");
        let _ = md5.finish();
        let creds = Credentials::new("AKID", b"secret", "SELLER")
            .expect("keyed")
            .auth_token("amzn.mws.x");
        let extra = [("MarketplaceId.Id.1", "ATVPDKIKX0DER")];
        let call = MwsRequest::new(
            Marketplace::Us,
            Section::Orders,
            "ListOrders",
            "2020-06-01T12:34:56Z",
        )
        .params(&extra);
        let _ = creds.write_signed_query(&call, &mut buf).expect("fits");
    });
    assert_eq!(n, 0, "signing allocated {n} times");
}

#[test]
fn verifying_allocates_nothing() {
    // Signed by the Python stdlib (see core/src/verify.rs's doc example).
    let query = "AWSAccessKeyId=AKID&Action=GetServiceStatus&SignatureMethod=HmacSHA256\
                 &SignatureVersion=2&Timestamp=2020-06-01T12%3A00%3A00Z\
                 &Signature=xfm2LuSz4pmYfZGvlU2LV6IJrFyXuSvXkGnANMPaJdI%3D";
    let mut outcomes = [false; 2];
    let n = allocations(|| {
        let request = ReceivedRequest {
            method: "POST",
            scheme: "https",
            host: "mws.amazonservices.com",
            path: "/",
            query,
        };
        let now = UnixTime::parse_iso8601("2020-06-01T12:05:00Z").expect("timestamp");
        let mut space = [RawParam::EMPTY; 16];
        let lookup = |id: &str| (id == "AKID").then_some(b"secret");
        outcomes[0] = verify_in(&request, &VerifyOptions::at(now), lookup, &mut space).is_ok();
        let tampered = ReceivedRequest {
            host: "evil.example",
            ..request
        };
        outcomes[1] = verify_in(&tampered, &VerifyOptions::at(now), lookup, &mut space).is_err();
    });
    assert_eq!(outcomes, [true, true]);
    assert_eq!(n, 0, "verifying allocated {n} times");
}
