//! expect: bug use-after-free
//! args: strategy=dfs
/* A request carries its own completion flag and condition variable.  The
 * handler sets the flag and signals after unlocking; the client, woken by
 * the flag alone, frees the request, so the handler's signal may reach
 * freed memory.  cond_freed_ok.c signals while holding the mutex and joins
 * the handler before freeing. */
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
	pthread_mutex_unlock(&r->lock);
	pthread_cond_signal(&r->done_cv);
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
	pthread_detach(t);
	pthread_mutex_lock(&r->lock);
	while (!r->done)
		pthread_cond_wait(&r->done_cv, &r->lock);
	pthread_mutex_unlock(&r->lock);
	free(r);
	pthread_exit(NULL);
}
