/*
 * The C tests of libmws_sign: every group in one program, so one run under
 * AddressSanitizer or Valgrind covers them all.
 *   c-tests tests/vectors/signing.json
 */
#include <stdlib.h>

#include "check.h"

int checks_run = 0;
int checks_failed = 0;

int untouched(const char *buf, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if ((unsigned char)buf[i] != FILL) return 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: c-tests tests/vectors/signing.json\n");
    return 2;
  }
  test_status();
  test_sizes();
  test_api();
  test_verify();
  test_mws(argv[1]);
  test_secret();
  printf("%d checks, %d failed\n", checks_run, checks_failed);
  return checks_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
