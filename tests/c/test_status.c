/*
 * Statuses: the stable numbers and names of every status, every signing
 * kind reached from C, NULL arguments and text that is not UTF-8 - each
 * reported as a status, with every output left untouched.
 */
#include "check.h"

static const struct {
  mws_status status;
  int number;
  const char *kind;
} STATUSES[] = {
    {MWS_STATUS_OK, 0, "Ok"},
    {MWS_STATUS_INVALID_METHOD, 1, "InvalidMethod"},
    {MWS_STATUS_INVALID_SCHEME, 2, "InvalidScheme"},
    {MWS_STATUS_INVALID_HOST, 3, "InvalidHost"},
    {MWS_STATUS_INVALID_PATH, 4, "InvalidPath"},
    {MWS_STATUS_EMPTY_SECRET, 5, "EmptySecret"},
    {MWS_STATUS_EMPTY_PARAMETER_NAME, 6, "EmptyParameterName"},
    {MWS_STATUS_DUPLICATE_PARAMETER, 7, "DuplicateParameter"},
    {MWS_STATUS_SIGNATURE_METHOD_MISMATCH, 8, "SignatureMethodMismatch"},
    {MWS_STATUS_UNSUPPORTED_SIGNATURE_METHOD, 9, "UnsupportedSignatureMethod"},
    {MWS_STATUS_UNSUPPORTED_SIGNATURE_VERSION, 10, "UnsupportedSignatureVersion"},
    {MWS_STATUS_TOO_MANY_PARAMETERS, 11, "TooManyParameters"},
    {MWS_STATUS_MALFORMED_QUERY, 12, "MalformedQuery"},
    {MWS_STATUS_MISSING_PARAMETER, 13, "MissingParameter"},
    {MWS_STATUS_TIMESTAMP_AND_EXPIRES, 14, "TimestampAndExpires"},
    {MWS_STATUS_INVALID_TIMESTAMP, 15, "InvalidTimestamp"},
    {MWS_STATUS_REQUEST_EXPIRED, 16, "RequestExpired"},
    {MWS_STATUS_TIMESTAMP_IN_FUTURE, 17, "TimestampInFuture"},
    {MWS_STATUS_INVALID_ACCESS_KEY_ID, 18, "InvalidAccessKeyId"},
    {MWS_STATUS_SIGNATURE_DOES_NOT_MATCH, 19, "SignatureDoesNotMatch"},
    {MWS_STATUS_NULL_ARGUMENT, 100, "NullArgument"},
    {MWS_STATUS_INVALID_UTF8, 101, "InvalidUtf8"},
    {MWS_STATUS_INSUFFICIENT_SPACE, 102, "InsufficientSpace"},
    {MWS_STATUS_PANIC, 103, "Panic"},
};

static void numbers_and_names(void) {
  size_t n = sizeof STATUSES / sizeof STATUSES[0];
  for (size_t i = 0; i < n; i++) {
    CHECK((int)STATUSES[i].status == STATUSES[i].number);
    CHECK(strcmp(mws_status_kind(STATUSES[i].status), STATUSES[i].kind) == 0);
    const char *message = mws_status_str(STATUSES[i].status);
    CHECK(message != NULL && strlen(message) > 0);
    CHECK(strcmp(message, "unknown status") != 0);
  }
  int unknown[] = {-1, 20, 99, 104, 1000};
  for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
    CHECK(strcmp(mws_status_kind(unknown[i]), "Unknown") == 0);
    CHECK(strcmp(mws_status_str(unknown[i]), "unknown status") == 0);
  }
  CHECK(strcmp(mws_status_str(MWS_STATUS_INVALID_HOST),
               "the host must be a DNS name, IPv4 address or [IPv6] literal, "
               "optionally with :port (1-65535)") == 0);
}

static mws_request request_of(const char *method, const char *scheme, const char *host,
                              const char *path, const mws_param *params, size_t n) {
  mws_request r = {method, strlen(method), scheme, strlen(scheme), host, strlen(host),
                   path,   strlen(path),   params, n};
  return r;
}

