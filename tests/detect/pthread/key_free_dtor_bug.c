//! expect: bug use-after-free
//! args: --strategy=dfs
/* A thread's buffer is kept in thread-specific data whose destructor is
 * free, the common idiom, and also published to main, which reads it
 * after the thread may have ended: the destructor ran at the thread's
 * end and the read is of freed memory.  The report names the free at
 * the thread's end, in the destructor of the key created at main's line
 * (it named libweft.so:0, where weft calls the destructor: tests/cli/
 * reports.sh).  key_free_dtor_ok.c copies the value before publishing. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

static pthread_key_t key;
static _Atomic(int *) shared;
static atomic_int copy;

static void *worker(void *arg)
{
	int *p = malloc(sizeof *p);

	*p = 42;
	pthread_setspecific(key, p);
#ifdef COPY
	atomic_store(&copy, *p);
	(void)shared;
#else
	atomic_store(&shared, p);
#endif
	return arg;
}

int main(void)
{
	pthread_t t;
	int *p;

	pthread_key_create(&key, free);
	pthread_create(&t, NULL, worker, NULL);
#ifdef COPY
	while (!atomic_load(&copy))
		;
	p = NULL;
#else
	while (!(p = atomic_load(&shared)))
		;
#endif
	int v = p ? *p : atomic_load(&copy);
	pthread_join(t, NULL);
	return v == 42 ? 0 : 1;
}
