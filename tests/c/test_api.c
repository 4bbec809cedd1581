/*
 * The API's results against independent expectations: the AWS EMR example
 * of the SigV2 documentation, the MWS tables of the spec, well-known MD5
 * values, timestamps, the User-Agent rules; and one signer shared by
 * several threads.
 */
#include <pthread.h>

#include "check.h"

#define CHECK_STR(s, want) CHECK_TEXT((s).data, (s).len, want)

/* "Signature Version 2 signing process", AWS General Reference. */
static const mws_param EMR_PARAMS[] = {
    PARAM("Action", "DescribeJobFlows"),     PARAM("Version", "2009-03-31"),
    PARAM("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE"), PARAM("SignatureVersion", "2"),
    PARAM("SignatureMethod", "HmacSHA256"), PARAM("Timestamp", "2011-10-03T15:19:30"),
};
static const char EMR_SECRET[] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
static const char EMR_SIGNATURE[] = "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=";
static const char EMR_QUERY[] =
    "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256"
    "&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31"
    "&Signature=i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D";

static mws_request emr_request(void) {
  mws_request r = {LIT("GET"), LIT("https"), LIT("elasticmapreduce.amazonaws.com"), LIT("/"),
                   EMR_PARAMS, sizeof EMR_PARAMS / sizeof EMR_PARAMS[0]};
  return r;
}

static void signing(void) {
  mws_request r = emr_request();
  char sig[MWS_SIGN_SIGNATURE_LEN], query[512], url[600];
  size_t sig_len, query_len, url_len;
  CHECK_STATUS(mws_sign(EMR_SECRET, strlen(EMR_SECRET), LIT("HmacSHA256"), &r, sig, sizeof sig,
                        &sig_len, query, sizeof query, &query_len),
               MWS_STATUS_OK);
  CHECK_TEXT(sig, sig_len, EMR_SIGNATURE);
  CHECK_TEXT(query, query_len, EMR_QUERY);

  mws_signer *signer = NULL;
  CHECK_STATUS(mws_signer_new(EMR_SECRET, strlen(EMR_SECRET), LIT("HmacSHA256"), &signer),
               MWS_STATUS_OK);
  CHECK_STR(mws_signer_signature_method(signer), "HmacSHA256");
  CHECK_STATUS(mws_signer_sign(signer, &r, sig, sizeof sig, &sig_len, query, sizeof query,
                               &query_len),
               MWS_STATUS_OK);
  CHECK_TEXT(sig, sig_len, EMR_SIGNATURE);
  CHECK_TEXT(query, query_len, EMR_QUERY);

  CHECK_STATUS(mws_string_to_sign(&r, url, sizeof url, &url_len), MWS_STATUS_OK);
  CHECK_STATUS(mws_signer_sign_string(signer, url, url_len, sig, sizeof sig, &sig_len),
               MWS_STATUS_OK);
  CHECK_TEXT(sig, sig_len, EMR_SIGNATURE);

  CHECK_STATUS(mws_signer_sign_url(signer, &r, true, url, sizeof url, &url_len), MWS_STATUS_OK);
  CHECK(url_len == strlen("https://elasticmapreduce.amazonaws.com/?") + strlen(EMR_QUERY));
  CHECK(memcmp(url, "https://elasticmapreduce.amazonaws.com/?", 40) == 0);
  CHECK(memcmp(url + 40, EMR_QUERY, strlen(EMR_QUERY)) == 0);
  mws_signer_free(signer);

  /* The URL carries the host and path as signed: lowercased, port 443 dropped. */
  mws_request upper = {LIT("post"), LIT("HTTPS"), LIT("MWS.AmazonServices.com:443"),
                       LIT("/Orders/2013-09-01"), NULL, 0};
  CHECK_STATUS(mws_sign_url(LIT("secret"), LIT("HmacSHA1"), &upper, false, url, sizeof url,
                            &url_len),
               MWS_STATUS_OK);
  CHECK_TEXT(url, url_len, "https://mws.amazonservices.com/Orders/2013-09-01");
}

typedef struct {
  mws_signer *signer;
  int mismatches;
} worker;

