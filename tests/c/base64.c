/*
 * Strict Base64 decoding for the vector runner's content_md5 cases (their
 * bodies are given in Base64). Test harness only: the library itself never
 * decodes Base64.
 */
#include "base64.h"

static int value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

long base64_decode(const char *text, size_t len, unsigned char *out) {
  if (len % 4 != 0) return -1;
  long n = 0;
  for (size_t i = 0; i < len; i += 4) {
    int last = i + 4 == len;
    int pad = last ? (text[i + 3] == '=') + (text[i + 2] == '=') : 0;
    if (pad == 1 && text[i + 2] == '=') return -1; /* "x=y=" is not padding */
    unsigned long group = 0;
    for (int k = 0; k < 4; k++) {
      int v = k >= 4 - pad ? 0 : value(text[i + (size_t)k]);
      if (v < 0) return -1;
      group = group << 6 | (unsigned long)v;
    }
    out[n++] = (unsigned char)(group >> 16);
    if (pad < 2) out[n++] = (unsigned char)(group >> 8);
    if (pad < 1) out[n++] = (unsigned char)group;
  }
  return n;
}
