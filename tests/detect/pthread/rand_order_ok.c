//! expect: verified
/* rand_order_bug.c with the buffer freed by main once both threads have
 * drawn and finished: every order of the draws is explored (two), and
 * none uses freed memory. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static int parity[2];

static void *freer(void *arg)
{
	(void)arg;
	parity[0] = rand() % 2;
	return NULL;
}

static void *reader(void *arg)
{
	long n = 0;

	(void)arg;
	parity[1] = rand() % 2;
	if (parity[1] == 1)
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
	free(buf);
	return parity[0] == parity[1];
}
