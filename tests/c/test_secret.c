/*
 * Secret hygiene: a canary secret pushed through failing calls never shows
 * up in a status message, a kind name, or any output; successful outputs
 * do not carry it either (a signature is a MAC, not the key).
 */
#include "check.h"

#define CANARY "CANARY-9c1f-do-not-print"

/* Whether `len` bytes at `buf` contain the canary (or its first half). */
static int contains_canary(const char *buf, size_t len) {
  const char *needles[] = {CANARY, "CANARY-9c1f"};
  for (size_t k = 0; k < 2; k++) {
    size_t n = strlen(needles[k]);
    for (size_t i = 0; i + n <= len; i++) {
      if (memcmp(buf + i, needles[k], n) == 0) return 1;
    }
  }
  return 0;
}

/* Every text the library could show for this status is canary-free. */
static void check_messages(mws_status st) {
  CHECK(st != MWS_STATUS_OK);
  const char *message = mws_status_str(st), *kind = mws_status_kind(st);
  CHECK(!contains_canary(message, strlen(message)));
  CHECK(!contains_canary(kind, strlen(kind)));
}

static bool canary_lookup(void *user_data, const char *key_id, size_t key_id_len,
                          const char **secret, size_t *secret_len) {
  (void)user_data;
  (void)key_id;
  (void)key_id_len;
  *secret = CANARY;
  *secret_len = strlen(CANARY);
  return true;
}

void test_secret(void) {
  mws_param params[] = {PARAM("Action", "GetServiceStatus"), PARAM("SignatureVersion", "2")};
  mws_param mismatch[] = {PARAM("SignatureMethod", "HmacSHA1")};
  mws_request bad_host = {LIT("POST"), LIT("https"), LIT("bad host"), LIT("/"), params, 2};
  mws_request good = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"), LIT("/"), params,
                      2};
  mws_request wrong_method = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"), LIT("/"),
                              mismatch,    1};
  char sig[64], out[1024];
  size_t sig_len, out_len;
  memset(sig, FILL, sizeof sig);
  memset(out, FILL, sizeof out);

  mws_status st = mws_sign(LIT(CANARY), LIT("HmacSHA256"), &bad_host, sig, sizeof sig, &sig_len,
                           out, sizeof out, &out_len);
  check_messages(st);
  st = mws_sign(LIT(CANARY), LIT("HmacSHA512"), &good, sig, sizeof sig, &sig_len, out, sizeof out,
                &out_len);
  check_messages(st);
  st = mws_sign(LIT(CANARY), LIT("HmacSHA256"), &wrong_method, sig, sizeof sig, &sig_len, out,
                sizeof out, &out_len);
  check_messages(st);
  st = mws_sign_url(LIT(CANARY), LIT("HmacSHA256"), &bad_host, true, out, sizeof out, &out_len);
  check_messages(st);

  mws_signer *signer = NULL;
  st = mws_signer_new(LIT(CANARY), LIT("hmacsha256"), &signer);
  check_messages(st);
  CHECK(signer == NULL);
  CHECK_STATUS(mws_signer_new(LIT(CANARY), LIT("HmacSHA256"), &signer), MWS_STATUS_OK);
  st = mws_signer_sign(signer, &bad_host, sig, sizeof sig, &sig_len, out, sizeof out, &out_len);
  check_messages(st);
  st = mws_signer_sign_string(signer, LIT("x"), out, 3, &out_len);
  check_messages(st);

  mws_credentials *creds = NULL;
  CHECK_STATUS(mws_credentials_new_with_signer(signer, LIT("AKID"), LIT(""), NULL, 0, &creds),
               MWS_STATUS_OK);
  mws_call call = {LIT("https"), LIT("mws.amazonservices.com"), mws_section_from_name(LIT("Orders")),
                   LIT("ListOrders"), NULL, 0, LIT("2020-06-01T12:00:00Z"), NULL, 0};
  char url[256];
  size_t url_len;
  memset(url, FILL, sizeof url);
  st = mws_credentials_sign(creds, &call, url, sizeof url, &url_len, out, sizeof out, &out_len);
  check_messages(st);

  mws_received_request received = {LIT("POST"), LIT("https"), LIT("mws.amazonservices.com"),
                                   LIT("/"),
                                   LIT("AWSAccessKeyId=AKID&Action=x&Signature=bad"
                                       "&SignatureMethod=HmacSHA256&SignatureVersion=2"
                                       "&Timestamp=2020-06-01T12:00:00Z")};
  st = mws_verify(&received, 1591012800, 0, 900, canary_lookup, NULL, out, sizeof out, &out_len);
  check_messages(st);
  CHECK(untouched(sig, sizeof sig) && untouched(out, sizeof out) && untouched(url, sizeof url));

  /* Successful outputs hold the signature, never the key. */
  CHECK_STATUS(mws_signer_sign(signer, &good, sig, sizeof sig, &sig_len, out, sizeof out,
                               &out_len),
               MWS_STATUS_OK);
  CHECK(!contains_canary(sig, sig_len) && !contains_canary(out, out_len));
  mws_credentials_free(creds);
  mws_signer_free(signer);
}