static void *sign_many(void *arg) {
  worker *w = (worker *)arg;
  mws_request r = emr_request();
  for (int i = 0; i < 200; i++) {
    char sig[MWS_SIGN_SIGNATURE_LEN], query[512];
    size_t sig_len, query_len;
    mws_status st = mws_signer_sign(w->signer, &r, sig, sizeof sig, &sig_len, query,
                                    sizeof query, &query_len);
    if (st != MWS_STATUS_OK || sig_len != strlen(EMR_SIGNATURE) ||
        memcmp(sig, EMR_SIGNATURE, sig_len) != 0) {
      w->mismatches++;
    }
  }
  return NULL;
}

static void one_signer_many_threads(void) {
  mws_signer *signer = NULL;
  CHECK_STATUS(mws_signer_new(EMR_SECRET, strlen(EMR_SECRET), LIT("HmacSHA256"), &signer),
               MWS_STATUS_OK);
  pthread_t threads[4];
  worker workers[4];
  for (int i = 0; i < 4; i++) {
    workers[i].signer = signer;
    workers[i].mismatches = 0;
    CHECK(pthread_create(&threads[i], NULL, sign_many, &workers[i]) == 0);
  }
  for (int i = 0; i < 4; i++) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(workers[i].mismatches == 0);
  }
  mws_signer_free(signer);
}

static void tables(void) {
  size_t n = mws_marketplace_count();
  CHECK(n >= 20);
  for (size_t i = 0; i < n; i++) {
    const mws_marketplace *m = mws_marketplace_get(i);
    CHECK(m != NULL && mws_marketplace_code(m).len == 2);
    mws_str id = mws_marketplace_id(m);
    CHECK(mws_marketplace_from_id(id.data, id.len) == m);
  }
  CHECK(mws_marketplace_get(n) == NULL);
  const mws_marketplace *de = mws_marketplace_from_code(LIT("de"));
  CHECK_STR(mws_marketplace_code(de), "DE");
  CHECK_STR(mws_marketplace_id(de), "A1PA6795UKMFR9");
  CHECK_STR(mws_marketplace_host(de), "mws-eu.amazonservices.com");
  CHECK_STR(mws_marketplace_region(de), "EU");
  CHECK_STR(mws_marketplace_id(mws_marketplace_from_code(LIT("US"))), "ATVPDKIKX0DER");
  CHECK_STR(mws_marketplace_code(mws_marketplace_from_code(LIT("UK"))), "GB");
  CHECK_STR(mws_marketplace_region(mws_marketplace_from_code(LIT("JP"))), "FE");
  CHECK(mws_marketplace_from_code(LIT("XX")) == NULL);
  CHECK(mws_marketplace_from_id(LIT("a1pa6795ukmfr9")) == NULL);

  size_t sections = mws_section_count();
  CHECK(sections >= 10 && mws_section_get(sections) == NULL);
  const mws_section *orders = mws_section_from_name(LIT("orders"));
  CHECK_STR(mws_section_name(orders), "Orders");
  CHECK_STR(mws_section_path(orders), "/Orders/2013-09-01");
  CHECK_STR(mws_section_version(orders), "2013-09-01");
  CHECK_STR(mws_section_seller_parameter(orders), "SellerId");
  const mws_section *feeds = mws_section_from_name(LIT("Feeds"));
  CHECK_STR(mws_section_path(feeds), "/");
  CHECK_STR(mws_section_version(feeds), "2009-01-01");
  CHECK_STR(mws_section_seller_parameter(feeds), "Merchant");
  CHECK(mws_section_from_name(LIT("Order")) == NULL);
  CHECK_STR(mws_form_content_type(), "application/x-www-form-urlencoded; charset=utf-8");
}

