//! expect: bug use-after-free
//! args: strategy=dfs
/* A session object, mutex inside, is freed when main is done with it, but
 * the logger thread may still lock the mutex: locking memory that was
 * freed.  (main destroys nothing; the mutex dies with the free.)
 * mutex_freed_ok.c joins the logger before destroying and freeing. */
#include <pthread.h>
#include <stdlib.h>

struct session {
	pthread_mutex_t lock;
	int lines;
};

static void *logger(void *arg)
{
	struct session *s = arg;

	pthread_mutex_lock(&s->lock);
	s->lines++;
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

int main(void)
{
	struct session *s = calloc(1, sizeof *s);
	pthread_t t;

	if (!s)
		return 1;
	pthread_mutex_init(&s->lock, NULL);
	pthread_create(&t, NULL, logger, s);
	pthread_detach(t);
	free(s);
	pthread_exit(NULL);
}
