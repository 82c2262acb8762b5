//! expect: verified
//! args: --strategy=dfs
/* The correct twin of premain_double_free_bug.c: the thread that takes the
 * constructor's block clears the pointer under the lock, so only one of
 * them frees it. */
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
	cfg = NULL;
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
