//! Every text stage of the core can be had three ways (`len`, `write` into a
//! buffer, `Display`); they must agree, and a short buffer must be refused
//! with the needed length and no partial text.

/// Reads a stage value (anything with `len`, `write` and `Display`) all
/// three ways, panics if they disagree, and returns the text.
macro_rules! stage_text {
    ($stage:expr) => {{
        let stage = $stage;
        let shown = stage.to_string();
        let len = stage.len();
        assert_eq!(len, shown.len(), "len() disagrees with Display");
        let mut buf = vec![0u8; len + 1];
        let written = stage.write(&mut buf).map(str::to_owned);
        assert_eq!(
            written.as_deref(),
            Ok(shown.as_str()),
            "write() disagrees with Display"
        );
        if len > 0 {
            let short = stage.write(&mut buf[..len - 1]).map(str::to_owned);
            assert_eq!(
                short,
                Err(mws_sign::Error::BufferTooSmall { needed: len }),
                "a buffer one byte short"
            );
        }
        shown
    }};
}

pub(crate) use stage_text;
