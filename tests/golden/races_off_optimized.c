//! needs: pthread
//! args: --strategy=dfs --races=off
/* Pins --races=off's note for a program built with optimization (the
 * tests are built at -O1): SV-COMP's fib_bench with two rounds per thread
 * reaches i = 5, j = 8 in the source's semantics (alternating rounds),
 * so its assertion can fail, but at -O1 the compiler keeps each counter
 * in a register (the races are undefined behaviour), the binary's largest
 * value is 7, and weft verifies it; the note says why a -O0 build may
 * differ (a probe of SV-COMP-style programs; at -O0 the assertion fails). */
#include <assert.h>
#include <pthread.h>

int i = 1, j = 1;

static void *t1(void *arg)
{
	(void)arg;
	for (int k = 0; k < 2; k++)
		i += j;
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	for (int k = 0; k < 2; k++)
		j += i;
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(i < 8 && j < 8);
	return 0;
}
