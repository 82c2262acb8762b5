//! expect: verified
//! args: --strategy=dfs
/* main starts two detached workers, records its own status and leaves
 * with pthread_exit; the process ends when the last thread ends, and only
 * then do the exit handlers and destructors run (POSIX: as if exit(0) were
 * called at the last thread's termination).  glibc counts the threads down
 * with a full barrier in each ending thread, so the handlers may read
 * every thread's plain writes without a lock.  weft ran the handlers in
 * the last thread without ordering the other threads before them: a false
 * data race on the results.  pexit_handler_order_bug.c returns from main
 * instead: the handlers then run while the workers may still write. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long results[2];
static int main_status;

static void summary(void)
{
	printf("sum %ld status %d\n", results[0] + results[1], main_status);
}

__attribute__((destructor)) static void fini(void)
{
	printf("%s\n", results[0] && results[1] ? "both" : "missing");
}

static void *worker(void *arg)
{
	long i = (long)arg;

	results[i] = 10 * (i + 1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	atexit(summary);
	for (long i = 0; i < 2; i++) {
		pthread_create(&t, NULL, worker, (void *)i);
		pthread_detach(t);
	}
	main_status = 7;
#ifdef PEXIT_HANDLER_ORDER_BUG
	return 0;
#else
	pthread_exit(NULL);
#endif
}
