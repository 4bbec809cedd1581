/*
 * example.c: sign an MWS ListOrders call with libmws_sign and print the
 * HTTP request to send. Build (see ffi-c/README.md):
 *   cc example.c $(pkg-config --cflags --libs mws_sign) -o example
 */
#include <mws_sign.h>
#include <stdio.h>
#include <string.h>

/* A NUL-terminated C string as the (pointer, length) pair the API takes. */
#define TEXT(s) (s), strlen(s)

static int fail(const char *call, mws_status st) {
  fprintf(stderr, "%s: %s (%s)\n", call, mws_status_str(st), mws_status_kind(st));
  return 1;
}

int main(void) {
  /* The developer's keys and the seller who delegated access (examples). */
  mws_credentials *creds = NULL;
  mws_status st = mws_credentials_new(
      TEXT("AKIAIOSFODNN7EXAMPLE"), TEXT("mwsSignTestSecret/K7MDENG+bPxRfiCYEXAMPLE"),
      TEXT("A2SELLEREXAMPLE1"), TEXT("amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE"), &creds);
  if (st != MWS_STATUS_OK) return fail("mws_credentials_new", st);

  /* The timestamp: a fixed instant here; in real use the current time, e.g.
   * clock_gettime(CLOCK_REALTIME, &t) -> t.tv_sec * 1000 + t.tv_nsec / 1000000. */
  char timestamp[MWS_SIGN_TIMESTAMP_LEN];
  size_t timestamp_len;
  st = mws_timestamp_format(1591014896000, timestamp, sizeof timestamp, &timestamp_len);
  if (st != MWS_STATUS_OK) return fail("mws_timestamp_format", st);

  const mws_marketplace *us = mws_marketplace_from_code(TEXT("US"));
  mws_str host = mws_marketplace_host(us), marketplace_id = mws_marketplace_id(us);
  mws_param params[] = {
      {TEXT("LastUpdatedAfter"), TEXT("2020-05-31T00:00:00.000Z")},
      {TEXT("MarketplaceId.Id.1"), marketplace_id.data, marketplace_id.len},
  };
  mws_call call = {
      TEXT("https"),        host.data, host.len, mws_section_from_name(TEXT("Orders")),
      TEXT("ListOrders"),   params,    2,        timestamp,
      timestamp_len,        NULL,      0, /* no feed: no Content-MD5 */
  };
  char url[512], body[2048];
  size_t url_len, body_len;
  st = mws_credentials_sign(creds, &call, url, sizeof url, &url_len, body, sizeof body, &body_len);
  mws_credentials_free(creds); /* wipes the key state */
  if (st != MWS_STATUS_OK) return fail("mws_credentials_sign", st);

  mws_param attributes[] = {{TEXT("Language"), TEXT("C/99")}};
  char agent[256];
  size_t agent_len;
  st = mws_user_agent(TEXT("example"), TEXT("1.0"), attributes, 1, agent, sizeof agent,
                      &agent_len);
  if (st != MWS_STATUS_OK) return fail("mws_user_agent", st);

  /* Outputs are not NUL-terminated: print them with their lengths. */
  mws_str content_type = mws_form_content_type();
  printf("POST %.*s\n", (int)url_len, url);
  printf("Content-Type: %.*s\n", (int)content_type.len, content_type.data);
  printf("User-Agent: %.*s\n\n", (int)agent_len, agent);
  printf("%.*s\n", (int)body_len, body);
  return 0;
}