static void timestamps(void) {
  char out[MWS_SIGN_TIMESTAMP_LEN];
  size_t len;
  CHECK_STATUS(mws_timestamp_format(0, out, sizeof out, &len), MWS_STATUS_OK);
  CHECK_TEXT(out, len, "1970-01-01T00:00:00.000Z");
  CHECK_STATUS(mws_timestamp_format(-1, out, sizeof out, &len), MWS_STATUS_OK);
  CHECK_TEXT(out, len, "1969-12-31T23:59:59.999Z");
  CHECK_STATUS(mws_timestamp_format(1591014896007LL, out, sizeof out, &len), MWS_STATUS_OK);
  CHECK_TEXT(out, len, "2020-06-01T12:34:56.007Z");

  int64_t secs;
  uint32_t nanos;
  CHECK_STATUS(mws_timestamp_parse(LIT("2009-02-04T08:03:50-07"), &secs, &nanos), MWS_STATUS_OK);
  CHECK(secs == 1233759830 && nanos == 0);
  CHECK_STATUS(mws_timestamp_parse(LIT("1969-12-31T23:59:59.5Z"), &secs, &nanos), MWS_STATUS_OK);
  CHECK(secs == -1 && nanos == 500000000u);
}

static void content_md5(void) {
  char out[MWS_SIGN_CONTENT_MD5_LEN];
  size_t len;
  CHECK_STATUS(mws_content_md5(LIT("mws"), out, sizeof out, &len), MWS_STATUS_OK);
  CHECK_TEXT(out, len, "mA5nPbh1CSx9M3dbkr3Cyg==");
  CHECK_STATUS(mws_content_md5(NULL, 0, out, sizeof out, &len), MWS_STATUS_OK);
  CHECK_TEXT(out, len, "1B2M2Y8AsgTpgAmY7PhCfg=="); /* MD5 of no bytes */

  mws_content_md5_hasher *h = NULL;
  CHECK_STATUS(mws_content_md5_hasher_new(&h), MWS_STATUS_OK);
  CHECK_STATUS(mws_content_md5_hasher_update(h, LIT("m")), MWS_STATUS_OK);
  CHECK_STATUS(mws_content_md5_hasher_update(h, NULL, 0), MWS_STATUS_OK);
  CHECK_STATUS(mws_content_md5_hasher_update(h, LIT("ws")), MWS_STATUS_OK);
  CHECK_STATUS(mws_content_md5_hasher_finish(h, out, sizeof out, &len), MWS_STATUS_OK);
  CHECK_TEXT(out, len, "mA5nPbh1CSx9M3dbkr3Cyg==");
  /* Finishing reads without consuming: the same again, then more bytes. */
  CHECK_STATUS(mws_content_md5_hasher_finish(h, out, sizeof out, &len), MWS_STATUS_OK);
  CHECK_TEXT(out, len, "mA5nPbh1CSx9M3dbkr3Cyg==");
  CHECK_STATUS(mws_content_md5_hasher_update(h, LIT("!")), MWS_STATUS_OK);
  CHECK_STATUS(mws_content_md5_hasher_finish(h, out, sizeof out, &len), MWS_STATUS_OK);
  CHECK(len == 24 && memcmp(out, "mA5nPbh1CSx9M3dbkr3Cyg==", 24) != 0);
  mws_content_md5_hasher_free(h);
}

static void user_agent(void) {
  mws_param attributes[] = {PARAM("Language", "C/99"), PARAM("Platform", "Linux;  x86_64")};
  char out[128];
  size_t len;
  CHECK_STATUS(mws_user_agent(LIT("My/Tool"), LIT("1.0 (beta)"), attributes, 2, out, sizeof out,
                              &len),
               MWS_STATUS_OK);
  CHECK_TEXT(out, len, "My\\/Tool/1.0 \\(beta) (Language=C/99; Platform=Linux\\; x86_64)");
  CHECK_STATUS(mws_user_agent(LIT("app"), LIT("2"), NULL, 0, out, sizeof out, &len),
               MWS_STATUS_OK);
  CHECK_TEXT(out, len, "app/2");
}

static void version(void) {
  char want[32];
  snprintf(want, sizeof want, "%d.%d.%d", MWS_SIGN_VERSION_MAJOR, MWS_SIGN_VERSION_MINOR,
           MWS_SIGN_VERSION_PATCH);
  CHECK(strcmp(mws_version(), want) == 0);
}

void test_api(void) {
  signing();
  one_signer_many_threads();
  tables();
  timestamps();
  content_md5();
  user_agent();
  version();
}
