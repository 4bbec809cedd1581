//! Modes 2–4: timestamps, Content-MD5 and the small entry points (tables,
//! status names, User-Agent), each against the core.

use super::harness::{Arg, CoreResult, Faults, OutBuf, Params, Shape, check_outputs, kind};
use crate::checks::input::{Fields, number};
use core::ffi::{CStr, c_int};
use mws_sign::{
    ContentMd5, ContentMd5Hasher, Marketplace, Section, Timestamp, UnixTime, UserAgent,
};
use mws_sign_c_abi as c;

fn bit(ctl: &[u8], n: u8) -> bool {
    ctl.get(1).is_some_and(|b| b & (1 << n) != 0)
}

/// Mode 2. Fields: control, text to parse, milliseconds to format. Control:
/// [1] bit 0 text NULL, 1 `secs_out` NULL, 2 `nanos_out` NULL; [2] output shape.
pub fn time(ctl: &[u8], fields: &mut Fields<'_>) {
    let text = Arg::new(fields.bytes(), bit(ctl, 0));
    let millis = number(fields.bytes()) as i64;

    let mut faults = Faults::default();
    let parsed = UnixTime::parse_iso8601(text.as_text(&mut faults));
    faults.null |= bit(ctl, 1) || bit(ctl, 2);
    let (mut secs, mut nanos) = (i64::MIN + 7, u32::MAX - 7);
    let secs_ptr: *mut i64 = if bit(ctl, 1) {
        core::ptr::null_mut()
    } else {
        &mut secs
    };
    let nanos_ptr: *mut u32 = if bit(ctl, 2) {
        core::ptr::null_mut()
    } else {
        &mut nanos
    };
    // SAFETY: the text is NULL or valid for its length; the outputs are ours or NULL.
    let status = unsafe { c::mws_timestamp_parse(text.ptr(), text.len(), secs_ptr, nanos_ptr) };
    let kind = kind(status);
    if faults.any() {
        assert!(
            faults.allows(kind),
            "mws_timestamp_parse: {kind} for {faults:?}"
        );
    } else {
        let expected = parsed
            .map(|t| (t.secs(), t.subsec_nanos()))
            .map_err(|e| e.kind());
        let got = if kind == "Ok" {
            Ok((secs, nanos))
        } else {
            Err(kind)
        };
        assert_eq!(got, expected, "mws_timestamp_parse");
    }
    if kind != "Ok" {
        assert_eq!(
            (secs, nanos),
            (i64::MIN + 7, u32::MAX - 7),
            "mws_timestamp_parse: {kind} but wrote"
        );
    }

    let core: CoreResult = Timestamp::from_unix_millis(millis)
        .map(|t| vec![t.as_str().to_owned()])
        .map_err(|e| e.kind());
    let mut out = OutBuf::new(
        Shape::from_byte(ctl.get(2).copied()),
        Some(mws_sign::TIMESTAMP_LEN),
    );
    let mut faults = Faults::default();
    out.note(&mut faults);
    // SAFETY: our output.
    let status = unsafe { c::mws_timestamp_format(millis, out.ptr(), out.cap(), out.len_ptr()) };
    check_outputs("mws_timestamp_format", status, &[&out], faults, core);
}

