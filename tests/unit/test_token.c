/* Replay tokens: round trips, and clear errors for damaged tokens. */
#include <stdlib.h>

#include "unit.h"
#include "sched/sched.h"

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
