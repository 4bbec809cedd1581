//! The command line: every option, its help text and the examples.

use crate::exit;
use crate::params;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ABOUT: &str =
    "Sign, explain and verify Amazon MWS requests (AWS Signature Version 2), offline";

const LONG_ABOUT: &str = "\
mws-sign signs, explains and verifies Amazon Marketplace Web Service (MWS) requests,
which are authenticated with AWS Signature Version 2 (SigV2): the parameters are sorted,
percent-encoded and joined into a canonical query; the method, host, path and that query
form the 'string to sign'; its HMAC-SHA256 under your Secret Key, in Base64, is the
signature. When a server answers SignatureDoesNotMatch, one of those stages differs:
`explain` shows each stage and tells where another library's result differs. Everything
runs offline; nothing is sent anywhere.

Run it without arguments to see a worked example.";

const AFTER_HELP: &str = "\
Examples:
  mws-sign                                   a worked example: every stage of one ListOrders call
  mws-sign sign --help                       sign your own request
  mws-sign explain --marketplace US --section Orders --action ListOrders \\
      --access-key-id AKID --seller-id SELLER --timestamp 2020-06-01T12:34:56Z \\
      --secret-key-file key.txt --expect-string-to-sign theirs.txt
                                             find where another signer differs
  mws-sign verify --host mws.amazonservices.com --path /Orders/2013-09-01 \\
      --query-file body.txt --keys-file keys.txt
                                             check a received request like MWS did
  mws-sign md5 feed.xml                      the ContentMD5Value of a feed

The Secret Key is never an argument: it is read from --secret-key-file FILE, else the
MWS_SECRET_KEY environment variable, else one line of standard input (a prompt on a
terminal). It is never printed.
";

/// The help heading of the options of an MWS call.
const MWS_HEADING: &str = "MWS call (adds AWSAccessKeyId, Action, SellerId or Merchant, SignatureMethod, SignatureVersion, Timestamp, Version)";

const SIGN_EXAMPLES: &str = "\
Examples:
  # An MWS call: the auth parameters (AWSAccessKeyId, Timestamp, Version, ...) are added
  mws-sign sign --marketplace US --section Orders --action ListOrders \\
      --access-key-id AKIAIOSFODNN7EXAMPLE --seller-id A1B2C3D4E5F6G7 \\
      --secret-key-file key.txt --output curl \\
      CreatedAfter=2020-05-01T00:00:00Z MarketplaceId.Id.1=ATVPDKIKX0DER

  # A feed upload: ContentMD5Value is computed from the file, the query goes in the URL
  mws-sign sign --marketplace DE --section Feeds --action SubmitFeed \\
      --access-key-id AKID --seller-id SELLER --feed feed.xml --output curl \\
      FeedType=_POST_PRODUCT_DATA_ < key.txt

  # Any SigV2 request, signed exactly as given (no parameter is added)
  mws-sign sign --method GET --host elasticmapreduce.amazonaws.com --secret-key-file key.txt \\
      Action=DescribeJobFlows Version=2009-03-31 AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE \\
      SignatureVersion=2 SignatureMethod=HmacSHA256 Timestamp=2011-10-03T15:19:30

  # Thousands of parameters: one NAME=VALUE per line in a file
  mws-sign sign --host example.com --params-file params.txt --secret-key-file key.txt
";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  # Every stage, with each percent-encoded character marked
  mws-sign explain --host mws.amazonservices.com --path /Products/2011-10-01 \\
      --secret-key-file key.txt 'Query=shoes & socks*' Action=ListMatchingProducts

  # Where does another library differ? Give its string to sign and/or signature
  mws-sign explain --marketplace US --section Orders --action ListOrders \\
      --access-key-id AKID --seller-id SELLER --timestamp 2020-06-01T12:34:56.000Z \\
      --secret-key-file key.txt --expect-string-to-sign theirs.txt \\
      --expect-signature 'kSWvh...=' MarketplaceId.Id.1=ATVPDKIKX0DER

The other side's timestamp must be given with --timestamp, or every signature differs.
Exit code 1 means a difference was found.
";

const VERIFY_EXAMPLES: &str = "\
Examples:
  # The body a mock server received, checked against a keys file
  mws-sign verify --host mws.amazonservices.com --path /Orders/2013-09-01 \\
      --query-file body.txt --keys-file keys.txt

  # A GET query string, at a fixed time, the key from MWS_ACCESS_KEY_ID and MWS_SECRET_KEY
  # (set the secret without it reaching shell history: read -rs MWS_SECRET_KEY; export MWS_SECRET_KEY)
  mws-sign verify --method GET \\
      --host elasticmapreduce.amazonaws.com --now 2011-10-03T15:20:00Z \\
      --query 'AWSAccessKeyId=AKID&Action=DescribeJobFlows&...&Signature=...'