/* mws_sign's status, checking that a failure writes nothing. */
static mws_status sign_status(const char *secret, size_t secret_len, const char *method,
                              const mws_request *r) {
  char sig[64], query[512];
  size_t sig_len = 7777, query_len = 7777;
  memset(sig, FILL, sizeof sig);
  memset(query, FILL, sizeof query);
  mws_status st = mws_sign(secret, secret_len, method, strlen(method), r, sig, sizeof sig,
                           &sig_len, query, sizeof query, &query_len);
  if (st != MWS_STATUS_OK) {
    CHECK(untouched(sig, sizeof sig) && untouched(query, sizeof query));
    CHECK(sig_len == 7777 && query_len == 7777);
  }
  return st;
}

static void signing_kinds(void) {
  mws_param ok[] = {PARAM("Action", "GetServiceStatus"), PARAM("SignatureVersion", "2")};
  mws_param empty_name[] = {PARAM("a", "1"), PARAM("", "x")};
  mws_param dup[] = {PARAM("a", "1"), PARAM("b", "2"), PARAM("a", "3")};
  mws_param mismatch[] = {PARAM("SignatureMethod", "HmacSHA256")};
  mws_param unknown_method[] = {PARAM("SignatureMethod", "HmacSHA512")};
  mws_param version1[] = {PARAM("SignatureVersion", "1")};
  const char *host = "mws.amazonservices.com";
  mws_request r = request_of("POST", "https", host, "/", ok, 2);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_OK);

  r = request_of("PO ST", "https", host, "/", ok, 2);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_INVALID_METHOD);
  r = request_of("POST", "ftp", host, "/", ok, 2);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_INVALID_SCHEME);
  r = request_of("POST", "https", "", "/", ok, 2);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_INVALID_HOST);
  r = request_of("POST", "https", host, "Orders", ok, 2);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_INVALID_PATH);
  r = request_of("POST", "https", host, "/", ok, 2);
  CHECK_STATUS(sign_status("", 0, "HmacSHA256", &r), MWS_STATUS_EMPTY_SECRET);
  CHECK_STATUS(sign_status(NULL, 0, "HmacSHA256", &r), MWS_STATUS_EMPTY_SECRET);
  CHECK_STATUS(sign_status(LIT("secret"), "hmacsha256", &r),
               MWS_STATUS_UNSUPPORTED_SIGNATURE_METHOD);
  r = request_of("POST", "https", host, "/", empty_name, 2);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_EMPTY_PARAMETER_NAME);
  r = request_of("POST", "https", host, "/", dup, 3);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_DUPLICATE_PARAMETER);
  r = request_of("POST", "https", host, "/", mismatch, 1);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA1", &r), MWS_STATUS_SIGNATURE_METHOD_MISMATCH);
  r = request_of("POST", "https", host, "/", unknown_method, 1);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA1", &r),
               MWS_STATUS_UNSUPPORTED_SIGNATURE_METHOD);
  r = request_of("POST", "https", host, "/", version1, 1);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r),
               MWS_STATUS_UNSUPPORTED_SIGNATURE_VERSION);

  /* Check order: the host is checked before the secret and the method name. */
  r = request_of("POST", "https", "bad host", "/", ok, 2);
  CHECK_STATUS(sign_status("", 0, "nope", &r), MWS_STATUS_INVALID_HOST);
  /* Timestamps out of range and malformed. */
  char ts[32];
  size_t ts_len = 7777;
  int64_t secs = 1;
  uint32_t nanos = 1;
  CHECK_STATUS(mws_timestamp_format(INT64_MAX, ts, sizeof ts, &ts_len),
               MWS_STATUS_INVALID_TIMESTAMP);
  CHECK(ts_len == 7777);
  CHECK_STATUS(mws_timestamp_parse(LIT("2020-02-30T00:00:00Z"), &secs, &nanos),
               MWS_STATUS_INVALID_TIMESTAMP);
  CHECK(secs == 1 && nanos == 1);
}

