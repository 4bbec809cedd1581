//! Content-MD5 (`ContentMD5Value` of SubmitFeed): whole bodies and bodies
//! fed in pieces (the package reads file objects in chunks into the hasher).

use mws_sign::{ContentMd5, ContentMd5Hasher};
use pyo3::prelude::*;

/// Base64 of the MD5 of `data`'s exact bytes.
#[pyfunction]
pub(crate) fn content_md5(data: &[u8]) -> String {
    ContentMd5::of(data).as_str().to_owned()
}

/// Content-MD5 of a body fed in pieces.
#[pyclass(module = "mws_sign", name = "ContentMd5Hasher")]
#[derive(Default)]
pub(crate) struct PyContentMd5Hasher {
    inner: ContentMd5Hasher,
}

#[pymethods]
impl PyContentMd5Hasher {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Adds the next bytes of the body.
    fn update(&mut self, data: &[u8]) {
        self.inner.update(data);
    }

    /// The Content-MD5 of everything added so far (the hasher can go on).
    fn finish(&self) -> String {
        self.inner.clone().finish().as_str().to_owned()
    }

    fn __repr__(&self) -> &'static str {
        "ContentMd5Hasher()"
    }
}
