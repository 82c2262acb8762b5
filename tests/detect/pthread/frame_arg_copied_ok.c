//! expect: verified
//! args: --strategy=dfs
/* The usual correct way to hand a thread a stack argument and return: the
 * thread copies it and says so, and only then does start() return; the
 * thread lives on.  Later, main hands the same thread a pointer to a local
 * of a new frame at the same place through a queue (a mutex and a
 * condition variable): that pointer is new, not the dead one. */
#include <pthread.h>

struct args {
	int in;
	pthread_mutex_t *m;
	pthread_cond_t *c;
	int copied;
};

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int *job;           /* the queue: one slot, under m */
static int done;
static pthread_t t;

static void *worker(void *p)
{
	struct args *a = p;
	int in = a->in;

	pthread_mutex_lock(&m);
	a->copied = 1;
	pthread_cond_broadcast(&c);
	while (!job)
		pthread_cond_wait(&c, &m);
	*job += in;
	done = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

static __attribute__((noinline)) void start(void)
{
	struct args a = { .in = 5, .m = &m, .c = &c, .copied = 0 };

	pthread_create(&t, NULL, worker, &a);
	pthread_mutex_lock(&m);
	while (!a.copied)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
}

static __attribute__((noinline)) int submit(void)
{
	int result;

	pthread_mutex_lock(&m);
	job = &result;
	result = 1;
	pthread_cond_broadcast(&c);
	while (!done)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	return result;
}

int main(void)
{
	start();
	int r = submit();
	pthread_join(t, NULL);
	return r == 6 ? 0 : 1;
}
