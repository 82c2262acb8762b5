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

	for (int i = 0; i < 300; i++)
		dec[i] = (uint32_t)((i / 7) % 5 + (i % 50 == 0 ? 200 : 0));
	tok = weft__token_encode("my_test", dec, 300, NULL, 0);
	EXPECT_TRUE(!strncmp(tok, "w1.", 3));
	n = weft__token_decode("my_test", tok, &out, &ctx, &nctx, &err);
	EXPECT_EQ_INT(n, 300);
	for (int i = 0; i < 300 && n == 300; i++)
		EXPECT_EQ_INT(out[i], dec[i]);
	free(out);
	free(tok);
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
