/* src/explore/token.c - replay tokens.
 *
 * A token is the full decision sequence of one execution (the thread picked
 * at every step and every explored value), run-length encoded as varints,
 * followed by a CRC-32 of the test's name and the payload, in URL-safe
 * base64 behind a version prefix: "w1.<base64>".  The checksum makes a
 * mistyped token, or a token for another test, a clear error instead of a
 * confusing replay.
 *
 * "w2." tokens encode the decisions as items that are either a run (a
 * value, repeated) or a copy of the decisions up to W2_MAX_PERIOD back
 * (LZ77's distance and length): a livelock of two threads that take
 * turns for 10,000 steps is one copy, where its runs of one made a token
 * of 27 KB.  A token is written as w2 only when that is shorter by a
 * margin, so short tokens mostly stay as they were. */
#include <stdlib.h>
#include <string.h>

#include "explore/explore.h"

static const char B64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static uint32_t crc32_update(uint32_t c, const unsigned char *p, size_t n)
{
	c = ~c;
	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
	}
	return ~c;
}

static size_t put_varint(unsigned char *b, uint64_t v)
{
	size_t n = 0;

	do {
		b[n++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
	return n;
}

/* A varint of at most 64 bits: an overlong or overflowing one (the tenth
 * byte carrying more than the top bit) is malformed, not wrapped. */
static int get_varint(const unsigned char *b, size_t len, size_t *pos,
		      uint64_t *v)
{
	*v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (*pos >= len)
			return -1;
		unsigned char c = b[(*pos)++];
		if (shift == 63 && (c & 0x7e))
			return -1;
		*v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return 0;
	}
	return -1;
}

/* w1: n, then (value, repeats) pairs. */
static size_t put_runs(unsigned char *raw, const uint32_t *dec, long n)
{
	size_t len = put_varint(raw, (uint64_t)n);

	for (long i = 0; i < n;) {
		long j = i + 1;
		while (j < n && dec[j] == dec[i])
			j++;
		len += put_varint(raw + len, dec[i]);
		len += put_varint(raw + len, (uint64_t)(j - i - 1));
		i = j;
	}
	return len;
}

#define W2_MAX_PERIOD 64

/* The longest match at i of the decisions p back, p up to W2_MAX_PERIOD
 * (the work is bounded by W2_MAX_PERIOD times what the match covers). */
static long best_copy(const uint32_t *dec, long n, long i, long *period)
{
	long best = 0;

	for (long p = 1; p <= W2_MAX_PERIOD && p <= i; p++) {
		long l = 0;
		while (i + l < n && dec[i + l] == dec[i + l - p])
			l++;
		if (l > best) {
			best = l;
			*period = p;
		}
	}
	return best;
}

/* w2: n, then items: (value << 1, repeats) for a run, ((period - 1) << 1
 * | 1, length - 1) for a copy. */
static size_t put_items(unsigned char *raw, const uint32_t *dec, long n)
{
	size_t len = put_varint(raw, (uint64_t)n);

	for (long i = 0; i < n;) {
		long r = 1, p = 0, l;
		while (i + r < n && dec[i + r] == dec[i])
			r++;
		l = best_copy(dec, n, i, &p);
		if (l > r && l >= 4) {
			len += put_varint(raw + len, (uint64_t)(p - 1) << 1 | 1);
			len += put_varint(raw + len, (uint64_t)(l - 1));
			i += l;
		} else {
			len += put_varint(raw + len, (uint64_t)dec[i] << 1);
			len += put_varint(raw + len, (uint64_t)(r - 1));
			i += r;
		}
	}
	return len;
}

char *weft__token_encode(const char *test, const uint32_t *dec, long n,
			 const uint64_t *ctx, int nctx)
{
	size_t cap = (size_t)n * 20 + (size_t)nctx * 10 + 48;
	unsigned char *raw = malloc(cap), *w2 = malloc(cap);
	size_t len = put_runs(raw, dec, n), len2 = put_items(w2, dec, n);
	size_t out_len;
	char *out;
	uint32_t crc;
	int version = 1;

	if (len2 + 16 < len) {
		unsigned char *t = raw;
		raw = w2;
		w2 = t;
		len = len2;
		version = 2;
	}
	free(w2);
	/* Optional replay context after the runs (see internal.h). */
	if (nctx > 0) {
		len += put_varint(raw + len, (uint64_t)nctx);
		for (int i = 0; i < nctx; i++)
			len += put_varint(raw + len, ctx[i]);
	}
	crc = crc32_update(0, (const unsigned char *)test, strlen(test));
	crc = crc32_update(crc, raw, len);
	for (int k = 0; k < 4; k++)
		raw[len++] = (unsigned char)(crc >> (8 * k));
	out_len = 3 + (len * 4 + 2) / 3 + 1;
	out = malloc(out_len);
	memcpy(out, version == 2 ? "w2." : "w1.", 3);
	size_t o = 3;
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)raw[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)raw[i + 1] << 8;
		if (i + 2 < len)
			v |= raw[i + 2];
		out[o++] = B64[(v >> 18) & 63];
		out[o++] = B64[(v >> 12) & 63];
		if (i + 1 < len)
			out[o++] = B64[(v >> 6) & 63];
		if (i + 2 < len)
			out[o++] = B64[v & 63];
	}
	out[o] = 0;
	free(raw);
	return out;
}

