//! expect: verified
//! args: --strategy=dfs
/* main hands a heap block to a detached thread and returns, possibly
 * before the thread has started.  The block is no leak then: a thread
 * that has not started holds its start argument (glibc keeps it in the
 * thread's descriptor, where LeakSanitizer finds it), and once started
 * the worker frees it.  The buggy twin, detached_arg_bug.c, never frees
 * the block. */
#include <pthread.h>
#include <stdlib.h>

struct job {
	int id;
};

int sink; /* not static: the read must stay */

static void *worker(void *a)
{
	struct job *j = a;

	sink = j->id;
	free(j);
	return NULL;
}

int main(void)
{
	struct job *j = malloc(sizeof *j);
	pthread_t t;

	j->id = 1;
	pthread_create(&t, NULL, worker, j);
	pthread_detach(t);
	return 0;
}
