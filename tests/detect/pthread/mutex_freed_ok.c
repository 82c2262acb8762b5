//! expect: verified
//! args: strategy=dfs
/* The correct twin of mutex_freed_bug.c: the logger is joined before the
 * session's mutex is destroyed and the session freed. */
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
	int lines;

	if (!s)
		return 1;
	pthread_mutex_init(&s->lock, NULL);
	pthread_create(&t, NULL, logger, s);
	pthread_join(t, NULL);
	lines = s->lines;
	pthread_mutex_destroy(&s->lock);
	free(s);
	return lines == 1 ? 0 : 1;
}