static int b64_val(char c)
{
	const char *p = c ? strchr(B64, c) : NULL;
	return p ? (int)(p - B64) : -1;
}

/* Limits on what a token may claim, so a crafted one is refused before
 * anything is allocated for it: no execution makes more decisions than a
 * worker can record (2 x the largest --max-steps), nor learns more racing
 * sites than the replay context can carry. */
#define MAX_DECISIONS ((uint64_t)1 << 25)
#define MAX_CONTEXT 4096

/* base64url without padding into raw (room for strlen(tok) bytes). */
static const char *unbase64(const char *tok, unsigned char *raw, size_t *len)
{
	size_t tl = strlen(tok);

	*len = 0;
	for (size_t i = 0; i < tl; i += 4) {
		uint32_t acc = 0;
		int got = 0;
		for (; got < 4 && i + (size_t)got < tl; got++) {
			int c = b64_val(tok[i + (size_t)got]);
			if (c < 0)
				return "it contains a character that is not "
				       "base64url";
			acc |= (uint32_t)c << (18 - 6 * got);
		}
		if (got == 1)
			return "it is truncated";
		raw[(*len)++] = (unsigned char)(acc >> 16);
		if (got > 2)
			raw[(*len)++] = (unsigned char)(acc >> 8);
		if (got > 3)
			raw[(*len)++] = (unsigned char)acc;
	}
	return NULL;
}

/* The number of decisions both versions start with, and room for them. */
static const char *get_length(const unsigned char *raw, size_t len,
			      size_t *pos, uint32_t **out, uint64_t *n)
{
	if (get_varint(raw, len, pos, n))
		return "its length is malformed";
	if (*n > MAX_DECISIONS)
		return "it claims more decisions than any execution makes";
	*out = malloc(sizeof **out * (*n ? *n : 1));
	return NULL;
}

/* The run-length encoded decisions: n, then (value, repeats) pairs. */
static const char *get_runs(const unsigned char *raw, size_t len, size_t *pos,
			    uint32_t **out, long *count)
{
	uint64_t n, v, run, k = 0;
	const char *e = get_length(raw, len, pos, out, &n);

	if (e)
		return e;
	while (k < n) {
		if (get_varint(raw, len, pos, &v) ||
		    get_varint(raw, len, pos, &run))
			return "its runs are malformed";
		if (v > UINT32_MAX)
			return "it holds a decision out of range";
		if (run >= n - k)
			return "its runs do not add up to its length";
		for (uint64_t i = 0; i <= run; i++)
			(*out)[k++] = (uint32_t)v;
	}
	*count = (long)n;
	return NULL;
}

