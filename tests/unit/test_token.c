/* Replay tokens: round trips, and clear errors for damaged tokens; the
 * fuzzers' regression inputs (tests/fuzz/), replayed on every make test. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "sched/sched.h"
#include "../fuzz/harness.h"

UNIT(token_roundtrip)
{
	uint32_t dec[300], *out = NULL;
	const char *err = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;
	long n;
	char *tok;

	/* Runs of pseudo-random values: version 1, or version 2 where its
	 * copies make the token shorter. */
	uint32_t x = 1;
	for (int i = 0; i < 300; i++) {
		if (i % 3 == 0)
			x = (x * 1103515245u + 12345u) & 0x7fffffffu;
		dec[i] = (uint32_t)(x >> 16) % 5 + (i % 50 == 0 ? 200 : 0);
	}
	tok = weft__token_encode("my_test", dec, 300, NULL, 0);
	EXPECT_TRUE(!strncmp(tok, "w1.", 3) || !strncmp(tok, "w2.", 3));
	n = weft__token_decode("my_test", tok, &out, &ctx, &nctx, &err);
	EXPECT_EQ_INT(n, 300);
	for (int i = 0; i < 300 && n == 300; i++)
		EXPECT_EQ_INT(out[i], dec[i]);
	free(out);
	free(tok);
}

/* A livelock of two threads taking turns: one copy item, not 20,000 runs
 * of one (a 27 KB token); the replay context survives behind it. */
UNIT(token_periodic)
{
	static uint32_t dec[20000];
	uint64_t cin[2] = { 7, 1ull << 60 }, *ctx = NULL;
	uint32_t *out = NULL;
	const char *err = NULL;
	int nctx = 0;
	long n;
	char *tok;

	for (int i = 0; i < 20000; i++)
		dec[i] = i < 6 ? 0 : (uint32_t)(i % 2 + 1);
	tok = weft__token_encode("spin", dec, 20000, cin, 2);
	EXPECT_TRUE(!strncmp(tok, "w2.", 3));
	EXPECT_TRUE(strlen(tok) < 64);
	n = weft__token_decode("spin", tok, &out, &ctx, &nctx, &err);
	EXPECT_EQ_INT(n, 20000);
	for (int i = 0; i < 20000 && n == 20000; i++)
		if (out[i] != dec[i]) {
			EXPECT_EQ_INT(out[i], dec[i]);
			break;
		}
	EXPECT_EQ_INT(nctx, 2);
	if (nctx == 2)
		EXPECT_TRUE(ctx[0] == 7 && ctx[1] == 1ull << 60);
	free(out);
	free(ctx);
	free(tok);
}

/* Sequences of random runs and repeated stretches round-trip, whichever
 * version the encoder picks. */
UNIT(token_mixed_roundtrip)
{
	static uint32_t dec[4000];
	uint64_t seed = 12345, *ctx = NULL;
	int versions[3] = { 0, 0, 0 };

	for (int round = 0; round < 200; round++) {
		long n = 0, got;
		uint32_t *out = NULL;
		const char *err = NULL;
		int nctx = 0;
		char *tok;
		while (n < 3000) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			unsigned r = (unsigned)(seed >> 33);
			if (r % 3 == 0 && n > 8) {
				long p = 1 + (long)(r / 3 % 8), l = (long)(r / 24 % 300);
				for (long k = 0; k < l && n < 4000; k++, n++)
					dec[n] = dec[n - p];
			} else {
				for (unsigned k = 0; k <= r / 3 % 4 && n < 4000; k++)
					dec[n++] = r / 12 % (round % 5 ? 4u : 70000u);
			}
		}
		tok = weft__token_encode("mix", dec, n, NULL, 0);
		versions[tok[1] - '0']++;
		got = weft__token_decode("mix", tok, &out, &ctx, &nctx, &err);
		EXPECT_EQ_INT(got, n);
		for (long i = 0; i < n && got == n; i++)
			if (out[i] != dec[i]) {
				EXPECT_EQ_INT(out[i], dec[i]);
				break;
			}
		free(out);
		free(ctx);
		ctx = NULL;
		free(tok);
	}
	EXPECT_TRUE(versions[2] > 0);
}

UNIT(token_empty)
{
	uint32_t *out = NULL;
	const char *err = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;
	char *tok = weft__token_encode("t", NULL, 0, NULL, 0);

	EXPECT_EQ_INT(weft__token_decode("t", tok, &out, &ctx, &nctx, &err), 0);
	free(out);
	free(tok);
}

UNIT(token_rejects_other_test)
{
	uint32_t dec[3] = { 0, 1, 0 }, *out = NULL;
	const char *err = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;
	char *tok = weft__token_encode("alpha", dec, 3, NULL, 0);

	EXPECT_EQ_INT(weft__token_decode("beta", tok, &out, &ctx, &nctx, &err), -1);
	EXPECT_TRUE(err && strstr(err, "checksum"));
	free(tok);
}

