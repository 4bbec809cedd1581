/* One function per case kind of the shared vector format (FORMAT.md). */
#ifndef MWS_C_TESTS_VECTOR_CASES_H
#define MWS_C_TESTS_VECTOR_CASES_H

#include <jansson.h>

/* Why a case failed: one line, naming the stage that differed. */
typedef struct {
  char text[1024];
} why;

/* Each returns 1 when every output of the case matched, else 0 with `w` set. */
int run_sign(json_t *c, why *w);
int run_mac(json_t *c, why *w);
int run_reject(json_t *c, why *w);
int run_verify(json_t *c, why *w);
int run_content_md5(json_t *c, why *w);
int run_timestamp(json_t *c, why *w);

#endif
