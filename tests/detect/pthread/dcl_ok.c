//! expect: verified
//! args: --strategy=dfs
/* Double-checked locking done right: the pointer is a C11 atomic, published
 * with release and checked with acquire. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct config {
	int value;
};

static _Atomic(struct config *) instance;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static struct config *get(void)
{
	struct config *c = atomic_load_explicit(&instance, memory_order_acquire);

	if (!c) {
		pthread_mutex_lock(&lock);
		c = atomic_load_explicit(&instance, memory_order_relaxed);
		if (!c) {
			c = malloc(sizeof *c);
			c->value = 7;
			atomic_store_explicit(&instance, c, memory_order_release);
		}
		pthread_mutex_unlock(&lock);
	}
	return c;
}

static void *user(void *arg)
{
	(void)arg;
	assert(get()->value == 7);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, user, NULL);
	pthread_create(&b, NULL, user, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	free(atomic_load(&instance));
	return 0;
}
