//! expect: verified
//! args: --strategy=dfs
/* errno is each thread's own, and a pointer to it (&errno) is no better
 * than one to a _Thread_local variable: it dies with its thread.  Here
 * the worker uses the pointer itself and leaves the value in a global,
 * which main reads after the join.  errno_dead_bug.c has main write the
 * finished worker's errno through the pointer: a use-after-free, which
 * weft verified while it reported the same with a _Thread_local variable
 * (a probe).  (The program has a _Thread_local variable of its own: on
 * a machine without FSGSBASE, a program with none keeps every thread's
 * errno at one address, swapped at each switch, and the use goes
 * unseen.) */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

static int *perr;
static int result;
_Thread_local int calls;

static void *worker(void *a)
{
	calls++;
	perr = &errno;
	*perr = 0;
	if (strtol("99999999999999999999999", NULL, 10) && *perr == ERANGE)
		result = 1;
	return a;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
#ifdef ERRNO_DEAD_BUG
	*perr = 0;
#endif
	return result == 1 ? 0 : 1;
}
