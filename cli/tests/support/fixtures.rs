//! Requests whose signatures are known from independent sources, and the
//! command lines that send them.

use std::path::Path;

/// The registration guide's example keys (public), as in `mws-sign example`.
pub const EXAMPLE_KEY_ID: &str = "022QF0EXAMPLEH9DHM02";
/// Its Secret Key.
pub const EXAMPLE_SECRET: &str = "kWcrlEXAMPLEM/LtmEENI/aVmYvHNif5zB+d9+ct";

/// The built-in example's signature, computed with the Python reference:
/// python3 -c "import sys; sys.path.insert(0, 'tests/reference'); import mws_reference as r;
///   print(r.sign('kWcrlEXAMPLEM/LtmEENI/aVmYvHNif5zB+d9+ct', 'HmacSHA256', 'POST', 'https',
///   'mws.amazonservices.com', '/Orders/2013-09-01', [('AWSAccessKeyId', '022QF0EXAMPLEH9DHM02'),
///   ('Action', 'ListOrders'), ('SellerId', 'A1B2C3D4E5F6G7'), ('SignatureMethod', 'HmacSHA256'),
///   ('SignatureVersion', '2'), ('Timestamp', '2020-06-01T12:34:56.000Z'), ('Version', '2013-09-01'),
///   ('CreatedAfter', '2020-05-01T00:00:00Z'), ('MarketplaceId.Id.1', 'ATVPDKIKX0DER')])['signature'])"
pub const EXAMPLE_SIGNATURE: &str = "uMZ7FS/Im0+gdbA5rXf5J/T9/pr1u04f/0OozSwPjQw=";

/// pub_aws_sigv2_doc_emr_describejobflows_get of tests/vectors/published.json (AWS documentation).
pub const EMR_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// Its signature.
pub const EMR_SIGNATURE: &str = "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=";
/// Its parameters, as `sign` takes them.
pub const EMR_PARAMS: [&str; 6] = [
    "Action=DescribeJobFlows",
    "Version=2009-03-31",
    "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE",
    "SignatureVersion=2",
    "SignatureMethod=HmacSHA256",
    "Timestamp=2011-10-03T15:19:30",
];
/// Its string to sign.
pub const EMR_STRING_TO_SIGN: &str = "GET\nelasticmapreduce.amazonaws.com\n/\nAWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31";

/// `sign` of the EMR example with `--output OUTPUT`.
pub fn emr_args(secret_file: &Path, output: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "sign",
        "--method",
        "GET",
        "--host",
        "elasticmapreduce.amazonaws.com",
        "--output",
        output,
        "--secret-key-file",
    ]
    .map(str::to_owned)
    .to_vec();
    args.push(secret_file.display().to_string());
    args.extend(EMR_PARAMS.map(str::to_owned));
    args
}

/// The MWS options of the example call, for `sign` and `explain`.
pub fn example_call(secret_file: &Path) -> Vec<String> {
    let mut args: Vec<String> = [
        "--marketplace",
        "US",
        "--section",
        "Orders",
        "--action",
        "ListOrders",
        "--access-key-id",
        EXAMPLE_KEY_ID,
        "--seller-id",
        "A1B2C3D4E5F6G7",
        "--timestamp",
        "2020-06-01T12:34:56.000Z",
        "--secret-key-file",
    ]
    .map(str::to_owned)
    .to_vec();
    args.push(secret_file.display().to_string());
    args.push("CreatedAfter=2020-05-01T00:00:00Z".to_owned());
    args.push("MarketplaceId.Id.1=ATVPDKIKX0DER".to_owned());
    args
}

/// `args` followed by `more`.
pub fn with(mut args: Vec<String>, more: &[&str]) -> Vec<String> {
    args.extend(more.iter().map(|s| (*s).to_owned()));
    args
}
