//! `mws-sign` with no arguments: one ListOrders call signed step by step,
//! with the example keys of the MWS registration guide and a fixed time, so
//! the output is the same everywhere and can be checked with any other tool.

use crate::exit::{CommandResult, Outcome};
use crate::output::visible_newlines;
use crate::request::Stages;
use mws_sign::{Credentials, FORM_CONTENT_TYPE, Marketplace, MwsRequest, Section, SortedParams};
use std::io::Write;

/// The Access Key ID of the MWS Developer Registration guide's example.
pub const ACCESS_KEY_ID: &str = "022QF0EXAMPLEH9DHM02";
/// The guide's published example Secret Key (not anyone's real key).
pub const SECRET_KEY: &str = "kWcrlEXAMPLEM/LtmEENI/aVmYvHNif5zB+d9+ct";
/// An example seller ID.
pub const SELLER_ID: &str = "A1B2C3D4E5F6G7";
/// The fixed `Timestamp`, so the signature never changes.
pub const TIMESTAMP: &str = "2020-06-01T12:34:56.000Z";
/// The call's own parameter: orders created after this time.
pub const CREATED_AFTER: &str = "2020-05-01T00:00:00Z";

/// Signs the example with the core's MWS builder and prints every stage.
///
/// # Errors
/// [`crate::exit::Failure::Io`] when output fails.
pub fn run(out: &mut dyn Write) -> CommandResult {
    let credentials = Credentials::new(ACCESS_KEY_ID, SECRET_KEY.as_bytes(), SELLER_ID)?;
    let marketplace = Marketplace::Us;
    let request = MwsRequest::new(marketplace, Section::Orders, "ListOrders", TIMESTAMP);
    let mut params = [
        ("CreatedAfter", CREATED_AFTER),
        ("MarketplaceId.Id.1", marketplace.id()),
    ];
    let extra = SortedParams::sort_in_place(&mut params)?;
    let signed = credentials.sign_request(&request, extra)?;
    let mut s = Stages::from_signed(&signed, request.scheme);
    s.host_given = request.host.to_owned();
    print(out, &s)?;
    Ok(Outcome::Done)
}

fn print(out: &mut dyn Write, s: &Stages) -> std::io::Result<()> {
    writeln!(
        out,
        "mws-sign: how an Amazon MWS request is signed (AWS Signature Version 2)\n\
         \n\
         The example: ListOrders on the US marketplace, signed with the example keys of\n\
         the MWS Developer Registration guide at a fixed time, so you can check every\n\
         stage with any other tool.\n\
         \n\
         \x20 Access Key ID  {ACCESS_KEY_ID}\n\
         \x20 Secret Key     {SECRET_KEY}   (the guide's published example key)\n\
         \x20 Seller ID      {SELLER_ID}\n\
         \x20 Timestamp      {TIMESTAMP}"
    )?;

    writeln!(
        out,
        "\n1. The parameters: the call's own (CreatedAfter, MarketplaceId.Id.1) plus the\n   \
         auth parameters, sorted by the bytes of their names (uppercase before lowercase)"
    )?;
    let width = s.params.iter().map(|p| p.0.len()).max().unwrap_or(0);
    for (name, value) in &s.params {
        writeln!(out, "   {name:<width$}  {value}")?;
    }

    writeln!(
        out,
        "\n2. The canonical query: name=value, percent-encoded (only A-Z a-z 0-9 - _ . ~\n   \
         stay; ':' becomes %3A), joined with '&'"
    )?;
    writeln!(out, "   {}", s.canonical_query)?;

    writeln!(
        out,
        "\n3. The string to sign: method, host, path and canonical query, one a line\n   \
         (each line break shown as \\n; there is none after the last line)"
    )?;
    writeln!(out, "{}", visible_newlines(&s.string_to_sign, "   "))?;

    writeln!(
        out,
        "\n4. The signature: Base64 of {} of the string to sign, keyed with the Secret Key",
        s.signature_method
    )?;
    writeln!(out, "   {}", s.signature)?;

    writeln!(
        out,
        "\n5. The signed body: the canonical query + &Signature= and the encoded signature\n   \
         ('+' '/' '=' become %2B %2F %3D)"
    )?;
    writeln!(out, "   {}", s.signed_query)?;

    writeln!(out, "\n6. Sent as")?;
    writeln!(out, "   {} {}", s.method, s.url())?;
    writeln!(out, "   Content-Type: {FORM_CONTENT_TYPE}")?;

    writeln!(
        out,
        "\nNext: sign your own request with `mws-sign sign --help`, or see every stage of it,\n\
         encoded characters marked and compared with another library's output, with\n\
         `mws-sign explain --help`."
    )
}
