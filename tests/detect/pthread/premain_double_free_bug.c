//! expect: bug double-free
//! args: --strategy=dfs
/* Two threads each free the block a constructor allocated, with nothing
 * deciding which one owns it: the second free is a double free, in every
 * order.  premain_double_free_ok.c lets only the thread that takes the
 * pointer free it. */
#include <pthread.h>
#include <stdlib.h>

static int *cfg;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

__attribute__((constructor)) static void setup(void)
{
	cfg = malloc(sizeof *cfg);
	*cfg = 1;
}

static void *closer(void *arg)
{
	int *p;

	(void)arg;
	pthread_mutex_lock(&lock);
	p = cfg;
	pthread_mutex_unlock(&lock);
	free(p);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, closer, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
