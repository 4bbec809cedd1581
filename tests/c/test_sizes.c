/*
 * Output sizes: (NULL, 0) is a size query, a buffer one byte short gets
 * INSUFFICIENT_SPACE with the needed length and stays untouched, an exact
 * fit succeeds without writing past the text, and two-output calls write
 * both or neither. No function has a parameter limit.
 */
#include <stdlib.h>

#include "check.h"

static const mws_param PARAMS[] = {
    PARAM("Action", "ListOrders"), PARAM("Version", "2013-09-01"),
    PARAM("Marketplace Id", "A\xc3\xa9/ ~"), /* needs encoding */
};
static const char CANONICAL[] =
    "Action=ListOrders&Marketplace%20Id=A%C3%A9%2F%20~&Version=2013-09-01";

static void size_query_then_fit(void) {
  size_t need = 7777;
  CHECK_STATUS(mws_canonical_query(PARAMS, 3, NULL, 0, &need), MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(need == strlen(CANONICAL));

  char buf[256];
  size_t len = 7777;
  memset(buf, FILL, sizeof buf);
  CHECK_STATUS(mws_canonical_query(PARAMS, 3, buf, need - 1, &len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(len == need);
  CHECK(untouched(buf, sizeof buf));

  len = 7777;
  CHECK_STATUS(mws_canonical_query(PARAMS, 3, buf, need, &len), MWS_STATUS_OK);
  CHECK_TEXT(buf, len, CANONICAL);
  CHECK(untouched(buf + need, sizeof buf - need));

  /* An empty output fits anywhere, even (NULL, 0): success, length 0. */
  len = 7777;
  CHECK_STATUS(mws_canonical_query(NULL, 0, NULL, 0, &len), MWS_STATUS_OK);
  CHECK(len == 0);
  mws_param only_signature[] = {PARAM("Signature", "stale")};
  len = 7777;
  CHECK_STATUS(mws_canonical_query(only_signature, 1, NULL, 0, &len), MWS_STATUS_OK);
  CHECK(len == 0);
}

static void fixed_lengths(void) {
  char buf[64];
  size_t len = 0;
  CHECK_STATUS(mws_timestamp_format(0, NULL, 0, &len), MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(len == MWS_SIGN_TIMESTAMP_LEN);
  CHECK_STATUS(mws_content_md5(LIT("mws"), NULL, 0, &len), MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(len == MWS_SIGN_CONTENT_MD5_LEN);

  mws_signer *sha256 = NULL, *sha1 = NULL;
  CHECK_STATUS(mws_signer_new(LIT("secret"), LIT("HmacSHA256"), &sha256), MWS_STATUS_OK);
  CHECK_STATUS(mws_signer_new(LIT("secret"), LIT("HmacSHA1"), &sha1), MWS_STATUS_OK);
  memset(buf, FILL, sizeof buf);
  CHECK_STATUS(mws_signer_sign_string(sha256, LIT("x"), buf, MWS_SIGN_SIGNATURE_LEN - 1, &len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(len == MWS_SIGN_SIGNATURE_LEN && untouched(buf, sizeof buf));
  CHECK_STATUS(mws_signer_sign_string(sha256, LIT("x"), buf, MWS_SIGN_SIGNATURE_LEN, &len),
               MWS_STATUS_OK);
  CHECK(len == MWS_SIGN_SIGNATURE_LEN);
  CHECK_STATUS(mws_signer_sign_string(sha1, LIT("x"), buf, MWS_SIGN_SHA1_SIGNATURE_LEN, &len),
               MWS_STATUS_OK);
  CHECK(len == MWS_SIGN_SHA1_SIGNATURE_LEN);
  mws_signer_free(sha256);
  mws_signer_free(sha1);
}

/* The length of a signature once percent-encoded: `+`, `/`, `=` take 3. */
static size_t encoded_len(const char *sig, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) n += (sig[i] == '+' || sig[i] == '/' || sig[i] == '=') ? 3 : 1;
  return n;
}

static void two_outputs_or_none(void) {
  mws_request r = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"), LIT("/"),
                   PARAMS,      3};
  char sig[64], query[256];
  size_t sig_len = 7777, query_len = 7777;
  CHECK_STATUS(mws_sign(LIT("secret"), LIT("HmacSHA256"), &r, sig, sizeof sig, &sig_len, query,
                        sizeof query, &query_len),
               MWS_STATUS_OK);
  size_t want_query = strlen(CANONICAL) + strlen("&Signature=") + encoded_len(sig, sig_len);
  CHECK(sig_len == MWS_SIGN_SIGNATURE_LEN && query_len == want_query);
  CHECK(memcmp(query, CANONICAL, strlen(CANONICAL)) == 0);

  /* The signature fits, the query does not: neither is written. */
  memset(sig, FILL, sizeof sig);
  memset(query, FILL, sizeof query);
  sig_len = query_len = 7777;
  CHECK_STATUS(mws_sign(LIT("secret"), LIT("HmacSHA256"), &r, sig, sizeof sig, &sig_len, query,
                        want_query - 1, &query_len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(untouched(sig, sizeof sig) && untouched(query, sizeof query));
  CHECK(sig_len == MWS_SIGN_SIGNATURE_LEN && query_len == want_query);

  /* The query fits, the signature does not: neither is written. */
  memset(sig, FILL, sizeof sig);
  memset(query, FILL, sizeof query);
  sig_len = query_len = 7777;
  CHECK_STATUS(mws_sign(LIT("secret"), LIT("HmacSHA256"), &r, sig, MWS_SIGN_SIGNATURE_LEN - 1,
                        &sig_len, query, sizeof query, &query_len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(untouched(sig, sizeof sig) && untouched(query, sizeof query));
  CHECK(sig_len == MWS_SIGN_SIGNATURE_LEN && query_len == want_query);

  /* Both size queries at once, then exact buffers. */
  sig_len = query_len = 7777;
  CHECK_STATUS(mws_sign(LIT("secret"), LIT("HmacSHA256"), &r, NULL, 0, &sig_len, NULL, 0,
                        &query_len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(sig_len == MWS_SIGN_SIGNATURE_LEN && query_len == want_query);
  CHECK_STATUS(mws_sign(LIT("secret"), LIT("HmacSHA256"), &r, sig, sig_len, &sig_len, query,
                        query_len, &query_len),
               MWS_STATUS_OK);
  CHECK(query_len == want_query && memcmp(query, CANONICAL, strlen(CANONICAL)) == 0);
  CHECK(untouched(sig + sig_len, sizeof sig - sig_len));
  CHECK(untouched(query + query_len, sizeof query - query_len));
}

static void no_parameter_limit(void) {
  /* 10,000 parameters: far past any fixed capacity (TOO_MANY_PARAMETERS is
   * unreachable from C: no function here has a limit). */
  enum { N = 10000 };
  mws_param *params = malloc(N * sizeof *params);
  char(*names)[8] = malloc(N * sizeof *names);
  CHECK(params != NULL && names != NULL);
  if (params == NULL || names == NULL) {
    free(params);
    free(names);
    return;
  }
  for (int i = 0; i < N; i++) {
    int n = snprintf(names[i], sizeof names[i], "P%05d", N - 1 - i);
    mws_param p = {names[i], (size_t)n, "v", 1};
    params[i] = p;
  }
  size_t len = 0;
  CHECK_STATUS(mws_canonical_query(params, N, NULL, 0, &len), MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(len == (size_t)N * strlen("P00000=v&") - 1);
  char *out = malloc(len);
  CHECK(out != NULL);
  if (out != NULL) {
    CHECK_STATUS(mws_canonical_query(params, N, out, len, &len), MWS_STATUS_OK);
    CHECK(memcmp(out, "P00000=v&P00001=v&", 18) == 0);
    CHECK(memcmp(out + len - 8, "P09999=v", 8) == 0);
  }
  /* Signed, its query (~90 KB) is far longer than any buffer the library
   * starts with: the size query reports it, and the exact buffer receives
   * the canonical query above, then the signature. */
  mws_request r = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"), LIT("/"),
                   params,      N};
  char sig[MWS_SIGN_SIGNATURE_LEN];
  size_t sig_len = 0, query_len = 0;
  CHECK_STATUS(mws_sign(LIT("secret"), LIT("HmacSHA256"), &r, NULL, 0, &sig_len, NULL, 0,
                        &query_len),
               MWS_STATUS_INSUFFICIENT_SPACE);
  CHECK(sig_len == sizeof sig && query_len > len + strlen("&Signature="));
  char *query = malloc(query_len);
  CHECK(query != NULL);
  if (out != NULL && query != NULL) {
    CHECK_STATUS(mws_sign(LIT("secret"), LIT("HmacSHA256"), &r, sig, sizeof sig, &sig_len, query,
                          query_len, &query_len),
                 MWS_STATUS_OK);
    CHECK(memcmp(query, out, len) == 0);
    CHECK(memcmp(query + len, "&Signature=", strlen("&Signature=")) == 0);
    CHECK(query_len == len + strlen("&Signature=") + encoded_len(sig, sig_len));
  }
  free(query);
  free(out);
  free(names);
  free(params);
}

void test_sizes(void) {
  size_query_then_fit();
  fixed_lengths();
  two_outputs_or_none();
  no_parameter_limit();
}
