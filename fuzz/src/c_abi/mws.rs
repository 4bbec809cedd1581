//! Mode 5: the MWS builder (`mws_credentials_new`, `mws_credentials_sign`,
//! `mws_credentials_free`) against the core's `Credentials::sign_request`.
//!
//! Fields: control, access key ID, secret, seller ID, auth token, scheme,
//! host, section name, action, timestamp, Content-MD5, then parameter
//! pairs. Control bytes: [1] NULL flags (bit 0 access key ID, 1 secret,
//! 2 seller ID, 3 auth token, 4 scheme, 5 host, 6 action, 7 timestamp);
//! [2], [3] output shapes; [4] flags (bit 0 section NULL, 1 parameter array
//! NULL, 2 `credentials_out` NULL, 3 call NULL, 4 credentials NULL).

use super::harness::{Arg, CoreResult, Faults, OutBuf, Params, Shape, check_outputs, kind};
use crate::checks::input::Fields;
use mws_sign::{Credentials, MwsRequest, Scheme, Section, SortedParams};
use mws_sign_c_abi as c;

/// Runs mode 5 on the fields after the control field.
pub fn run(ctl: &[u8], fields: &mut Fields<'_>) {
    let bit = |byte: usize, n: u8| ctl.get(byte).is_some_and(|b| b & (1 << n) != 0);
    let shapes = (
        Shape::from_byte(ctl.get(2).copied()),
        Shape::from_byte(ctl.get(3).copied()),
    );
    let access_key_id = Arg::new(fields.bytes(), bit(1, 0));
    let secret = Arg::new(fields.bytes(), bit(1, 1));
    let seller_id = Arg::new(fields.bytes(), bit(1, 2));
    let auth_token = Arg::new(fields.bytes(), bit(1, 3));
    let scheme = Arg::new(fields.bytes(), bit(1, 4));
    let host = Arg::new(fields.bytes(), bit(1, 5));
    let section_name = fields.bytes();
    let action = Arg::new(fields.bytes(), bit(1, 6));
    let timestamp = Arg::new(fields.bytes(), bit(1, 7));
    let content_md5 = Arg::new(fields.bytes(), false);
    let mut pairs = Vec::new();
    while !fields.is_empty() {
        pairs.push((fields.bytes(), fields.bytes()));
    }
    let params = Params::new(&pairs, (false, false), bit(4, 1));

    // Any section: the one named, else one picked by the name's first byte.
    // SAFETY: the name is valid for its length.
    let mut section =
        unsafe { c::mws_section_from_name(section_name.as_ptr().cast(), section_name.len()) };
    if section.is_null() {
        let count = c::mws_section_count();
        section =
            c::mws_section_get(usize::from(section_name.first().copied().unwrap_or(0)) % count);
    }
    // SAFETY: an entry of the library.
    let name = unsafe { c::mws_section_name(section) };
    // SAFETY: a static text of `len` bytes.
    let name = unsafe { core::slice::from_raw_parts(name.data.cast::<u8>(), name.len) };
    let core_section = Section::from_name(core::str::from_utf8(name).unwrap_or(""));
    let core_section = core_section.unwrap_or_else(|| panic!("a section the core does not know"));

    let mut faults = Faults::default();
    let (ak, seller, token) = (
        access_key_id.as_text(&mut faults),
        seller_id.as_text(&mut faults),
        auth_token.as_text(&mut faults),
    );
    let secret_bytes = secret.as_bytes(&mut faults);
    let core_creds = Credentials::new(ak, secret_bytes, seller).map(|c| c.auth_token(token));
    faults.null |= bit(4, 2);
    let sentinel = usize::from_ne_bytes([0xA5; 8]) as *mut c::mws_credentials;
    let mut handle = sentinel;
    let out_ptr: *mut *mut c::mws_credentials = if bit(4, 2) {
        core::ptr::null_mut()
    } else {
        &mut handle
    };
    // SAFETY: every argument is NULL or valid for its length; the out-pointer is ours or NULL.
    let status = unsafe {
        c::mws_credentials_new(
            access_key_id.ptr(),
            access_key_id.len(),
            secret.ptr(),
            secret.len(),
            seller_id.ptr(),
            seller_id.len(),
            auth_token.ptr(),
            auth_token.len(),
            out_ptr,
        )
    };
    let status_kind = kind(status);
    if status_kind != "Ok" {
        assert_eq!(
            handle, sentinel,
            "mws_credentials_new: {status_kind} but the handle was written"
        );
        if faults.any() {
            assert!(
                faults.allows(status_kind),
                "mws_credentials_new: {status_kind} for {faults:?}"
            );
        } else {
            assert_eq!(
                Err(status_kind),
                core_creds.map(|_| ()).map_err(|e| e.kind()),
                "mws_credentials_new"
            );
        }
        return;
    }
    assert!(
        !faults.any() && !handle.is_null(),
        "mws_credentials_new: Ok with {faults:?}"
    );
    let Ok(creds) = core_creds else {
        panic!("mws_credentials_new: Ok, the core refused");
    };

    let mut faults = Faults::default();
    let texts = [&scheme, &host, &action, &timestamp, &content_md5].map(|a| a.as_text(&mut faults));
    let mut given = params.as_pairs(&mut faults);
    faults.null |= bit(4, 0) || bit(4, 3) || bit(4, 4);
    let core: CoreResult = (|| {
        let request = MwsRequest {
            scheme: Scheme::parse(texts[0]).map_err(|e| e.kind())?,
            host: texts[1],
            section: core_section,
            action: texts[2],
            params: &[],
            timestamp: texts[3],
            content_md5: (!texts[4].is_empty()).then_some(texts[4]),
        };
        let extra = SortedParams::sort_in_place(&mut given).map_err(|e| e.kind())?;
        let signed = creds.sign_request(&request, extra).map_err(|e| e.kind())?;
        Ok(vec![
            request.url(&signed).to_string(),
            signed.signed_query().to_string(),
        ])
    })();
    let call = c::mws_call {
        scheme: scheme.ptr(),
        scheme_len: scheme.len(),
        host: host.ptr(),
        host_len: host.len(),
        section: if bit(4, 0) {
            core::ptr::null()
        } else {
            section
        },
        action: action.ptr(),
        action_len: action.len(),
        params: params.ptr(),
        params_len: params.len(),
        timestamp: timestamp.ptr(),
        timestamp_len: timestamp.len(),
        content_md5: content_md5.ptr(),
        content_md5_len: content_md5.len(),
    };
    let needed = |i: usize| core.as_ref().ok().map(|t: &Vec<String>| t[i].len());
    let mut url = OutBuf::new(shapes.0, needed(0));
    let mut query = OutBuf::new(shapes.1, needed(1));
    url.note(&mut faults);
    query.note(&mut faults);
    let call_ptr: *const c::mws_call = if bit(4, 3) { core::ptr::null() } else { &call };
    let creds_ptr = if bit(4, 4) {
        core::ptr::null()
    } else {
        handle.cast_const()
    };
    // SAFETY: as above; the handle is live.
    let status = unsafe {
        c::mws_credentials_sign(
            creds_ptr,
            call_ptr,
            url.ptr(),
            url.cap(),
            url.len_ptr(),
            query.ptr(),
            query.cap(),
            query.len_ptr(),
        )
    };
    check_outputs(
        "mws_credentials_sign",
        status,
        &[&url, &query],
        faults,
        core,
    );
    // SAFETY: freed once; NULL is allowed.
    unsafe {
        c::mws_credentials_free(handle);
        c::mws_credentials_free(core::ptr::null_mut());
    }
}
