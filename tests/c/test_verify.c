/*
 * Verification from C: the key-lookup callback (user data, the key ID it
 * receives, how often it is called, the secret staying the caller's), and
 * every verification kind.
 */
#include "check.h"

typedef struct {
  const char *id;     /* the one Access Key ID this "key store" knows */
  const char *secret; /* its secret; NULL with secret_len > 0 to misbehave */
  size_t secret_len;
  int calls;
  char seen[MWS_SIGN_MAX_ACCESS_KEY_ID_LEN];
  size_t seen_len;
} key_store;

static bool lookup(void *user_data, const char *key_id, size_t key_id_len, const char **secret,
                   size_t *secret_len) {
  key_store *store = (key_store *)user_data;
  store->calls++;
  store->seen_len = key_id_len < sizeof store->seen ? key_id_len : sizeof store->seen;
  memcpy(store->seen, key_id, store->seen_len);
  if (key_id_len != strlen(store->id) || memcmp(key_id, store->id, key_id_len) != 0) {
    return false;
  }
  *secret = store->secret;
  *secret_len = store->secret_len;
  return true;
}

/* 2020-06-01T12:00:00Z and five minutes later. */
static const int64_t SIGNED_AT = 1591012800;
static const int64_t NOW = 1591012800 + 300;

/* A query signed for POST https://mws.amazonservices.com/ at SIGNED_AT. */
static size_t signed_query(const char *secret, char *out, size_t cap) {
  mws_param params[] = {
      PARAM("AWSAccessKeyId", "AKID"),        PARAM("Action", "GetServiceStatus"),
      PARAM("SignatureMethod", "HmacSHA256"), PARAM("SignatureVersion", "2"),
      PARAM("Timestamp", "2020-06-01T12:00:00Z"),
  };
  mws_request r = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"), LIT("/"), params, 5};
  char sig[MWS_SIGN_SIGNATURE_LEN];
  size_t sig_len, len = 0;
  CHECK_STATUS(mws_sign(secret, strlen(secret), LIT("HmacSHA256"), &r, sig, sizeof sig, &sig_len,
                        out, cap, &len),
               MWS_STATUS_OK);
  return len;
}

static mws_status verify(const char *query, size_t query_len, int64_t now, key_store *store,
                         char *key_id, size_t *key_id_len) {
  mws_received_request r = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"), LIT("/"),
                            query,       query_len};
  return mws_verify(&r, now, 0, MWS_SIGN_DEFAULT_WINDOW_SECONDS, lookup, store, key_id,
                    MWS_SIGN_MAX_ACCESS_KEY_ID_LEN, key_id_len);
}

