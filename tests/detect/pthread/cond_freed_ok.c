//! expect: verified
//! args: strategy=dfs
/* The correct twin of cond_freed_bug.c: the handler signals while it
 * holds the mutex, and the client joins it before destroying and freeing
 * the request. */
#include <pthread.h>
#include <stdlib.h>

struct request {
	pthread_mutex_t lock;
	pthread_cond_t done_cv;
	int done;
};

static void *handler(void *arg)
{
	struct request *r = arg;

	pthread_mutex_lock(&r->lock);
	r->done = 1;
	pthread_cond_signal(&r->done_cv);
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

int main(void)
{
	struct request *r = calloc(1, sizeof *r);
	pthread_t t;

	if (!r)
		return 1;
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->done_cv, NULL);
	pthread_create(&t, NULL, handler, r);
	pthread_mutex_lock(&r->lock);
	while (!r->done)
		pthread_cond_wait(&r->done_cv, &r->lock);
	pthread_mutex_unlock(&r->lock);
	pthread_join(t, NULL);
	pthread_cond_destroy(&r->done_cv);
	pthread_mutex_destroy(&r->lock);
	free(r);
	return 0;
}