keys.txt holds one 'ACCESS_KEY_ID SECRET' a line; lines starting with # are comments.
Prints 'ok <AccessKeyId>' (exit 0) or '<Kind>: <message>' (exit 1).
";

const MD5_EXAMPLES: &str = "\
Examples:
  mws-sign md5 feed.xml
  generate-feed | mws-sign md5 -

The value is Base64 of the MD5 of the exact bytes of the file (no newline conversion).
";

const VECTORS_EXAMPLES: &str = "\
Examples:
  mws-sign vectors tests/vectors/*.json

Each failing case is printed with the stage that differs; the last line is
'N passed, N failed'. Exit code 1 when anything failed.
";

/// `mws-sign`: the parsed command line.
#[derive(Parser, Debug)]
#[command(
    name = "mws-sign",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = with_exit_codes(AFTER_HELP),
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The command; none shows the worked example.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A help epilogue followed by the list of exit codes.
fn with_exit_codes(examples: &str) -> String {
    format!("{examples}\n{}", exit::HELP_TEXT)
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Sign a request; print the signature, another stage, a curl command or JSON
    #[command(after_help = with_exit_codes(SIGN_EXAMPLES))]
    Sign(SignArgs),
    /// Show every stage of signing, the encoded characters marked; find where another signer differs
    #[command(after_help = with_exit_codes(EXPLAIN_EXAMPLES))]
    Explain(ExplainArgs),
    /// Decide a received request as the MWS server did: ok, or why not
    #[command(after_help = with_exit_codes(VERIFY_EXAMPLES))]
    Verify(VerifyArgs),
    /// Print the ContentMD5Value (Base64 MD5) of a feed file
    #[command(after_help = with_exit_codes(MD5_EXAMPLES))]
    Md5(Md5Args),
    /// Run test-vector files and print 'N passed, N failed'
    #[command(after_help = with_exit_codes(VECTORS_EXAMPLES))]
    Vectors(VectorsArgs),
    /// Show the worked example (the same as running with no command)
    Example,
}

/// What to sign: shared by `sign` and `explain`.
#[derive(Args, Debug)]
pub struct RequestArgs {
    /// HTTP method, signed uppercased [default: POST; MWS calls are always POST]
    #[arg(long, value_name = "METHOD", conflicts_with = "action")]
    pub method: Option<String>,

    /// URL scheme: https, or http for a local mock server (decides the default port)
    #[arg(long, value_name = "SCHEME", default_value = "https")]
    pub scheme: String,

    /// Host header value, e.g. mws.amazonservices.com or localhost:8080
    #[arg(long, value_name = "HOST", required_unless_present = "marketplace")]
    pub host: Option<String>,

    /// Marketplace code (US, CA, MX, BR, DE, ES, FR, GB, IT, ...): sets the host to its MWS endpoint
    #[arg(long, value_name = "CODE", conflicts_with = "host")]
    pub marketplace: Option<String>,

    /// Request path, decoded [default: /]
    #[arg(long, value_name = "PATH", conflicts_with = "section")]
    pub path: Option<String>,

    /// MWS API section (Orders, Products, Feeds, Reports, Sellers, ...): sets the path
    #[arg(long, value_name = "NAME")]
    pub section: Option<String>,

    /// HmacSHA256 or HmacSHA1
    #[arg(long, value_name = "NAME", default_value = "HmacSHA256")]
    pub signature_method: String,

    /// Read the Secret Key from FILE (one final newline is dropped; '-' = standard input)
    #[arg(long, value_name = "FILE")]
    pub secret_key_file: Option<PathBuf>,

    /// Read more parameters from FILE, one NAME=VALUE a line ('-' = standard input)
    #[arg(long, value_name = "FILE")]
    pub params_file: Option<PathBuf>,

    /// One more parameter as two words, for a name that contains '=' (repeatable)
    #[arg(
        long = "param",
        num_args = 2,
        value_names = ["NAME", "VALUE"],
        allow_hyphen_values = true,
        action = clap::ArgAction::Append
    )]
    pub param: Vec<String>,

    /// MWS call: the operation (e.g. ListOrders); adds the auth parameters, needs --section
    #[arg(
        long,
        value_name = "ACTION",
        requires_all = ["section", "access_key_id", "seller_id"],
        help_heading = MWS_HEADING
    )]
    pub action: Option<String>,

    /// Your AWS Access Key ID (public; the secret is read separately)
    #[arg(long, value_name = "ID", requires = "action", help_heading = MWS_HEADING)]
    pub access_key_id: Option<String>,

    /// The seller (merchant) ID: sent as SellerId, or Merchant for Feeds and Reports
    #[arg(long, value_name = "ID", requires = "action", help_heading = MWS_HEADING)]
    pub seller_id: Option<String>,

    /// The seller's MWSAuthToken, when a developer acts for a seller
    #[arg(long, value_name = "TOKEN", requires = "action", help_heading = MWS_HEADING)]
    pub auth_token: Option<String>,

    /// The Timestamp parameter, ISO 8601 [default: now, e.g. 2020-06-01T12:34:56.000Z]
    #[arg(long, value_name = "TIME", requires = "action", help_heading = MWS_HEADING)]
    pub timestamp: Option<String>,

    /// A feed body (SubmitFeed): its ContentMD5Value is signed and the query moves to the URL
    #[arg(long, value_name = "FILE", requires = "action", help_heading = MWS_HEADING)]
    pub feed: Option<PathBuf>,

    /// Request parameters, unencoded (split on the first '='), e.g. CreatedAfter=2020-05-01T00:00:00Z
    #[arg(value_name = "NAME=VALUE", value_parser = params::split)]
    pub params: Vec<params::OwnedParam>,
}

/// `mws-sign sign`.
#[derive(Args, Debug)]
pub struct SignArgs {
    /// The request.
    #[command(flatten)]
    pub request: RequestArgs,

    /// What to print
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = OutputFormat::Signature)]
    pub output: OutputFormat,
}

/// What `sign` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The Base64 signature
    Signature,
    /// The string to sign, with real line breaks
    StringToSign,
    /// The sorted, encoded parameters without Signature
    CanonicalQuery,
    /// The canonical query plus &Signature=...: the POST body (or URL query)
    SignedQuery,
    /// The URL to send to (with the query for GET and feeds)
    Url,
    /// A ready-to-run curl command
    Curl,
    /// Every stage in one JSON object
    Json,
}

/// `mws-sign explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The request.
    #[command(flatten)]
    pub request: RequestArgs,

    /// The signature another signer computed (Base64, or URL-encoded as sent)
    #[arg(long, value_name = "SIG", help_heading = "Compare")]
    pub expect_signature: Option<String>,

    /// A file with the string to sign another signer computed ('-' = standard input)
    #[arg(long, value_name = "FILE", help_heading = "Compare")]
    pub expect_string_to_sign: Option<PathBuf>,
}

/// `mws-sign verify`.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The HTTP method the request arrived with
    #[arg(long, value_name = "METHOD", default_value = "POST")]
    pub method: String,

    /// The scheme it arrived over (decides the default port)
    #[arg(long, value_name = "SCHEME", default_value = "https")]
    pub scheme: String,

    /// The Host header it carried
    #[arg(long, value_name = "HOST")]
    pub host: String,

    /// The decoded path of the request URI
    #[arg(long, value_name = "PATH", default_value = "/")]
    pub path: String,

    /// The raw query string or form body, exactly as received
    #[arg(
        long,
        value_name = "TEXT",
        required_unless_present = "query_file",
        conflicts_with = "query_file"
    )]
    pub query: Option<String>,

    /// Read the raw query or body from FILE ('-' = standard input; one final newline is ignored)
    #[arg(long, value_name = "FILE")]
    pub query_file: Option<PathBuf>,

    /// Known keys, one 'ACCESS_KEY_ID SECRET' a line, '#' comments [default: MWS_ACCESS_KEY_ID and MWS_SECRET_KEY]
    #[arg(long, value_name = "FILE")]
    pub keys_file: Option<PathBuf>,

    /// The verifier's clock, ISO 8601 [default: the system clock]
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,

    /// The clock skew allowed each way, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 900)]
    pub window_seconds: u32,
}

/// `mws-sign md5`.
#[derive(Args, Debug)]
pub struct Md5Args {
    /// The feed file ('-' = standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// `mws-sign vectors`.
#[derive(Args, Debug)]
pub struct VectorsArgs {
    /// Vector files in the shared JSON format
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}
