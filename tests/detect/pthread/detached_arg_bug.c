//! expect: bug leak
//! args: --strategy=dfs
/* As detached_arg_ok.c (main hands a heap block to a detached thread and
 * returns), but the worker never frees the block.  While the thread has
 * not started its argument keeps the block, but in the executions where
 * the worker ran to its end before main returned nothing points to it any
 * more: a leak. */
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
