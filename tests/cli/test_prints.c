/* tests/cli/test_prints.c - WEFT_TESTs that print, for tests/cli/reports.sh:
 * their output is kept aside as a main program's is, and only the
 * failing execution's is shown, on standard error, after its report (it
 * was printed in every execution, ahead of the reports, and broke
 * --format=json's JSON Lines: a probe). */
#include <stdio.h>
#include <weft/weft.h>

static int counter;

static void incr(void *arg)
{
	(void)arg;
	int c = counter;
	counter = c + 1;
}

WEFT_TEST(prints_and_fails)
{
	weft_thread_t t = weft_spawn(incr, NULL);

	incr(NULL);
	weft_join(t);
	printf("counter is %d\n", counter);
	weft_assert(counter == 2);
}

WEFT_TEST(prints_and_passes)
{
	printf("hello from the test\n");
}

/* A second failing test in the same records: its own output is shown,
 * not the first one's kept for a bug in the same execution number. */
WEFT_TEST(prints_and_fails_too)
{
	counter = 0;
	weft_thread_t t = weft_spawn(incr, NULL);

	incr(NULL);
	weft_join(t);
	printf("second counter is %d\n", counter);
	weft_assert(counter == 2);
}
