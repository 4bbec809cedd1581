/*
 * The MWS request builder: it must rebuild, from credentials + section +
 * action + the call's own parameters, exactly the signed queries that the
 * independent reference computed for the MWS cases of
 * tests/vectors/signing.json. Then its own checks.
 */
#include <jansson.h>
#include <stdlib.h>

#include "check.h"

/* The parameters the builder sets itself. */
static const char *const BUILDER_PARAMS[] = {
    "AWSAccessKeyId", "Action",   "SellerId",  "Merchant",        "MWSAuthToken",
    "SignatureMethod", "SignatureVersion", "Timestamp", "ContentMD5Value", "Version",
};

static int set_by_builder(const char *name) {
  for (size_t i = 0; i < sizeof BUILDER_PARAMS / sizeof BUILDER_PARAMS[0]; i++) {
    if (strcmp(name, BUILDER_PARAMS[i]) == 0) return 1;
  }
  return 0;
}

/* The value of parameter `name` in a case's [[name, value], ...], or NULL. */
static json_t *param(json_t *params, const char *name) {
  size_t i;
  json_t *pair;
  json_array_foreach(params, i, pair) {
    if (strcmp(json_string_value(json_array_get(pair, 0)), name) == 0) {
      return json_array_get(pair, 1);
    }
  }
  return NULL;
}

#define S(j) json_string_value(j), json_string_length(j)

/* The section whose path and version are these, or NULL. */
static const mws_section *section_of(json_t *path, json_t *version) {
  for (size_t i = 0; i < mws_section_count(); i++) {
    const mws_section *s = mws_section_get(i);
    mws_str p = mws_section_path(s), v = mws_section_version(s);
    if (p.len == json_string_length(path) && memcmp(p.data, json_string_value(path), p.len) == 0 &&
        v.len == json_string_length(version) &&
        memcmp(v.data, json_string_value(version), v.len) == 0) {
      return s;
    }
  }
  return NULL;
}

