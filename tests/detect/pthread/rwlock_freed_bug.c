//! expect: bug use-after-free
//! args: strategy=dfs
/* A routing table guarded by a reader/writer lock is freed once main is
 * done with it, while a detached lookup thread may still take the read
 * lock: locking freed memory.  rwlock_freed_ok.c joins the lookup thread
 * before destroying the lock and freeing the table. */
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
	pthread_detach(th);
	pthread_rwlock_wrlock(&t->lock);
	t->routes = 4;
	pthread_rwlock_unlock(&t->lock);
	free(t);
	pthread_exit(NULL);
}