/* The w2 items (put_items). */
static const char *get_items(const unsigned char *raw, size_t len,
			     size_t *pos, uint32_t **out, long *count)
{
	uint64_t n, h, x, k = 0;
	const char *e = get_length(raw, len, pos, out, &n);

	if (e)
		return e;
	while (k < n) {
		if (get_varint(raw, len, pos, &h) ||
		    get_varint(raw, len, pos, &x))
			return "its items are malformed";
		if (x >= n - k)
			return "its items do not add up to its length";
		if (!(h & 1) && (h >> 1) > UINT32_MAX)
			return "it holds a decision out of range";
		if ((h & 1) && (h >> 1) >= k)
			return "it copies from before its start";
		for (uint64_t i = 0; i <= x; i++, k++)
			(*out)[k] = h & 1 ? (*out)[k - (h >> 1) - 1]
					  : (uint32_t)(h >> 1);
	}
	*count = (long)n;
	return NULL;
}

/* The optional replay context after the runs: a count, then values. */
static const char *get_context(const unsigned char *raw, size_t len,
			       size_t *pos, uint64_t **ctx, int *nctx)
{
	uint64_t c;

	if (*pos == len)
		return NULL;
	if (get_varint(raw, len, pos, &c) || c > MAX_CONTEXT)
		return "its replay context is malformed";
	*ctx = malloc(sizeof **ctx * (c ? c : 1));
	for (uint64_t i = 0; i < c; i++)
		if (get_varint(raw, len, pos, &(*ctx)[i]))
			return "its replay context is truncated";
	*nctx = (int)c;
	if (*pos != len)
		return "it has bytes after its replay context";
	return NULL;
}

/* Returns the number of decisions, or -1 with *err set (and *out, *ctx
 * NULL).  Every malformed token is refused with a reason. */
long weft__token_decode(const char *test, const char *tok, uint32_t **out,
			uint64_t **ctx, int *nctx, const char **err)
{
	size_t len, pos = 0;
	unsigned char *raw;
	uint32_t crc, want;
	long n = 0;
	const char *e = NULL;

	*out = NULL;
	*ctx = NULL;
	*nctx = 0;
	if (strncmp(tok, "w1.", 3) != 0 && strncmp(tok, "w2.", 3) != 0) {
		*err = "it does not start with w1. or w2.";
		return -1;
	}
	raw = malloc(strlen(tok) + 1);
	e = unbase64(tok + 3, raw, &len);
	if (!e && len < 5)
		e = "it is too short";
	if (!e) {
		len -= 4;
		want = (uint32_t)raw[len] | (uint32_t)raw[len + 1] << 8 |
		       (uint32_t)raw[len + 2] << 16 |
		       (uint32_t)raw[len + 3] << 24;
		crc = crc32_update(0, (const unsigned char *)test,
				   strlen(test));
		crc = crc32_update(crc, raw, len);
		if (crc != want)
			e = "its checksum does not match (corrupted, or made "
			    "for another test)";
	}
	if (!e)
		e = tok[1] == '2' ? get_items(raw, len, &pos, out, &n)
				  : get_runs(raw, len, &pos, out, &n);
	if (!e)
		e = get_context(raw, len, &pos, ctx, nctx);
	free(raw);
	if (e) {
		free(*out);
		free(*ctx);
		*out = NULL;
		*ctx = NULL;
		*nctx = 0;
		*err = e;
		return -1;
	}
	return n;
}

bool weft__token_fits(const char *test, const char *tok, const char **err)
{
	uint32_t *d;
	uint64_t *c;
	int nc;
	long n = weft__token_decode(test, tok, &d, &c, &nc, err);

	free(d);
	free(c);
	return n >= 0;
}
