/*
 * Times the C API against OpenSSL's HMAC-SHA256 on the requests of
 * shared/bench/workloads.json, interleaved in one run:
 *
 * - floor: OpenSSL's HMAC-SHA256 of the ready-made string to sign through
 *   EVP_MAC on a context made once, keyed on every call: the least a C
 *   program that builds the string itself must spend (it is not a signer: no
 *   sorting, encoding or Base64);
 * - OpenSSL's one-shot HMAC() of the same string, which also looks the
 *   algorithm up and allocates a context on every call;
 * - mws_sign: one call from the secret and the unsorted parameters to the
 *   signature and the signed query (the C API always writes both);
 * - mws_signer_sign: the same with a pre-keyed signer;
 * - mws_signer_sign_string: the pre-keyed MAC stage alone, over the ready
 *   string to sign.
 *
 * Every implementation's output is checked against the workload's expected
 * signature before anything is timed. Each round times every implementation
 * once (a batch calibrated to ~20 ms); the figures are medians over rounds.
 *
 *   ffi-c/bench/run [ROUNDS]      (builds the library and this program)
 */
#define _POSIX_C_SOURCE 199309L
#include <jansson.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../include/mws_sign.h"
#include "../../tests/c/base64.h"

#define MAX_IMPLS 5
#define MAX_ROUNDS 101

typedef struct workload {
    const char *name;
    const char *secret;
    size_t secret_len;
    const char *string_to_sign;
    size_t string_to_sign_len;
    const char *signature;
    size_t signature_len;
    unsigned char tag[48]; /* the signature decoded: what HMAC() must give */
    long tag_len;
    mws_request request;
    mws_param *params;
    mws_signer *signer;
    char *query;
    size_t query_cap;
} workload;

/* One implementation: runs one signature of `w`, returns 0 when its output is
 * the expected one (checked before timing, ignored while timing). */
typedef int (*impl_fn)(workload *w);

static const char *text(json_t *obj, const char *key) {
    const char *s = json_string_value(json_object_get(obj, key));
    if (s == NULL) {
        fprintf(stderr, "bench: workload field '%s' missing\n", key);
        exit(2);
    }
    return s;
}

static void set_text(const char **ptr, size_t *len, const char *s) {
    *ptr = s;
    *len = strlen(s);
}

/* The EVP_MAC context the floor re-keys on every call (made once). */
static EVP_MAC_CTX *mac_ctx;

static int floor_evp_mac(workload *w) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t mac_len = 0;
    if (!EVP_MAC_init(mac_ctx, (const unsigned char *)w->secret, w->secret_len, NULL) ||
        !EVP_MAC_update(mac_ctx, (const unsigned char *)w->string_to_sign, w->string_to_sign_len) ||
        !EVP_MAC_final(mac_ctx, mac, &mac_len, sizeof mac))
        return 1;
    return (long)mac_len == w->tag_len && memcmp(mac, w->tag, mac_len) == 0 ? 0 : 1;
}

static int one_shot_openssl(workload *w) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    HMAC(EVP_sha256(), w->secret, (int)w->secret_len, (const unsigned char *)w->string_to_sign,
         w->string_to_sign_len, mac, &mac_len);
    return (long)mac_len == w->tag_len && memcmp(mac, w->tag, mac_len) == 0 ? 0 : 1;
}

static int check_signature(const char *sig, size_t len, const workload *w) {
    return len == w->signature_len && memcmp(sig, w->signature, len) == 0 ? 0 : 1;
}

static int one_call(workload *w) {
    char sig[64];
    size_t sig_len = 0, query_len = 0;
    enum mws_status s = mws_sign(w->secret, w->secret_len, "HmacSHA256", 10, &w->request, sig,
                                 sizeof sig, &sig_len, w->query, w->query_cap, &query_len);
    return s == MWS_STATUS_OK ? check_signature(sig, sig_len, w) : 1;
}

static int pre_keyed(workload *w) {
    char sig[64];
    size_t sig_len = 0, query_len = 0;
    enum mws_status s = mws_signer_sign(w->signer, &w->request, sig, sizeof sig, &sig_len,
                                        w->query, w->query_cap, &query_len);
    return s == MWS_STATUS_OK ? check_signature(sig, sig_len, w) : 1;
}

static int mac_stage(workload *w) {
    char sig[64];
    size_t sig_len = 0;
    enum mws_status s = mws_signer_sign_string(w->signer, w->string_to_sign, w->string_to_sign_len,
                                               sig, sizeof sig, &sig_len);
    return s == MWS_STATUS_OK ? check_signature(sig, sig_len, w) : 1;
}

static const struct {
    const char *label;
    impl_fn run;
} IMPLS[MAX_IMPLS] = {
    {"floor: OpenSSL EVP_MAC HMAC-SHA256 of the ready string, keyed per call", floor_evp_mac},
    {"OpenSSL one-shot HMAC() of the ready string", one_shot_openssl},
    {"mws_sign (one call: signature + signed query)", one_call},
    {"mws_signer_sign (pre-keyed: signature + signed query)", pre_keyed},
    {"mws_signer_sign_string (pre-keyed MAC of the ready string)", mac_stage},
};

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* The sink the results go to, so the calls cannot be optimized away. */
static volatile int sink;

