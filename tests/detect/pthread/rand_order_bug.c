//! expect: bug use-after-free
/* Which number each thread draws from rand() depends on the order of
 * their calls: with srand(1) the first draw is odd and the second even.
 * If the reader draws first it reads the buffer the other thread frees
 * (the drawer of the even number).  rand's calls were no steps, so weft
 * ran one order and verified the program (a probe's false verified);
 * each call is now a step on rand's state.  rand_order_ok.c frees only
 * after both have drawn. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *buf;

static void *freer(void *arg)
{
	(void)arg;
	if (rand() % 2 == 0)
		free(buf);
	return NULL;
}

static void *reader(void *arg)
{
	long n = 0;

	(void)arg;
	if (rand() % 2 == 1)
		n = (long)strlen(buf);
	return (void *)n;
}

int main(void)
{
	pthread_t a, b;

	srand(1);
	buf = strdup("job");
	pthread_create(&a, NULL, freer, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
