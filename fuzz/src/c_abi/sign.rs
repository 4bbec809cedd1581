//! Mode 0: the signing entry points (`mws_canonical_query`,
//! `mws_string_to_sign`, `mws_sign`, `mws_sign_url`, the `mws_signer_*`
//! handle) against the core's `SortedParams`, `RequestHead`,
//! `SignedRequest` and `Signer`.
//!
//! Fields: control, signature method, secret, method, scheme, host, path,
//! then parameter name/value pairs. Control bytes: [1] NULL flags (bit 0
//! signature method, 1 secret, 2 method, 3 scheme, 4 host, 5 path, 6 first
//! name, 7 first value); [2], [3] output shapes; [4] flags (bit 0
//! `with_query`, 1 request NULL, 2 parameter array NULL, 3 `signer_out` NULL).

use super::harness::{Arg, CoreResult, Faults, OutBuf, Params, Shape, check_outputs, kind};
use crate::checks::input::Fields;
use mws_sign::{RequestHead, SignedRequest, Signer, SortedParams};
use mws_sign_c_abi as c;

struct Request<'a> {
    method: Arg<'a>,
    scheme: Arg<'a>,
    host: Arg<'a>,
    path: Arg<'a>,
    params: Params<'a>,
    null: bool,
}

impl<'a> Request<'a> {
    fn c(&self) -> c::mws_request {
        c::mws_request {
            method: self.method.ptr(),
            method_len: self.method.len(),
            scheme: self.scheme.ptr(),
            scheme_len: self.scheme.len(),
            host: self.host.ptr(),
            host_len: self.host.len(),
            path: self.path.ptr(),
            path_len: self.path.len(),
            params: self.params.ptr(),
            params_len: self.params.len(),
        }
    }

    /// The texts the library will see (and the faults in them).
    fn texts(
        &self,
        faults: &mut Faults,
    ) -> (&'a str, &'a str, &'a str, &'a str, Vec<(&'a str, &'a str)>) {
        if self.null {
            faults.null = true;
        }
        (
            self.method.as_text(faults),
            self.scheme.as_text(faults),
            self.host.as_text(faults),
            self.path.as_text(faults),
            self.params.as_pairs(faults),
        )
    }
}

fn ptr_or_null<T>(value: &T, null: bool) -> *const T {
    if null { core::ptr::null() } else { value }
}

fn needed(core: &CoreResult, i: usize) -> Option<usize> {
    core.as_ref().ok().and_then(|t| t.get(i)).map(String::len)
}