UNIT(token_rejects_garbage)
{
	uint32_t *out = NULL;
	const char *err = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;

	EXPECT_EQ_INT(weft__token_decode("t", "hello", &out, &ctx, &nctx, &err), -1);
	EXPECT_TRUE(err && strstr(err, "w1."));
	EXPECT_EQ_INT(weft__token_decode("t", "w1.@@@@", &out, &ctx, &nctx, &err), -1);
	EXPECT_TRUE(err && strstr(err, "base64"));
	EXPECT_EQ_INT(weft__token_decode("t", "w1.AB", &out, &ctx, &nctx, &err), -1);
}

UNIT(token_rejects_flipped_character)
{
	uint32_t dec[40], *out = NULL;
	const char *err = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;
	char *tok;

	for (int i = 0; i < 40; i++)
		dec[i] = (uint32_t)(i % 3);
	tok = weft__token_encode("t", dec, 40, NULL, 0);
	tok[5] = tok[5] == 'A' ? 'B' : 'A';
	EXPECT_EQ_INT(weft__token_decode("t", tok, &out, &ctx, &nctx, &err), -1);
	free(tok);
}

UNIT(token_carries_replay_context)
{
	uint32_t dec[5] = { 0, 0, 1, 1, 0 }, *out = NULL;
	uint64_t ctx[3] = { 0x1234, 7, (uint64_t)1 << 40 }, *got = NULL;
	const char *err = NULL;
	int n = 0;
	char *tok = weft__token_encode("t", dec, 5, ctx, 3);

	EXPECT_EQ_INT(weft__token_decode("t", tok, &out, &got, &n, &err), 5);
	EXPECT_EQ_INT(n, 3);
	for (int i = 0; i < 3 && n == 3; i++)
		EXPECT_EQ_INT(got[i], ctx[i]);
	free(out);
	free(got);
	free(tok);
}

/* A crafted token with a valid checksum and a run length that reads as
 * negative once cast: refused, not written past the decisions. */
UNIT(token_refuses_negative_run)
{
	static const uint8_t payload[] = { 5, 0, 0xff, 0xff, 0xff, 0xff, 0xff,
					   0xff, 0xff, 0xff, 0xff, 0x01 };
	char *tok = fuzz_token_of(payload, sizeof payload);
	uint32_t *out = NULL;
	uint64_t *ctx = NULL;
	const char *err = NULL;
	int nctx = 0;

	EXPECT_EQ_INT(weft__token_decode(FUZZ_TEST, tok, &out, &ctx, &nctx,
					 &err), -1);
	EXPECT_TRUE(err && strstr(err, "runs"));
	EXPECT_TRUE(out == NULL && ctx == NULL);
	free(tok);
}

/* Feed every file of tests/fuzz/DIR (next to this file's directory) to
 * fn; returns how many there were. */
static int replay_corpus(const char *dir, void (*fn)(const uint8_t *, size_t))
{
	char path[1024], base[512];
	const char *slash = strrchr(__FILE__, '/');
	struct dirent *e;
	int n = 0;
	DIR *d;

	snprintf(base, sizeof base, "%.*s/../fuzz/%s",
		 slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".",
		 dir);
	d = opendir(base);
	EXPECT_TRUE(d != NULL);
	while (d && (e = readdir(d))) {
		static uint8_t buf[1 << 16];
		FILE *f;
		size_t len;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", base, e->d_name);
		f = fopen(path, "rb");
		EXPECT_TRUE(f != NULL);
		if (!f)
			continue;
		len = fread(buf, 1, sizeof buf, f);
		fclose(f);
		fn(buf, len);
		n++;
	}
	if (d)
		closedir(d);
	return n;
}

UNIT(token_fuzz_regressions)
{
	EXPECT_TRUE(replay_corpus("token", weft_fuzz_token) >= 10);
}

UNIT(options_fuzz_regressions)
{
	EXPECT_TRUE(replay_corpus("options", weft_fuzz_options) >= 10);
}

static bool parses(const char *env, const char *arg)
{
	struct weft__cli cli = { 0 };
	char *argv[] = { "prog", (char *)arg, NULL }, err[512];
	bool ok = weft__options_parse(&cli, env, arg ? 2 : 1, argv, err,
				      sizeof err);

	weft__options_reset();
	return ok;
}

UNIT(options_numbers)
{
	EXPECT_TRUE(!parses(NULL, "--time-limit=inf"));
	EXPECT_TRUE(!parses(NULL, "--time-limit=nan"));
	EXPECT_TRUE(!parses(NULL, "--time-limit=1e999"));
	EXPECT_TRUE(!parses(NULL, "--time-limit=-1"));
	EXPECT_TRUE(!parses("time-limit=inf", NULL));
	EXPECT_TRUE(parses(NULL, "--time-limit=none"));
	EXPECT_TRUE(parses(NULL, "--time-limit=0.5"));
	EXPECT_TRUE(!parses(NULL, "--iterations=010"));
	EXPECT_TRUE(!parses(NULL, "--jobs=0x10"));
	EXPECT_TRUE(parses(NULL, "--iterations=0"));
	EXPECT_TRUE(parses("junit='a b' quiet", "--seed=7"));
}
