/* Strict Base64 decoding (RFC 4648, with padding) for the vector runner. */
#ifndef MWS_C_TESTS_BASE64_H
#define MWS_C_TESTS_BASE64_H

#include <stddef.h>

/* Decodes `len` characters into `out` (room for len / 4 * 3 bytes) and
 * returns the number of bytes, or -1 when the text is not Base64. */
long base64_decode(const char *text, size_t len, unsigned char *out);

#endif
