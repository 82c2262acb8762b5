//! expect: bug misuse
//! args: strategy=dfs
/* A connection's mutex is destroyed when the connection closes, but the
 * worker that accounts its traffic is joined only afterwards: the worker
 * may lock the mutex after the destroy, or hold it while main destroys
 * it.  mutex_destroyed_ok.c joins the worker first, then re-initialises
 * the mutex for the next connection, which is legal. */
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

int main(void)
{
	pthread_t t;

	pthread_mutex_init(&conn.lock, NULL);
	pthread_create(&t, NULL, account, &conn);
	pthread_mutex_destroy(&conn.lock); /* close: too early */
	pthread_join(t, NULL);
	return 0;
}
