/* tests/fuzz/harness.h - what the fuzz targets (make fuzz) and the unit
 * tests that replay their regression corpus (tests/unit/test_token.c) do
 * with one input.  Header-only, so both link it without a build rule.
 *
 * Token inputs: the first byte picks how the rest is used -
 *   0: as the token text itself;
 *   1: as a token's payload, given a valid checksum first, so the decoder
 *      is tried beyond the checksum (where crafted tokens crashed it);
 *   2: as decisions, encoded and decoded again (a round trip).
 * Option inputs: NUL-separated strings, the first WEFT_OPTIONS, the rest
 * the command line. */
#ifndef WEFT_FUZZ_HARNESS_H
#define WEFT_FUZZ_HARNESS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "sched/sched.h"

#define FUZZ_TEST "fuzz"

static inline uint32_t fuzz_crc(uint32_t c, const unsigned char *p, size_t n)
{
	c = ~c;
	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
	}
	return ~c;
}

/* "w1." + base64url(payload + CRC-32 of the test name and payload). */
static inline char *fuzz_token_of(const uint8_t *p, size_t n)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "abcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char *raw = malloc(n + 4);
	char *tok = malloc(3 + (n + 4) * 4 / 3 + 4), *o = tok + 3;
	uint32_t crc = fuzz_crc(0, (const unsigned char *)FUZZ_TEST,
				strlen(FUZZ_TEST));

	if (n)
		memcpy(raw, p, n);
	crc = fuzz_crc(crc, raw, n);
	for (int k = 0; k < 4; k++)
		raw[n + (size_t)k] = (unsigned char)(crc >> (8 * k));
	memcpy(tok, "w1.", 3);
	for (size_t i = 0; i < n + 4; i += 3) {
		uint32_t v = (uint32_t)raw[i] << 16;
		size_t left = n + 4 - i;
		if (left > 1)
			v |= (uint32_t)raw[i + 1] << 8;
		if (left > 2)
			v |= raw[i + 2];
		*o++ = b64[v >> 18 & 63];
		*o++ = b64[v >> 12 & 63];
		if (left > 1)
			*o++ = b64[v >> 6 & 63];
		if (left > 2)
			*o++ = b64[v & 63];
	}
	*o = 0;
	free(raw);
	return tok;
}

/* Decode tok; a token that decodes must encode back to the same token. */
static inline void fuzz_decode(const char *tok)
{
	uint32_t *dec = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;
	const char *err = NULL;
	long n = weft__token_decode(FUZZ_TEST, tok, &dec, &ctx, &nctx, &err);

	if (n < 0) {
		if (!err || !*err || dec || ctx)
			abort(); /* every refusal says why and keeps nothing */
		return;
	}
	if (n > 1 << 16) { /* a round trip this long tells nothing more */
		free(dec);
		free(ctx);
		return;
	}
	char *again = weft__token_encode(FUZZ_TEST, dec, n, ctx, nctx);
	uint32_t *dec2 = NULL;
	uint64_t *ctx2 = NULL;
	int nctx2 = 0;
	long n2 = weft__token_decode(FUZZ_TEST, again, &dec2, &ctx2, &nctx2,
				     &err);
	if (n2 != n || nctx2 != nctx ||
	    (n && memcmp(dec, dec2, sizeof *dec * (size_t)n)) ||
	    (nctx && memcmp(ctx, ctx2, sizeof *ctx * (size_t)nctx)))
		abort(); /* the round trip lost something */
	free(again);
	free(dec);
	free(ctx);
	free(dec2);
	free(ctx2);
}

static inline void weft_fuzz_token(const uint8_t *d, size_t n)
{
	char *s;

	if (n == 0)
		return;
	switch (d[0] % 3) {
	case 0:
		s = malloc(n);
		memcpy(s, d + 1, n - 1);
		s[n - 1] = 0;
		fuzz_decode(s);
		free(s);
		break;
	case 1:
		s = fuzz_token_of(d + 1, n - 1);
		fuzz_decode(s);
		free(s);
		break;
	default: {
		long k = (long)((n - 1) / 4);
		uint32_t *dec = malloc(sizeof *dec * (size_t)(k ? k : 1));
		memcpy(dec, d + 1, sizeof *dec * (size_t)k);
		s = weft__token_encode(FUZZ_TEST, dec, k, NULL, 0);
		fuzz_decode(s);
		free(s);
		free(dec);
	}
	}
}

static inline void weft_fuzz_options(const uint8_t *d, size_t n)
{
	char *buf = malloc(n + 1), *argv[64], err[512];
	int argc = 0;
	struct weft__cli cli = { 0 };

	memcpy(buf, d, n);
	buf[n] = 0;
	argv[argc++] = "prog";
	for (size_t i = strlen(buf) + 1; i < n && argc < 63;
	     i += strlen(buf + i) + 1)
		argv[argc++] = buf + i;
	argv[argc] = NULL;
	err[0] = 0;
	if (!weft__options_parse(&cli, buf, argc, argv, err, sizeof err) &&
	    (!err[0] || strchr(err, '\n')))
		abort(); /* a refusal is one line */
	weft__options_reset();
	free(buf);
}

#endif
