//! The MWS layer on top of the generic SigV2 signer: marketplaces, API
//! sections, the request builder and the `User-Agent`.

mod marketplace;
mod request;
mod section;
mod user_agent;

pub use marketplace::{Marketplace, Region};
pub use request::{Credentials, FORM_CONTENT_TYPE, MwsRequest};
pub use section::Section;
pub use user_agent::UserAgent;
