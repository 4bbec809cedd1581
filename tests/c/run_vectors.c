/*
 * Runs vector files of the shared format (FORMAT.md) through the C API of
 * libmws_sign, case by case: one line per failed case naming the stage
 * that differed, then "N passed, N failed"; exit status 1 on any failure.
 * A case kind it does not know counts as failed, never skipped.
 *   run-vectors FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vector_cases.h"

static const struct {
  const char *kind;
  int (*run)(json_t *c, why *w);
} KINDS[] = {
    {"sign", run_sign},       {"mac", run_mac},
    {"reject", run_reject},   {"verify", run_verify},
    {"content_md5", run_content_md5}, {"timestamp", run_timestamp},
};

static int passed = 0, failed = 0;

static void failure(const char *file, const char *kind, const char *name, const char *text) {
  failed++;
  printf("%s: %s/%s: %s\n", file, kind, name, text);
}

static void run_file(const char *file) {
  json_error_t error;
  /* Vector strings may contain NUL bytes: Jansson rejects them without this. */
  json_t *doc = json_load_file(file, JSON_ALLOW_NUL, &error);
  if (!json_is_object(doc)) {
    failure(file, "file", "-", doc ? "not a JSON object" : error.text);
    json_decref(doc);
    return;
  }
  const char *kind;
  json_t *cases;
  json_object_foreach(doc, kind, cases) {
    if (kind[0] == '_' || strcmp(kind, "version") == 0) continue;
    int (*run)(json_t *, why *) = NULL;
    for (size_t k = 0; k < sizeof KINDS / sizeof KINDS[0]; k++) {
      if (strcmp(kind, KINDS[k].kind) == 0) run = KINDS[k].run;
    }
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c) {
      char name[256];
      json_t *n = json_object_get(c, "name");
      if (json_is_string(n)) {
        snprintf(name, sizeof name, "%s", json_string_value(n));
      } else {
        snprintf(name, sizeof name, "#%zu", i);
      }
      why w = {""};
      if (!json_is_object(c)) {
        failure(file, kind, name, "case is not a JSON object");
      } else if (run == NULL) {
        failure(file, kind, name, "case kind not supported by this runner");
      } else if (run(c, &w)) {
        passed++;
      } else {
        failure(file, kind, name, w.text);
      }
    }
  }
  json_decref(doc);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: run-vectors FILE...\n");
    return 2;
  }
  for (int i = 1; i < argc; i++) run_file(argv[i]);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