/// Mode 3. Fields: control, body, then chunk lengths (one byte each) for
/// the incremental hasher. Control: [1] bit 0 body NULL, bit 1 a chunk
/// NULL; [2] output shape.
pub fn md5(ctl: &[u8], fields: &mut Fields<'_>) {
    let body = Arg::new(fields.bytes(), bit(ctl, 0));
    let shape = Shape::from_byte(ctl.get(2).copied());
    let mut faults = Faults::default();
    let core: CoreResult = Ok(vec![
        ContentMd5::of(body.as_bytes(&mut faults))
            .as_str()
            .to_owned(),
    ]);
    let mut out = OutBuf::new(shape, Some(mws_sign::CONTENT_MD5_LEN));
    out.note(&mut faults);
    // SAFETY: the body is NULL or valid for its length; our output.
    let status = unsafe {
        c::mws_content_md5(
            body.ptr().cast(),
            body.len(),
            out.ptr(),
            out.cap(),
            out.len_ptr(),
        )
    };
    check_outputs("mws_content_md5", status, &[&out], faults, core);

    let mut hasher = core::ptr::null_mut();
    // SAFETY: our out-pointer.
    let status = unsafe { c::mws_content_md5_hasher_new(&mut hasher) };
    assert!(
        kind(status) == "Ok" && !hasher.is_null(),
        "mws_content_md5_hasher_new"
    );
    let mut reference = ContentMd5Hasher::new();
    let mut rest = body.bytes;
    for (i, len) in fields.bytes().iter().enumerate() {
        let (chunk, tail) = rest.split_at(usize::from(*len).min(rest.len()));
        rest = tail;
        let chunk = Arg::new(chunk, bit(ctl, 1) && i == 0);
        let mut faults = Faults::default();
        let bytes = chunk.as_bytes(&mut faults);
        // SAFETY: a live hasher; the chunk is NULL or valid for its length.
        let status =
            unsafe { c::mws_content_md5_hasher_update(hasher, chunk.ptr().cast(), chunk.len()) };
        if faults.any() {
            assert!(
                faults.allows(kind(status)),
                "mws_content_md5_hasher_update: {}",
                kind(status)
            );
        } else {
            assert_eq!(kind(status), "Ok", "mws_content_md5_hasher_update");
            reference.update(bytes);
        }
    }
    let core: CoreResult = Ok(vec![reference.finish().as_str().to_owned()]);
    let mut out = OutBuf::new(shape, Some(mws_sign::CONTENT_MD5_LEN));
    let mut faults = Faults::default();
    out.note(&mut faults);
    // SAFETY: a live hasher; our output.
    let status =
        unsafe { c::mws_content_md5_hasher_finish(hasher, out.ptr(), out.cap(), out.len_ptr()) };
    check_outputs(
        "mws_content_md5_hasher_finish",
        status,
        &[&out],
        faults,
        core,
    );
    // SAFETY: freed once; NULL is allowed; a NULL hasher is refused.
    unsafe {
        c::mws_content_md5_hasher_free(hasher);
        c::mws_content_md5_hasher_free(core::ptr::null_mut());
        let status = c::mws_content_md5_hasher_update(core::ptr::null_mut(), core::ptr::null(), 0);
        assert_eq!(kind(status), "NullArgument", "update(NULL)");
    }
}

fn static_text(s: c::mws_str) -> &'static str {
    assert!(!s.data.is_null(), "an mws_str with a NULL pointer");
    // SAFETY: the library hands out static texts of `len` bytes.
    let bytes = unsafe { core::slice::from_raw_parts(s.data.cast::<u8>(), s.len) };
    core::str::from_utf8(bytes).unwrap_or_else(|_| panic!("an mws_str that is not UTF-8"))
}

