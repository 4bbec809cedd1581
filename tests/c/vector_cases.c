/*
 * The case kinds of the shared vector format, each run through the public
 * C API only: sign (every stage), mac, reject, verify, content_md5,
 * timestamp. Outputs are sized with the API's own size query.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "mws_sign.h"
#include "vector_cases.h"

static int fail(why *w, const char *what, const char *detail) {
  snprintf(w->text, sizeof w->text, "%s%s", what, detail);
  return 0;
}

/* A text field of a case: its bytes and length (no NUL relied on). */
static int field(json_t *c, const char *name, const char **ptr, size_t *len, why *w) {
  json_t *v = json_object_get(c, name);
  if (!json_is_string(v)) {
    snprintf(w->text, sizeof w->text, "field '%s' missing or not a string", name);
    return 0;
  }
  *ptr = json_string_value(v);
  *len = json_string_length(v);
  return 1;
}

/* Appends up to `max` bytes of `s` to `out`, non-printable ones escaped. */
static void escape(char *out, size_t cap, const char *s, size_t len, size_t max) {
  size_t o = strlen(out);
  for (size_t i = 0; i < len && i < max && o + 5 < cap; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') {
      out[o++] = (char)ch;
      out[o] = '\0';
    } else {
      o += (size_t)snprintf(out + o, cap - o, "\\x%02x", ch);
    }
  }
}

/* Compares one stage; on a difference says which and where, on one line. */
static int stage(why *w, const char *name, const char *got, size_t got_len, const char *want,
                 size_t want_len) {
  if (got_len == want_len && memcmp(got, want, got_len) == 0) return 1;
  size_t at = 0;
  while (at < got_len && at < want_len && got[at] == want[at]) at++;
  size_t from = at > 16 ? at - 16 : 0;
  char a[256] = "", b[256] = "";
  escape(a, sizeof a, want + from, want_len - from, 48);
  escape(b, sizeof b, got + from, got_len - from, 48);
  snprintf(w->text, sizeof w->text,
           "%s differs: expected %zu bytes, got %zu; from byte %zu expected \"%s\", got \"%s\"",
           name, want_len, got_len, from, a, b);
  return 0;
}

/* Compares a stage with the case's field of the same name. */
static int stage_field(why *w, json_t *c, const char *name, const char *got, size_t got_len) {
  const char *want;
  size_t want_len;
  return field(c, name, &want, &want_len, w) && stage(w, name, got, got_len, want, want_len);
}

/* The parameters of a case as an array of mws_param (freed by the caller). */
static mws_param *params_of(json_t *c, size_t *n, why *w) {
  json_t *list = json_object_get(c, "params");
  if (!json_is_array(list)) {
    fail(w, "field 'params' missing or not a list", "");
    return NULL;
  }
  *n = json_array_size(list);
  mws_param *params = calloc(*n + 1, sizeof *params);
  for (size_t i = 0; params != NULL && i < *n; i++) {
    json_t *pair = json_array_get(list, i);
    json_t *name = json_array_get(pair, 0), *value = json_array_get(pair, 1);
    if (json_array_size(pair) != 2 || !json_is_string(name) || !json_is_string(value)) {
      free(params);
      fail(w, "a parameter is not a [name, value] pair of strings", "");
      return NULL;
    }
    mws_param p = {json_string_value(name), json_string_length(name), json_string_value(value),
                   json_string_length(value)};
    params[i] = p;
  }
  return params;
}

/* The inputs of a sign or reject case. */
typedef struct {
  const char *secret, *method_name;
  size_t secret_len, method_name_len;
  mws_request request;
  mws_param *params;
} sign_inputs;

static int inputs_of(json_t *c, sign_inputs *in, why *w) {
  memset(in, 0, sizeof *in);
  mws_request *r = &in->request;
  if (!field(c, "secret", &in->secret, &in->secret_len, w) ||
      !field(c, "signature_method", &in->method_name, &in->method_name_len, w) ||
      !field(c, "method", &r->method, &r->method_len, w) ||
      !field(c, "scheme", &r->scheme, &r->scheme_len, w) ||
      !field(c, "host", &r->host, &r->host_len, w) ||
      !field(c, "path", &r->path, &r->path_len, w)) {
    return 0;
  }
  in->params = params_of(c, &r->params_len, w);
  r->params = in->params;
  return in->params != NULL;
}