/// Runs mode 0 on the fields after the control field.
pub fn run(ctl: &[u8], fields: &mut Fields<'_>) {
    let bit = |byte: usize, n: u8| ctl.get(byte).is_some_and(|b| b & (1 << n) != 0);
    let shapes = (
        Shape::from_byte(ctl.get(2).copied()),
        Shape::from_byte(ctl.get(3).copied()),
    );
    let with_query = bit(4, 0);
    let sm = Arg::new(fields.bytes(), bit(1, 0));
    let secret = Arg::new(fields.bytes(), bit(1, 1));
    let method = Arg::new(fields.bytes(), bit(1, 2));
    let scheme = Arg::new(fields.bytes(), bit(1, 3));
    let host = Arg::new(fields.bytes(), bit(1, 4));
    let path = Arg::new(fields.bytes(), bit(1, 5));
    let mut pairs = Vec::new();
    while !fields.is_empty() {
        pairs.push((fields.bytes(), fields.bytes()));
    }
    let params = Params::new(&pairs, (bit(1, 6), bit(1, 7)), bit(4, 2));
    let request = Request {
        method,
        scheme,
        host,
        path,
        params,
        null: bit(4, 1),
    };
    let c_request = request.c();
    let request_ptr = ptr_or_null(&c_request, request.null);

    // mws_canonical_query
    let mut faults = Faults::default();
    let mut given = request.params.as_pairs(&mut faults);
    let core: CoreResult = SortedParams::sort_in_place(&mut given)
        .map(|s| vec![s.canonical_query().to_string()])
        .map_err(|e| e.kind());
    let mut out = OutBuf::new(shapes.0, needed(&core, 0));
    out.note(&mut faults);
    // SAFETY: every pointer is NULL or valid for its length; the outputs are ours.
    let status = unsafe {
        c::mws_canonical_query(
            request.params.ptr(),
            request.params.len(),
            out.ptr(),
            out.cap(),
            out.len_ptr(),
        )
    };
    check_outputs("mws_canonical_query", status, &[&out], faults, core);

    // mws_string_to_sign
    let mut faults = Faults::default();
    let (m, s, h, p, mut given) = request.texts(&mut faults);
    let core: CoreResult = RequestHead::new(m, s, h, p)
        .and_then(|head| {
            let sorted = SortedParams::sort_in_place(&mut given)?;
            Ok(vec![sorted.string_to_sign(&head).to_string()])
        })
        .map_err(|e| e.kind());
    let mut out = OutBuf::new(shapes.0, needed(&core, 0));
    out.note(&mut faults);
    // SAFETY: as above.
    let status = unsafe { c::mws_string_to_sign(request_ptr, out.ptr(), out.cap(), out.len_ptr()) };
    check_outputs("mws_string_to_sign", status, &[&out], faults, core);

    // mws_sign and mws_sign_url
    let mut faults = Faults::default();
    let secret_bytes = secret.as_bytes(&mut faults);
    let sm_text = sm.as_text(&mut faults);
    let (m, s, h, p, given) = request.texts(&mut faults);
    let signed_texts = |url: bool| -> CoreResult {
        let mut params = given.clone();
        let signed = SignedRequest::new(secret_bytes, sm_text, m, s, h, p, &mut params)
            .map_err(|e| e.kind())?;
        Ok(if url {
            let url = if with_query {
                signed.url_with_query().to_string()
            } else {
                signed.url().to_string()
            };
            vec![url]
        } else {
            vec![
                signed.signature().as_str().to_owned(),
                signed.signed_query().to_string(),
            ]
        })
    };
    let core = signed_texts(false);
    let mut sig = OutBuf::new(shapes.0, needed(&core, 0));
    let mut query = OutBuf::new(shapes.1, needed(&core, 1));
    let mut sign_faults = faults;
    sig.note(&mut sign_faults);
    query.note(&mut sign_faults);
    // SAFETY: as above.
    let status = unsafe {
        c::mws_sign(
            secret.ptr(),
            secret.len(),
            sm.ptr(),
            sm.len(),
            request_ptr,
            sig.ptr(),
            sig.cap(),
            sig.len_ptr(),
            query.ptr(),
            query.cap(),
            query.len_ptr(),
        )
    };
    check_outputs("mws_sign", status, &[&sig, &query], sign_faults, core);

    let core = signed_texts(true);
    let mut url = OutBuf::new(shapes.1, needed(&core, 0));
    let mut url_faults = faults;
    url.note(&mut url_faults);
    // SAFETY: as above.
    let status = unsafe {
        c::mws_sign_url(
            secret.ptr(),
            secret.len(),
            sm.ptr(),
            sm.len(),
            request_ptr,
            with_query,
            url.ptr(),
            url.cap(),
            url.len_ptr(),
        )
    };
    check_outputs("mws_sign_url", status, &[&url], url_faults, core);

    signer(ctl, &secret, &sm, &request, request_ptr, shapes);
}

