//! expect: verified
/* main registers an exit handler and calls pthread_exit: the process ends
 * when its last thread does, as if that thread called exit(0), so the
 * handler runs then (POSIX).  weft ended the execution without running
 * exit handlers or destructors, and main_exit_atexit_bug.c, whose handler
 * finds the work unfinished and aborts (natively, every run), was
 * verified. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#ifdef MAIN_EXIT_ATEXIT_BUG
#define WORK_DONE 1
#else
#define WORK_DONE 2
#endif

static atomic_int work;

static void check(void)
{
	if (atomic_load(&work) != 2)
		abort();
}

static void *worker(void *arg)
{
	(void)arg;
	atomic_store(&work, WORK_DONE);
	return NULL;
}

int main(void)
{
	pthread_t t;

	atexit(check);
	pthread_create(&t, NULL, worker, NULL);
	pthread_exit(NULL);
}
