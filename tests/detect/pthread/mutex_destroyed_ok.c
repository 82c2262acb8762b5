//! expect: verified
//! args: strategy=dfs
/* The correct twin of mutex_destroyed_bug.c: the worker is joined before
 * the connection's mutex is destroyed; the next connection initialises
 * the same mutex again, which is legal after a destroy. */
#include <pthread.h>

struct conn {
	pthread_mutex_t lock;
	int bytes;
};

static struct conn conn;

static void *account(void *arg)
{
	struct conn *c = arg;

	pthread_mutex_lock(&c->lock);
	c->bytes += 100;
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

static void serve(void)
{
	pthread_t t;

	pthread_mutex_init(&conn.lock, NULL);
	pthread_create(&t, NULL, account, &conn);
	pthread_mutex_lock(&conn.lock);
	conn.bytes += 10;
	pthread_mutex_unlock(&conn.lock);
	pthread_join(t, NULL);
	pthread_mutex_destroy(&conn.lock);
}

int main(void)
{
	serve();
	serve(); /* the same mutex, initialised again */
	return conn.bytes == 220 ? 0 : 1;
}