static void null_arguments(void) {
  mws_param ok[] = {PARAM("Action", "GetServiceStatus")};
  mws_request r = request_of("POST", "https", "mws.amazonservices.com", "/", ok, 1);
  char buf[128], sig[64];
  size_t len = 7777, sig_len = 7777;
  memset(buf, FILL, sizeof buf);

  /* A required out-length, a buffer with a capacity, the request itself. */
  CHECK_STATUS(mws_canonical_query(ok, 1, buf, sizeof buf, NULL), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_canonical_query(ok, 1, NULL, 8, &len), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_canonical_query(NULL, 1, buf, sizeof buf, &len), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_string_to_sign(NULL, buf, sizeof buf, &len), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_sign(LIT("s"), LIT("HmacSHA256"), NULL, sig, sizeof sig, &sig_len, buf,
                        sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_sign(LIT("s"), LIT("HmacSHA256"), &r, sig, sizeof sig, NULL, buf,
                        sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_sign(NULL, 3, LIT("HmacSHA256"), &r, sig, sizeof sig, &sig_len, buf,
                        sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_sign(LIT("s"), NULL, 10, &r, sig, sizeof sig, &sig_len, buf, sizeof buf,
                        &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_sign_url(LIT("s"), LIT("HmacSHA256"), &r, true, buf, sizeof buf, NULL),
               MWS_STATUS_NULL_ARGUMENT);

  /* NULL inside a request: a text, a parameter's name, the parameter array. */
  mws_request bad = r;
  bad.host = NULL;
  CHECK_STATUS(mws_string_to_sign(&bad, buf, sizeof buf, &len), MWS_STATUS_NULL_ARGUMENT);
  mws_param null_name[] = {{NULL, 3, "v", 1}};
  bad = r;
  bad.params = null_name;
  CHECK_STATUS(mws_string_to_sign(&bad, buf, sizeof buf, &len), MWS_STATUS_NULL_ARGUMENT);
  bad = r;
  bad.params = NULL;
  CHECK_STATUS(mws_string_to_sign(&bad, buf, sizeof buf, &len), MWS_STATUS_NULL_ARGUMENT);
  /* ...but NULL with length 0 is the empty text (an empty path means "/"). */
  bad = r;
  bad.path = NULL;
  bad.path_len = 0;
  CHECK_STATUS(mws_string_to_sign(&bad, buf, sizeof buf, &len), MWS_STATUS_OK);
  CHECK_TEXT(buf, len, "POST\nmws.amazonservices.com\n/\nAction=GetServiceStatus");
  memset(buf, FILL, sizeof buf);
  len = 7777;

  /* Handles and their out-pointers. */
  mws_signer *signer = NULL;
  CHECK_STATUS(mws_signer_new(LIT("s"), LIT("HmacSHA256"), NULL), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_signer_sign(NULL, &r, sig, sizeof sig, &sig_len, buf, sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_signer_sign_url(NULL, &r, false, buf, sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_signer_sign_string(NULL, LIT("x"), buf, sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_signer_new(LIT("s"), LIT("HmacSHA256"), &signer), MWS_STATUS_OK);
  CHECK_STATUS(mws_signer_sign_string(signer, NULL, 5, buf, sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  mws_signer_free(signer);
  mws_signer_free(NULL);
  CHECK(mws_signer_signature_method(NULL).len == 0);

  mws_content_md5_hasher *hasher = NULL;
  CHECK_STATUS(mws_content_md5_hasher_new(NULL), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_content_md5_hasher_update(NULL, "x", 1), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_content_md5_hasher_finish(NULL, buf, sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_content_md5_hasher_new(&hasher), MWS_STATUS_OK);
  CHECK_STATUS(mws_content_md5_hasher_update(hasher, NULL, 1), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_content_md5_hasher_update(hasher, NULL, 0), MWS_STATUS_OK);
  mws_content_md5_hasher_free(hasher);
  mws_content_md5_hasher_free(NULL);
  CHECK_STATUS(mws_content_md5(NULL, 4, buf, sizeof buf, &len), MWS_STATUS_NULL_ARGUMENT);

  int64_t secs = 0;
  uint32_t nanos = 0;
  CHECK_STATUS(mws_timestamp_parse(LIT("2020-01-01T00:00:00Z"), NULL, &nanos),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_timestamp_parse(LIT("2020-01-01T00:00:00Z"), &secs, NULL),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_timestamp_parse(NULL, 3, &secs, &nanos), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_timestamp_format(0, NULL, 24, &len), MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_user_agent(LIT("a"), LIT("1"), NULL, 2, buf, sizeof buf, &len),
               MWS_STATUS_NULL_ARGUMENT);

  mws_credentials *creds = NULL;
  CHECK_STATUS(mws_credentials_new(LIT("AKID"), LIT("s"), LIT("SELLER"), NULL, 0, NULL),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_credentials_new_with_signer(NULL, LIT("AKID"), LIT("SELLER"), NULL, 0,
                                               &creds),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK(creds == NULL);
  mws_credentials_free(NULL);

  /* Lookups give NULL, accessors an empty text. */
  CHECK(mws_marketplace_from_code(NULL, 2) == NULL);
  CHECK(mws_section_from_name(NULL, 6) == NULL);
  CHECK(mws_marketplace_host(NULL).len == 0 && mws_marketplace_host(NULL).data != NULL);
  CHECK(mws_section_path(NULL).len == 0 && mws_section_path(NULL).data != NULL);

  CHECK(untouched(buf, sizeof buf) && len == 7777 && sig_len == 7777);
}

static void invalid_utf8(void) {
  mws_param ok[] = {PARAM("Action", "GetServiceStatus")};
  mws_param bad_value[] = {PARAM("Action", "Get\xff")};
  mws_param bad_name[] = {PARAM("\xc3", "1")};
  char buf[128];
  size_t len = 7777;
  memset(buf, FILL, sizeof buf);

  CHECK_STATUS(mws_canonical_query(bad_value, 1, buf, sizeof buf, &len), MWS_STATUS_INVALID_UTF8);
  CHECK_STATUS(mws_canonical_query(bad_name, 1, buf, sizeof buf, &len), MWS_STATUS_INVALID_UTF8);
  mws_request r = request_of("POST", "https", "h\xe9.com", "/", ok, 1);
  CHECK_STATUS(mws_string_to_sign(&r, buf, sizeof buf, &len), MWS_STATUS_INVALID_UTF8);
  r = request_of("POST", "https", "mws.amazonservices.com", "/\xed\xa0\x80", ok, 1);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_INVALID_UTF8);
  r = request_of("POST", "https", "mws.amazonservices.com", "/", ok, 1);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA\xff", &r), MWS_STATUS_INVALID_UTF8);
  /* A secret is bytes, not text: any byte is allowed. */
  CHECK_STATUS(sign_status(LIT("\xff\xfe"), "HmacSHA256", &r), MWS_STATUS_OK);
  /* Conversion comes first: bad UTF-8 wins over a bad host. */
  r = request_of("POST", "https", "", "/", bad_value, 1);
  CHECK_STATUS(sign_status(LIT("secret"), "HmacSHA256", &r), MWS_STATUS_INVALID_UTF8);

  int64_t secs = 0;
  uint32_t nanos = 0;
  CHECK_STATUS(mws_timestamp_parse(LIT("2020-01-01T00:00:00\xff"), &secs, &nanos),
               MWS_STATUS_INVALID_UTF8);
  CHECK_STATUS(mws_user_agent(LIT("app\xff"), LIT("1"), NULL, 0, buf, sizeof buf, &len),
               MWS_STATUS_INVALID_UTF8);
  mws_credentials *creds = NULL;
  CHECK_STATUS(mws_credentials_new(LIT("AKID\xff"), LIT("s"), LIT("SELLER"), NULL, 0, &creds),
               MWS_STATUS_INVALID_UTF8);
  CHECK(creds == NULL);
  CHECK(mws_marketplace_from_code(LIT("\xff\xfe")) == NULL);
  CHECK(untouched(buf, sizeof buf) && len == 7777);
}

void test_status(void) {
  numbers_and_names();
  signing_kinds();
  null_arguments();
  invalid_utf8();
}