/// The pre-keyed signer handle: new, its method, sign, sign_url, sign_string, free.
fn signer(
    ctl: &[u8],
    secret: &Arg<'_>,
    sm: &Arg<'_>,
    request: &Request<'_>,
    request_ptr: *const c::mws_request,
    shapes: (Shape, Shape),
) {
    let null_out = ctl.get(4).is_some_and(|b| b & 8 != 0);
    let with_query = ctl.get(4).is_some_and(|b| b & 1 != 0);
    let mut faults = Faults::default();
    let core = Signer::from_name(secret.as_bytes(&mut faults), sm.as_text(&mut faults));
    if null_out {
        faults.null = true;
    }
    let sentinel = usize::from_ne_bytes([0xA5; 8]) as *mut c::mws_signer;
    let mut handle = sentinel;
    let out_ptr: *mut *mut c::mws_signer = if null_out {
        core::ptr::null_mut()
    } else {
        &mut handle
    };
    // SAFETY: as above.
    let status =
        unsafe { c::mws_signer_new(secret.ptr(), secret.len(), sm.ptr(), sm.len(), out_ptr) };
    let kind = kind(status);
    match (&core, faults.any()) {
        _ if kind != "Ok" => {
            assert_eq!(
                handle, sentinel,
                "mws_signer_new: {kind} but the handle was written"
            );
            if faults.any() {
                assert!(faults.allows(kind), "mws_signer_new: {kind} for {faults:?}");
            } else {
                assert_eq!(
                    Err(kind),
                    core.as_ref().map(|_| ()).map_err(|e| e.kind()),
                    "mws_signer_new"
                );
            }
            return;
        }
        (Ok(_), false) => assert!(
            !handle.is_null() && handle != sentinel,
            "mws_signer_new: no handle"
        ),
        _ => panic!(
            "mws_signer_new: Ok, but core {:?} / faults {faults:?}",
            core.as_ref().err()
        ),
    }
    let Ok(signer) = core else { return };

    // SAFETY: a live handle.
    let name = unsafe { c::mws_signer_signature_method(handle) };
    // SAFETY: static text of `len` bytes.
    let name = unsafe { core::slice::from_raw_parts(name.data.cast::<u8>(), name.len) };
    assert_eq!(
        name,
        signer.method().name().as_bytes(),
        "mws_signer_signature_method"
    );

    let mut faults = Faults::default();
    let (m, s, h, p, given) = request.texts(&mut faults);
    let signed_texts = |url: bool| -> CoreResult {
        let mut params = given.clone();
        let signed =
            SignedRequest::with_signer(&signer, m, s, h, p, &mut params).map_err(|e| e.kind())?;
        Ok(if url {
            let url = if with_query {
                signed.url_with_query().to_string()
            } else {
                signed.url().to_string()
            };
            vec![url]
        } else {
            vec![
                signed.signature().as_str().to_owned(),
                signed.signed_query().to_string(),
            ]
        })
    };
    let core = signed_texts(false);
    let mut sig = OutBuf::new(shapes.0, needed(&core, 0));
    let mut query = OutBuf::new(shapes.1, needed(&core, 1));
    let mut sign_faults = faults;
    sig.note(&mut sign_faults);
    query.note(&mut sign_faults);
    // SAFETY: as above.
    let status = unsafe {
        c::mws_signer_sign(
            handle,
            request_ptr,
            sig.ptr(),
            sig.cap(),
            sig.len_ptr(),
            query.ptr(),
            query.cap(),
            query.len_ptr(),
        )
    };
    check_outputs(
        "mws_signer_sign",
        status,
        &[&sig, &query],
        sign_faults,
        core,
    );

    let core = signed_texts(true);
    let mut url = OutBuf::new(shapes.0, needed(&core, 0));
    let mut url_faults = faults;
    url.note(&mut url_faults);
    // SAFETY: as above.
    let status = unsafe {
        c::mws_signer_sign_url(
            handle,
            request_ptr,
            with_query,
            url.ptr(),
            url.cap(),
            url.len_ptr(),
        )
    };
    check_outputs("mws_signer_sign_url", status, &[&url], url_faults, core);

    // The MAC stage alone, over the path's bytes (any bytes: not checked for UTF-8).
    let mut faults = Faults::default();
    let message = request.path.as_bytes(&mut faults);
    let core: CoreResult = Ok(vec![signer.sign_string(message).as_str().to_owned()]);
    let mut out = OutBuf::new(shapes.1, needed(&core, 0));
    out.note(&mut faults);
    // SAFETY: as above.
    let status = unsafe {
        c::mws_signer_sign_string(
            handle,
            request.path.ptr(),
            request.path.len(),
            out.ptr(),
            out.cap(),
            out.len_ptr(),
        )
    };
    check_outputs("mws_signer_sign_string", status, &[&out], faults, core);

    // SAFETY: a live handle, freed once; NULL is allowed.
    unsafe {
        c::mws_signer_free(handle);
        c::mws_signer_free(core::ptr::null_mut());
        let empty = c::mws_signer_signature_method(core::ptr::null());
        assert_eq!(empty.len, 0, "mws_signer_signature_method(NULL)");
    }
}