static void round_trip_and_callback(void) {
  char query[512], key_id[MWS_SIGN_MAX_ACCESS_KEY_ID_LEN];
  size_t query_len = signed_query("secret", query, sizeof query), key_id_len = 7777;
  key_store store = {"AKID", LIT("secret"), 0, {0}, 0};

  CHECK_STATUS(verify(query, query_len, NOW, &store, key_id, &key_id_len), MWS_STATUS_OK);
  CHECK_TEXT(key_id, key_id_len, "AKID");
  CHECK(store.calls == 1);
  CHECK_TEXT(store.seen, store.seen_len, "AKID");

  /* Unknown ID, wrong secret, empty secret, a NULL secret with a length. */
  key_store other = {"OTHER", LIT("secret"), 0, {0}, 0};
  key_id_len = 7777;
  memset(key_id, FILL, sizeof key_id);
  CHECK_STATUS(verify(query, query_len, NOW, &other, key_id, &key_id_len),
               MWS_STATUS_INVALID_ACCESS_KEY_ID);
  CHECK(other.calls == 1);
  key_store wrong = {"AKID", LIT("secreT"), 0, {0}, 0};
  CHECK_STATUS(verify(query, query_len, NOW, &wrong, key_id, &key_id_len),
               MWS_STATUS_SIGNATURE_DOES_NOT_MATCH);
  key_store empty = {"AKID", "", 0, 0, {0}, 0};
  CHECK_STATUS(verify(query, query_len, NOW, &empty, key_id, &key_id_len),
               MWS_STATUS_EMPTY_SECRET);
  key_store broken = {"AKID", NULL, 6, 0, {0}, 0};
  CHECK_STATUS(verify(query, query_len, NOW, &broken, key_id, &key_id_len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK(untouched(key_id, sizeof key_id) && key_id_len == 7777);

  /* The key ID output follows the size rules like any other. */
  mws_received_request r = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"), LIT("/"),
                            query,       query_len};
  CHECK_STATUS(mws_verify(&r, NOW, 0, 900, lookup, &store, key_id, 3, &key_id_len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(key_id_len == 4 && untouched(key_id, sizeof key_id));
  CHECK_STATUS(mws_verify(&r, NOW, 0, 900, lookup, &store, NULL, 0, &key_id_len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK_STATUS(mws_verify(&r, NOW, 0, 900, NULL, &store, key_id, 4, &key_id_len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_verify(NULL, NOW, 0, 900, lookup, &store, key_id, 4, &key_id_len),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_verify(&r, NOW, 0, 900, lookup, &store, key_id, 4, NULL),
               MWS_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(mws_verify(&r, NOW, 1000000000u, 900, lookup, &store, key_id, 4, &key_id_len),
               MWS_STATUS_INVALID_TIMESTAMP);
  r.host = "mws.amazonservices.com:0";
  r.host_len = strlen(r.host);
  CHECK_STATUS(mws_verify(&r, NOW, 0, 900, lookup, &store, key_id, 4, &key_id_len),
               MWS_STATUS_INVALID_HOST);
  r.query = "AWSAccessKeyId=AKID\xff";
  r.query_len = strlen(r.query);
  CHECK_STATUS(mws_verify(&r, NOW, 0, 900, lookup, &store, key_id, 4, &key_id_len),
               MWS_STATUS_INVALID_UTF8);
}

static void kinds(void) {
  key_store store = {"AKID", LIT("secret"), 0, {0}, 0};
  char key_id[MWS_SIGN_MAX_ACCESS_KEY_ID_LEN], query[512];
  size_t key_id_len;
  size_t query_len = signed_query("secret", query, sizeof query);
  const char *auth = "AWSAccessKeyId=AKID&Signature=x&SignatureMethod=HmacSHA256";
  char q[512];
#define VERIFY_KIND(text, now, want)                                                \
  do {                                                                              \
    snprintf(q, sizeof q, "%s", (text));                                            \
    CHECK_STATUS(verify(q, strlen(q), (now), &store, key_id, &key_id_len), (want)); \
  } while (0)

  VERIFY_KIND("a=%zz", NOW, MWS_STATUS_MALFORMED_QUERY);
  VERIFY_KIND("=1&a=2", NOW, MWS_STATUS_EMPTY_PARAMETER_NAME);
  VERIFY_KIND("a=1&a=2", NOW, MWS_STATUS_DUPLICATE_PARAMETER);
  VERIFY_KIND("Action=GetServiceStatus", NOW, MWS_STATUS_MISSING_PARAMETER);
  snprintf(q, sizeof q, "%s&SignatureVersion=2&Timestamp=2020-06-01T12:00:00Z"
                        "&Expires=2020-06-01T13:00:00Z", auth);
  CHECK_STATUS(verify(q, strlen(q), NOW, &store, key_id, &key_id_len),
               MWS_STATUS_TIMESTAMP_AND_EXPIRES);
  snprintf(q, sizeof q, "%s&SignatureVersion=1&Timestamp=2020-06-01T12:00:00Z", auth);
  CHECK_STATUS(verify(q, strlen(q), NOW, &store, key_id, &key_id_len),
               MWS_STATUS_UNSUPPORTED_SIGNATURE_VERSION);
  VERIFY_KIND("AWSAccessKeyId=AKID&Signature=x&SignatureMethod=HmacMD5&SignatureVersion=2"
              "&Timestamp=2020-06-01T12:00:00Z", NOW, MWS_STATUS_UNSUPPORTED_SIGNATURE_METHOD);
  snprintf(q, sizeof q, "%s&SignatureVersion=2&Timestamp=yesterday", auth);
  CHECK_STATUS(verify(q, strlen(q), NOW, &store, key_id, &key_id_len),
               MWS_STATUS_INVALID_TIMESTAMP);
  /* The window is 900 s each way; exactly at the edge is accepted. */
  CHECK_STATUS(verify(query, query_len, SIGNED_AT + 900, &store, key_id, &key_id_len),
               MWS_STATUS_OK);
  CHECK_STATUS(verify(query, query_len, SIGNED_AT + 901, &store, key_id, &key_id_len),
               MWS_STATUS_REQUEST_EXPIRED);
  CHECK_STATUS(verify(query, query_len, SIGNED_AT - 901, &store, key_id, &key_id_len),
               MWS_STATUS_TIMESTAMP_IN_FUTURE);
  /* One changed byte of the signed query. */
  query[query_len - 5] = query[query_len - 5] == 'A' ? 'B' : 'A';
  CHECK_STATUS(verify(query, query_len, NOW, &store, key_id, &key_id_len),
               MWS_STATUS_SIGNATURE_DOES_NOT_MATCH);
#undef VERIFY_KIND
}

void test_verify(void) {
  round_trip_and_callback();
  kinds();
}
