#![no_std]
#![forbid(unsafe_code)]
#![warn(clippy::std_instead_of_core)]
#![doc = include_str!("../README.md")]

mod algorithm;
mod base64;
mod canonical;
mod compare;
mod encode;
mod error;
mod head;
mod host;
mod lanes16;
mod mac;
mod md5;
mod mws;
mod params;
mod query;
mod signature;
mod signed;
mod signer;
mod sink;
mod sort;
mod stages;
mod swar;
mod time;
mod verify;

pub use algorithm::SignatureMethod;
pub use encode::{PercentEncoded, is_unreserved, percent_encode, percent_encoded_len};
pub use error::Error;
pub use head::{HeadLine, RequestHead, Scheme};
pub use md5::{CONTENT_MD5_LEN, ContentMd5, ContentMd5Hasher};
pub use mws::{
    Credentials, FORM_CONTENT_TYPE, Marketplace, MwsRequest, Region, Section, UserAgent,
};
pub use params::{MAX_PARAMS, Param, ParamIndex, SortedParams};
pub use query::{RawParam, ReceivedParams, form_decode, parse_query};
pub use signature::{MAX_SIGNATURE_LEN, Signature};
pub use signed::{RequestUrl, SignedRequest, sign_request, sign_request_with};
pub use signer::{Signer, sign};
pub use stages::{CanonicalQuery, SignedQuery, StringToSign};
pub use time::{TIMESTAMP_LEN, Timestamp, UnixTime};
pub use verify::{
    MAX_ACCESS_KEY_ID_LEN, MAX_VERIFY_PARAMS, ReceivedRequest, Verified, VerifyOptions, verify,
    verify_in,
};
