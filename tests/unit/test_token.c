/* Replay tokens: round trips, and clear errors for damaged tokens. */
#include <stdlib.h>

#include "unit.h"
#include "sched/sched.h"

UNIT(token_roundtrip)
{
	uint32_t dec[300], *out = NULL;
	const char *err = NULL;
	long n;
	char *tok;

	for (int i = 0; i < 300; i++)
		dec[i] = (uint32_t)((i / 7) % 5 + (i % 50 == 0 ? 200 : 0));
	tok = weft__token_encode("my_test", dec, 300);
	EXPECT_TRUE(!strncmp(tok, "w1.", 3));
	n = weft__token_decode("my_test", tok, &out, &err);
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
	char *tok = weft__token_encode("t", NULL, 0);

	EXPECT_EQ_INT(weft__token_decode("t", tok, &out, &err), 0);
	free(out);
	free(tok);
}

UNIT(token_rejects_other_test)
{
	uint32_t dec[3] = { 0, 1, 0 }, *out = NULL;
	const char *err = NULL;
	char *tok = weft__token_encode("alpha", dec, 3);

	EXPECT_EQ_INT(weft__token_decode("beta", tok, &out, &err), -1);
	EXPECT_TRUE(err && strstr(err, "checksum"));
	free(tok);
}

UNIT(token_rejects_garbage)
{
	uint32_t *out = NULL;
	const char *err = NULL;

	EXPECT_EQ_INT(weft__token_decode("t", "hello", &out, &err), -1);
	EXPECT_TRUE(err && strstr(err, "w1."));
	EXPECT_EQ_INT(weft__token_decode("t", "w1.@@@@", &out, &err), -1);
	EXPECT_TRUE(err && strstr(err, "base64"));
	EXPECT_EQ_INT(weft__token_decode("t", "w1.AB", &out, &err), -1);
}

UNIT(token_rejects_flipped_character)
{
	uint32_t dec[40], *out = NULL;
	const char *err = NULL;
	char *tok;

	for (int i = 0; i < 40; i++)
		dec[i] = (uint32_t)(i % 3);
	tok = weft__token_encode("t", dec, 40);
	tok[5] = tok[5] == 'A' ? 'B' : 'A';
	EXPECT_EQ_INT(weft__token_decode("t", tok, &out, &err), -1);
	free(tok);
}
