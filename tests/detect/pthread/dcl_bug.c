//! expect: bug data-race
//! args: --strategy=dfs
/* Double-checked locking done wrong: the first check reads the shared
 * pointer without synchronisation, so a thread can see it set before the
 * object it points to is visibly initialised.  dcl_ok.c does it right. */
#include <pthread.h>
#include <stdlib.h>

struct config {
	int value;
};

static struct config *instance;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static struct config *get(void)
{
	if (!instance) {
		pthread_mutex_lock(&lock);
		if (!instance) {
			struct config *c = malloc(sizeof *c);
			c->value = 7;
			instance = c;
		}
		pthread_mutex_unlock(&lock);
	}
	return instance;
}

static void *user(void *arg)
{
	(void)arg;
	return get()->value == 7 ? NULL : (void *)1;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, user, NULL);
	pthread_create(&b, NULL, user, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	free(instance);
	return 0;
}
