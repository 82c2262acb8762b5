/* A program that seeds rand() from the clock and races only for some
 * seeds: weft's virtual clock starts at the same instant in every
 * execution, so the seed is the same each time.  tests/cli/seeded_rand.sh
 * checks that the verdict says so (it was "every interleaving" with no
 * caveat, about a race a real run reaches for one seed in four: under
 * weft the seed gives r == 3). */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

static int x;

static void *t(void *a)
{
	(void)a;
	x++;
	return NULL;
}

int main(void)
{
	pthread_t th;
	int r;

	srand((unsigned)time(NULL));
	r = rand() % 4;
	pthread_create(&th, NULL, t, NULL);
	if (r == 0)
		x++;
	pthread_join(th, NULL);
	return 0;
}
