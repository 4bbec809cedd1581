/*
 * Tiny test helpers shared by the C tests: CHECK records a failure with its
 * line and goes on, so one run reports every broken expectation.
 */
#ifndef MWS_C_TESTS_CHECK_H
#define MWS_C_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

#include "mws_sign.h"

extern int checks_run;
extern int checks_failed;

#define CHECK(cond)                                                          \
  do {                                                                       \
    checks_run++;                                                            \
    if (!(cond)) {                                                           \
      checks_failed++;                                                       \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

/* A status equals an expected one; on failure both kinds are printed. */
#define CHECK_STATUS(got, want)                                              \
  do {                                                                       \
    int got_ = (int)(got), want_ = (int)(want);                              \
    checks_run++;                                                            \
    if (got_ != want_) {                                                     \
      checks_failed++;                                                       \
      fprintf(stderr, "%s:%d: status %s (%d), expected %s (%d): %s\n",       \
              __FILE__, __LINE__, mws_status_kind(got_), got_,               \
              mws_status_kind(want_), want_, #got);                          \
    }                                                                        \
  } while (0)

/* `len` bytes at `ptr` equal the NUL-terminated `want`. */
#define CHECK_TEXT(ptr, len, want)                                           \
  do {                                                                       \
    size_t wlen_ = strlen(want);                                             \
    checks_run++;                                                            \
    if ((len) != wlen_ || memcmp((ptr), (want), wlen_) != 0) {               \
      checks_failed++;                                                       \
      fprintf(stderr, "%s:%d: text \"%.*s\", expected \"%s\"\n", __FILE__,   \
              __LINE__, (int)(len), (const char *)(ptr), (want));            \
    }                                                                        \
  } while (0)

/* A string literal as a (pointer, length) pair. */
#define LIT(s) (s), (sizeof(s) - 1)

/* A parameter from two string literals. */
#define PARAM(n, v) {(n), sizeof(n) - 1, (v), sizeof(v) - 1}

/* A byte that no output of the library contains, to spot untouched buffers. */
#define FILL 0x5A

/* Whether all `len` bytes at `buf` still hold FILL. */
int untouched(const char *buf, size_t len);

void test_status(void);
void test_sizes(void);
void test_api(void);
void test_verify(void);
void test_mws(const char *signing_json);
void test_secret(void);

#endif