/* Runs a one-output stage twice: a size query, then into a fitting buffer. */
typedef mws_status (*stage_fn)(const mws_request *r, char *out, size_t cap, size_t *len);

static mws_status canonical_query(const mws_request *r, char *out, size_t cap, size_t *len) {
  return mws_canonical_query(r->params, r->params_len, out, cap, len);
}

static int check_stage(why *w, json_t *c, const char *name, stage_fn f, const mws_request *r) {
  size_t len = 0;
  mws_status st = f(r, NULL, 0, &len);
  char *buf = NULL;
  if (st == MWS_STATUS_INSUFFICIENT_SPACE) {
    buf = malloc(len);
    st = buf ? f(r, buf, len, &len) : MWS_STATUS_PANIC;
  }
  int ok = 0;
  if (st == MWS_STATUS_OK) {
    ok = stage_field(w, c, name, buf, len);
  } else {
    snprintf(w->text, sizeof w->text, "%s failed: %s", name, mws_status_kind(st));
  }
  free(buf);
  return ok;
}

int run_sign(json_t *c, why *w) {
  sign_inputs in;
  if (!inputs_of(c, &in, w)) return 0;
  int ok = check_stage(w, c, "canonical_query", canonical_query, &in.request) &&
           check_stage(w, c, "string_to_sign", mws_string_to_sign, &in.request);
  if (ok) {
    size_t sig_len = 0, query_len = 0;
    mws_status st = mws_sign(in.secret, in.secret_len, in.method_name, in.method_name_len,
                             &in.request, NULL, 0, &sig_len, NULL, 0, &query_len);
    char *sig = malloc(sig_len + 1), *query = malloc(query_len + 1);
    if (st == MWS_STATUS_INSUFFICIENT_SPACE && sig && query) {
      st = mws_sign(in.secret, in.secret_len, in.method_name, in.method_name_len, &in.request,
                    sig, sig_len, &sig_len, query, query_len, &query_len);
    }
    if (st != MWS_STATUS_OK) {
      ok = fail(w, "signing failed: ", mws_status_kind(st));
    } else {
      ok = stage_field(w, c, "signature", sig, sig_len) &&
           stage_field(w, c, "signed_query", query, query_len);
    }
    free(sig);
    free(query);
  }
  free(in.params);
  return ok;
}

int run_reject(json_t *c, why *w) {
  const char *want;
  size_t want_len;
  sign_inputs in;
  if (!field(c, "error", &want, &want_len, w) || !inputs_of(c, &in, w)) return 0;
  char sig[MWS_SIGN_SIGNATURE_LEN + 1] = "", query[1];
  size_t sig_len = 0, query_len = 0;
  /* A query buffer of 1 byte: a request that signs reports INSUFFICIENT_SPACE. */
  mws_status st = mws_sign(in.secret, in.secret_len, in.method_name, in.method_name_len,
                           &in.request, sig, sizeof sig, &sig_len, query, sizeof query, &query_len);
  free(in.params);
  if (st == MWS_STATUS_OK || st == MWS_STATUS_INSUFFICIENT_SPACE) {
    return fail(w, "expected an error, but it signed; expected ", want);
  }
  const char *kind = mws_status_kind(st);
  return stage(w, "error", kind, strlen(kind), want, want_len);
}

int run_mac(json_t *c, why *w) {
  const char *secret, *method, *sts;
  size_t secret_len, method_len, sts_len;
  if (!field(c, "secret", &secret, &secret_len, w) ||
      !field(c, "signature_method", &method, &method_len, w) ||
      !field(c, "string_to_sign", &sts, &sts_len, w)) {
    return 0;
  }
  mws_signer *signer = NULL;
  mws_status st = mws_signer_new(secret, secret_len, method, method_len, &signer);
  if (st != MWS_STATUS_OK) return fail(w, "keying failed: ", mws_status_kind(st));
  char sig[MWS_SIGN_SIGNATURE_LEN];
  size_t sig_len = 0;
  st = mws_signer_sign_string(signer, sts, sts_len, sig, sizeof sig, &sig_len);
  mws_signer_free(signer);
  if (st != MWS_STATUS_OK) return fail(w, "signing failed: ", mws_status_kind(st));
  return stage_field(w, c, "signature", sig, sig_len);
}

