//! expect: verified
//! args: strategy=dfs
/* The correct twin of rwlock_freed_bug.c: the lookup thread is joined
 * before the table's lock is destroyed and the table freed. */
#include <pthread.h>
#include <stdlib.h>

struct table {
	pthread_rwlock_t lock;
	int routes;
};

static void *lookup(void *arg)
{
	struct table *t = arg;
	int n;

	pthread_rwlock_rdlock(&t->lock);
	n = t->routes;
	pthread_rwlock_unlock(&t->lock);
	return (void *)(long)n;
}

int main(void)
{
	struct table *t = calloc(1, sizeof *t);
	pthread_t th;

	if (!t)
		return 1;
	pthread_rwlock_init(&t->lock, NULL);
	pthread_create(&th, NULL, lookup, t);
	pthread_rwlock_wrlock(&t->lock);
	t->routes = 4;
	pthread_rwlock_unlock(&t->lock);
	pthread_join(th, NULL);
	pthread_rwlock_destroy(&t->lock);
	free(t);
	return 0;
}