/* Rebuilds one sign case; 1 if it was an MWS call and was checked. */
static int rebuild(json_t *c) {
  json_t *params = json_object_get(c, "params");
  json_t *version = param(params, "Version");
  json_t *path = json_object_get(c, "path");
  if (version == NULL || path == NULL) return 0;
  const mws_section *section = section_of(path, version);
  if (section == NULL) return 0;
  mws_str seller_name = mws_section_seller_parameter(section);
  char seller_key[16];
  snprintf(seller_key, sizeof seller_key, "%.*s", (int)seller_name.len, seller_name.data);
  json_t *seller = param(params, seller_key), *key = param(params, "AWSAccessKeyId");
  json_t *method = param(params, "SignatureMethod"), *action = param(params, "Action");
  json_t *timestamp = param(params, "Timestamp"), *token = param(params, "MWSAuthToken");
  json_t *md5 = param(params, "ContentMD5Value"), *secret = json_object_get(c, "secret");
  if (!seller || !key || !method || !action || !timestamp) return 0;

  mws_credentials *creds = NULL;
  const char *token_text = token ? json_string_value(token) : NULL;
  size_t token_len = token ? json_string_length(token) : 0;
  if (strcmp(json_string_value(method), "HmacSHA256") == 0) {
    CHECK_STATUS(mws_credentials_new(S(key), S(secret), S(seller), token_text, token_len, &creds),
                 MWS_STATUS_OK);
  } else {
    mws_signer *signer = NULL;
    CHECK_STATUS(mws_signer_new(S(secret), S(method), &signer), MWS_STATUS_OK);
    CHECK_STATUS(mws_credentials_new_with_signer(signer, S(key), S(seller), token_text, token_len,
                                                 &creds),
                 MWS_STATUS_OK);
    mws_signer_free(signer); /* the credentials keep their own copy */
  }

  size_t n = json_array_size(params), extra_len = 0;
  mws_param *extra = calloc(n + 1, sizeof *extra);
  for (size_t i = 0; extra != NULL && i < n; i++) {
    json_t *pair = json_array_get(params, i);
    if (set_by_builder(json_string_value(json_array_get(pair, 0)))) continue;
    mws_param p = {S(json_array_get(pair, 0)), S(json_array_get(pair, 1))};
    extra[extra_len++] = p;
  }
  json_t *host = json_object_get(c, "host");
  mws_call call = {LIT("https"), S(host), section, S(action), extra, extra_len, S(timestamp),
                   md5 ? json_string_value(md5) : NULL, md5 ? json_string_length(md5) : 0};
  /* Sized with the API's size query: some calls have thousands of bytes. */
  size_t url_len = 0, query_len = 0;
  CHECK_STATUS(mws_credentials_sign(creds, &call, NULL, 0, &url_len, NULL, 0, &query_len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  json_t *expected = json_object_get(c, "signed_query");
  size_t want_cap = strlen("https://?") + json_string_length(host) + json_string_length(path) +
                    json_string_length(expected) + 1;
  char *url = malloc(url_len), *query = malloc(query_len), *want_url = malloc(want_cap);
  CHECK(url != NULL && query != NULL && want_url != NULL);
  if (url != NULL && query != NULL && want_url != NULL) {
    CHECK_STATUS(mws_credentials_sign(creds, &call, url, url_len, &url_len, query, query_len,
                                      &query_len),
                 MWS_STATUS_OK);
    CHECK_TEXT(query, query_len, json_string_value(expected));
    snprintf(want_url, want_cap, "https://%s%s%s%s", json_string_value(host),
             json_string_value(path), md5 ? "?" : "", md5 ? json_string_value(expected) : "");
    CHECK_TEXT(url, url_len, want_url);
  }
  free(url);
  free(query);
  free(want_url);
  free(extra);
  mws_credentials_free(creds);
  return 1;
}

static void rebuild_reference_requests(const char *signing_json) {
  json_error_t error;
  json_t *doc = json_load_file(signing_json, JSON_ALLOW_NUL, &error);
  CHECK(doc != NULL);
  if (doc == NULL) {
    fprintf(stderr, "%s: %s\n", signing_json, error.text);
    return;
  }
  int rebuilt = 0;
  size_t i;
  json_t *c;
  json_array_foreach(json_object_get(doc, "sign"), i, c) { rebuilt += rebuild(c); }
  CHECK(rebuilt >= 8);
  json_decref(doc);
}

static void builder_checks(void) {
  mws_credentials *creds = NULL;
  CHECK_STATUS(mws_credentials_new(LIT("AKID"), NULL, 0, LIT("SELLER"), NULL, 0, &creds),
               MWS_STATUS_EMPTY_SECRET);
  CHECK(creds == NULL);
  CHECK_STATUS(mws_credentials_new(LIT("AKID"), LIT("secret"), LIT("SELLER"), NULL, 0, &creds),
               MWS_STATUS_OK);
  const mws_section *orders = mws_section_from_name(LIT("Orders"));
  mws_param extra[] = {PARAM("CreatedAfter", "2020-05-01T00:00:00Z")};
  mws_param clash[] = {PARAM("Action", "Other")};
  mws_call good = {LIT("https"), LIT("mws.amazonservices.com"), orders, LIT("ListOrders"),
                   extra,        1, LIT("2020-06-01T12:34:56.000Z"), NULL, 0};
  char url[512], query[512];
  size_t url_len = 7777, query_len = 7777;
  CHECK_STATUS(mws_credentials_sign(creds, &good, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_OK);
  CHECK_TEXT(url, url_len, "https://mws.amazonservices.com/Orders/2013-09-01");
  CHECK(query_len > 0 && memcmp(query, "AWSAccessKeyId=AKID&Action=ListOrders&CreatedAfter=", 51) == 0);

  memset(url, FILL, sizeof url);
  memset(query, FILL, sizeof query);
  url_len = query_len = 7777;
  mws_call c = good;
  c.action_len = 0;
  CHECK_STATUS(mws_credentials_sign(creds, &c, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_MISSING_PARAMETER);
  c = good;
  c.timestamp = "yesterday";
  c.timestamp_len = 9;
  CHECK_STATUS(mws_credentials_sign(creds, &c, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_INVALID_TIMESTAMP);
  c = good;
  c.params = clash;
  CHECK_STATUS(mws_credentials_sign(creds, &c, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_DUPLICATE_PARAMETER);
  c = good;
  c.scheme = "gopher";
  c.scheme_len = 6;
  CHECK_STATUS(mws_credentials_sign(creds, &c, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_INVALID_SCHEME);
  c = good;
  c.host = "mws..amazonservices.com";
  c.host_len = strlen(c.host);
  CHECK_STATUS(mws_credentials_sign(creds, &c, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_INVALID_HOST);
  c = good;
  c.section = NULL;
  CHECK_STATUS(mws_credentials_sign(creds, &c, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_credentials_sign(NULL, &good, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK(untouched(url, sizeof url) && untouched(query, sizeof query));
  CHECK(url_len == 7777 && query_len == 7777);
  mws_credentials_free(creds);

  /* Empty IDs are a missing parameter when signing. */
  CHECK_STATUS(mws_credentials_new(NULL, 0, LIT("secret"), LIT("SELLER"), NULL, 0, &creds),
               MWS_STATUS_OK);
  CHECK_STATUS(mws_credentials_sign(creds, &good, url, sizeof url, &url_len, query, sizeof query,
                                    &query_len),
               MWS_STATUS_MISSING_PARAMETER);
  mws_credentials_free(creds);
}

void test_mws(const char *signing_json) {
  rebuild_reference_requests(signing_json);
  builder_checks();
}