/* The verifier's key store: the case's "access_keys" object. */
static bool lookup(void *keys, const char *id, size_t id_len, const char **secret,
                   size_t *secret_len) {
  json_t *value = json_object_getn((json_t *)keys, id, id_len);
  if (!json_is_string(value)) return false;
  *secret = json_string_value(value);
  *secret_len = json_string_length(value);
  return true;
}

int run_verify(json_t *c, why *w) {
  mws_received_request r;
  const char *now_text, *want;
  size_t now_len, want_len;
  json_t *keys = json_object_get(c, "access_keys"), *window = json_object_get(c, "window_seconds");
  if (!field(c, "method", &r.method, &r.method_len, w) ||
      !field(c, "scheme", &r.scheme, &r.scheme_len, w) ||
      !field(c, "host", &r.host, &r.host_len, w) || !field(c, "path", &r.path, &r.path_len, w) ||
      !field(c, "query", &r.query, &r.query_len, w) || !field(c, "now", &now_text, &now_len, w) ||
      !field(c, "result", &want, &want_len, w)) {
    return 0;
  }
  if (!json_is_object(keys)) return fail(w, "field 'access_keys' missing or not an object", "");
  if (!json_is_integer(window) || json_integer_value(window) < 0 ||
      json_integer_value(window) > 0xffffffffLL) {
    return fail(w, "field 'window_seconds' missing or not a u32", "");
  }
  int64_t now_secs;
  uint32_t now_nanos;
  if (mws_timestamp_parse(now_text, now_len, &now_secs, &now_nanos) != MWS_STATUS_OK) {
    return fail(w, "field 'now' is not a timestamp", "");
  }
  char key_id[MWS_SIGN_MAX_ACCESS_KEY_ID_LEN];
  size_t key_id_len = 0;
  mws_status st = mws_verify(&r, now_secs, now_nanos, (uint32_t)json_integer_value(window), lookup,
                             keys, key_id, sizeof key_id, &key_id_len);
  const char *got = st == MWS_STATUS_OK ? "ok" : mws_status_kind(st);
  return stage(w, "result", got, strlen(got), want, want_len);
}

int run_content_md5(json_t *c, why *w) {
  const char *b64;
  size_t b64_len;
  if (!field(c, "body_base64", &b64, &b64_len, w)) return 0;
  unsigned char *body = malloc(b64_len / 4 * 3 + 1);
  long body_len = body ? base64_decode(b64, b64_len, body) : -1;
  if (body_len < 0) {
    free(body);
    return fail(w, "field 'body_base64' is not Base64", "");
  }
  char md5[MWS_SIGN_CONTENT_MD5_LEN], pieces[MWS_SIGN_CONTENT_MD5_LEN];
  size_t md5_len = 0, pieces_len = 0;
  mws_status st = mws_content_md5(body, (size_t)body_len, md5, sizeof md5, &md5_len);
  /* The same body through the incremental hasher, in two pieces. */
  mws_content_md5_hasher *h = NULL;
  mws_status st2 = mws_content_md5_hasher_new(&h);
  size_t half = (size_t)body_len / 2;
  if (st2 == MWS_STATUS_OK) st2 = mws_content_md5_hasher_update(h, body, half);
  if (st2 == MWS_STATUS_OK) st2 = mws_content_md5_hasher_update(h, body + half, (size_t)body_len - half);
  if (st2 == MWS_STATUS_OK) st2 = mws_content_md5_hasher_finish(h, pieces, sizeof pieces, &pieces_len);
  mws_content_md5_hasher_free(h);
  free(body);
  if (st != MWS_STATUS_OK) return fail(w, "content_md5 failed: ", mws_status_kind(st));
  if (st2 != MWS_STATUS_OK) return fail(w, "incremental content_md5 failed: ", mws_status_kind(st2));
  return stage_field(w, c, "content_md5", md5, md5_len) &&
         stage_field(w, c, "content_md5", pieces, pieces_len);
}

int run_timestamp(json_t *c, why *w) {
  json_t *ms = json_object_get(c, "unix_ms");
  if (!json_is_integer(ms)) return fail(w, "field 'unix_ms' missing or not an integer", "");
  char text[MWS_SIGN_TIMESTAMP_LEN];
  size_t len = 0;
  mws_status st = mws_timestamp_format((int64_t)json_integer_value(ms), text, sizeof text, &len);
  if (st != MWS_STATUS_OK) return fail(w, "formatting failed: ", mws_status_kind(st));
  return stage_field(w, c, "formatted", text, len);
}