/// Mode 4. Fields: control, marketplace code, marketplace id, section name,
/// index (number), status (number), app name, app version, then attribute
/// pairs. Control: [1] NULL flags (bit 0 code, 1 id, 2 name, 3 app name,
/// 4 app version, 5 attributes); [2] output shape.
pub fn small(ctl: &[u8], fields: &mut Fields<'_>) {
    let code = Arg::new(fields.bytes(), bit(ctl, 0));
    let id = Arg::new(fields.bytes(), bit(ctl, 1));
    let name = Arg::new(fields.bytes(), bit(ctl, 2));
    let index = number(fields.bytes()) as usize;
    let status_number = number(fields.bytes()) as c_int;

    fn lookup<'a>(arg: &Arg<'a>) -> Option<&'a str> {
        let mut faults = Faults::default();
        let text = arg.as_text(&mut faults);
        (!faults.any()).then_some(text)
    }
    // SAFETY (all three): each argument is NULL or valid for its length.
    let m = unsafe { c::mws_marketplace_from_code(code.ptr(), code.len()) };
    let expected = lookup(&code).and_then(Marketplace::from_code);
    assert_eq!(m.is_null(), expected.is_none(), "mws_marketplace_from_code");
    // SAFETY: an entry of the library or NULL.
    let got = unsafe { static_text(c::mws_marketplace_id(m)) };
    assert_eq!(
        got,
        expected.map_or("", Marketplace::id),
        "mws_marketplace_id"
    );

    // SAFETY: as above.
    let m = unsafe { c::mws_marketplace_from_id(id.ptr(), id.len()) };
    let expected = lookup(&id).and_then(Marketplace::from_id);
    assert_eq!(m.is_null(), expected.is_none(), "mws_marketplace_from_id");
    // SAFETY: as above.
    let got = unsafe { static_text(c::mws_marketplace_host(m)) };
    assert_eq!(
        got,
        expected.map_or("", Marketplace::host),
        "mws_marketplace_host"
    );

    // SAFETY: as above.
    let s = unsafe { c::mws_section_from_name(name.ptr(), name.len()) };
    let expected = lookup(&name).and_then(Section::from_name);
    assert_eq!(s.is_null(), expected.is_none(), "mws_section_from_name");
    // SAFETY: as above.
    let got = unsafe { static_text(c::mws_section_path(s)) };
    assert_eq!(got, expected.map_or("", Section::path), "mws_section_path");

    let m = c::mws_marketplace_get(index);
    assert_eq!(
        m.is_null(),
        index >= c::mws_marketplace_count(),
        "mws_marketplace_get({index})"
    );
    let s = c::mws_section_get(index);
    assert_eq!(
        s.is_null(),
        index >= c::mws_section_count(),
        "mws_section_get({index})"
    );
    // SAFETY: entries of the library or NULL.
    unsafe {
        static_text(c::mws_marketplace_code(m));
        static_text(c::mws_marketplace_region(m));
        static_text(c::mws_section_name(s));
        static_text(c::mws_section_version(s));
        static_text(c::mws_section_seller_parameter(s));
    }

    for f in [c::mws_status_str, c::mws_status_kind] {
        let text = f(status_number);
        assert!(!text.is_null(), "a NULL status text");
        // SAFETY: static NUL-terminated texts.
        assert!(
            unsafe { CStr::from_ptr(text) }.to_str().is_ok(),
            "a status text that is not UTF-8"
        );
    }

    let app_name = Arg::new(fields.bytes(), bit(ctl, 3));
    let app_version = Arg::new(fields.bytes(), bit(ctl, 4));
    let mut pairs = Vec::new();
    while !fields.is_empty() {
        pairs.push((fields.bytes(), fields.bytes()));
    }
    let attributes = Params::new(&pairs, (false, false), bit(ctl, 5));
    let mut faults = Faults::default();
    let (app_name_text, app_version_text) = (
        app_name.as_text(&mut faults),
        app_version.as_text(&mut faults),
    );
    let attrs = attributes.as_pairs(&mut faults);
    let agent = UserAgent {
        app_name: app_name_text,
        app_version: app_version_text,
        attributes: &attrs,
    };
    let core: CoreResult = Ok(vec![agent.to_string()]);
    let mut out = OutBuf::new(
        Shape::from_byte(ctl.get(2).copied()),
        core.as_ref().ok().map(|t| t[0].len()),
    );
    out.note(&mut faults);
    // SAFETY: every argument is NULL or valid for its length; our output.
    let status = unsafe {
        c::mws_user_agent(
            app_name.ptr(),
            app_name.len(),
            app_version.ptr(),
            app_version.len(),
            attributes.ptr(),
            attributes.len(),
            out.ptr(),
            out.cap(),
            out.len_ptr(),
        )
    };
    check_outputs("mws_user_agent", status, &[&out], faults, core);
}