static double time_batch(impl_fn run, workload *w, long count) {
    double start = now_ns();
    int acc = 0;
    for (long i = 0; i < count; i++) acc += run(w);
    sink += acc;
    return (now_ns() - start) / (double)count;
}

static long calibrate(impl_fn run, workload *w) {
    long count = 1;
    for (;;) {
        double per_call = time_batch(run, w, count);
        if (per_call * (double)count >= 2e6 || count >= (1L << 26)) {
            long target = (long)(20e6 / (per_call > 1 ? per_call : 1));
            return target > 0 ? target : 1;
        }
        count *= 10;
    }
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void load(workload *w, json_t *c) {
    w->name = text(c, "name");
    w->secret = text(c, "secret");
    w->string_to_sign = text(c, "string_to_sign");
    w->signature = text(c, "signature");
    w->secret_len = strlen(w->secret);
    w->string_to_sign_len = strlen(w->string_to_sign);
    w->signature_len = strlen(w->signature);
    w->tag_len = base64_decode(w->signature, w->signature_len, w->tag);
    json_t *params = json_object_get(c, "params");
    size_t n = json_array_size(params);
    w->params = calloc(n ? n : 1, sizeof *w->params);
    for (size_t i = 0; i < n; i++) {
        json_t *p = json_array_get(params, i);
        set_text(&w->params[i].name, &w->params[i].name_len, json_string_value(json_array_get(p, 0)));
        set_text(&w->params[i].value, &w->params[i].value_len, json_string_value(json_array_get(p, 1)));
    }
    mws_request *r = &w->request;
    set_text(&r->method, &r->method_len, text(c, "method"));
    set_text(&r->scheme, &r->scheme_len, text(c, "scheme"));
    set_text(&r->host, &r->host_len, text(c, "host"));
    set_text(&r->path, &r->path_len, text(c, "path"));
    r->params = w->params;
    r->params_len = n;
    w->query_cap = strlen(text(c, "signed_query")) + 1;
    w->query = malloc(w->query_cap);
    if (mws_signer_new(w->secret, w->secret_len, "HmacSHA256", 10, &w->signer) != MWS_STATUS_OK) {
        fprintf(stderr, "bench: %s: mws_signer_new failed\n", w->name);
        exit(1);
    }
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "../shared/bench/workloads.json";
    int rounds = argc > 2 ? atoi(argv[2]) : 31;
    if (rounds < 1 || rounds > MAX_ROUNDS) rounds = 31;
    json_error_t error;
    json_t *doc = json_load_file(path, 0, &error);
    if (doc == NULL) {
        fprintf(stderr, "bench: %s: %s\n", path, error.text);
        return 2;
    }
    json_t *cases = json_object_get(doc, "sign");
    EVP_MAC *hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    mac_ctx = hmac ? EVP_MAC_CTX_new(hmac) : NULL;
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                           OSSL_PARAM_construct_end()};
    if (mac_ctx == NULL || !EVP_MAC_CTX_set_params(mac_ctx, params)) {
        fprintf(stderr, "bench: OpenSSL has no HMAC-SHA256\n");
        return 2;
    }
    printf("mws-sign %s, %d interleaved rounds; ns per call: median; x floor: median of per-round ratios\n",
           mws_version(), rounds);
    for (size_t k = 0; k < json_array_size(cases); k++) {
        workload w = {0};
        load(&w, json_array_get(cases, k));
        long counts[MAX_IMPLS];
        for (int i = 0; i < MAX_IMPLS; i++) {
            if (IMPLS[i].run(&w) != 0) {
                fprintf(stderr, "bench: %s: %s gives a wrong signature\n", w.name, IMPLS[i].label);
                return 1;
            }
            counts[i] = calibrate(IMPLS[i].run, &w);
        }
        static double times[MAX_IMPLS][MAX_ROUNDS], ratios[MAX_IMPLS][MAX_ROUNDS];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < MAX_IMPLS; i++) times[i][r] = time_batch(IMPLS[i].run, &w, counts[i]);
            for (int i = 0; i < MAX_IMPLS; i++) ratios[i][r] = times[i][r] / times[0][r];
        }
        printf("\n%s\n", w.name);
        double one_call_ratio = 0;
        for (int i = 0; i < MAX_IMPLS; i++) {
            double t = median(times[i], rounds), x = median(ratios[i], rounds);
            if (IMPLS[i].run == one_call) one_call_ratio = x;
            printf("%10.0f ns %6.2fx floor  %s\n", t, x, IMPLS[i].label);
        }
        printf("ratio %s %.2f\n", w.name, one_call_ratio);
        mws_signer_free(w.signer);
        free(w.params);
        free(w.query);
    }
    json_decref(doc);
    EVP_MAC_CTX_free(mac_ctx);
    EVP_MAC_free(hmac);
    return sink == -1;
}
