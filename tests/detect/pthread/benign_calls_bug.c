//! expect: bug data-race
//! args: --strategy=dfs
/* benign_calls_ok.c's kind of calls around an unprotected counter: the
 * calls neither crash nor hide the data race. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

static int counter;

static void *worker(void *arg)
{
	struct sched_param sp;
	cpu_set_t set;
	int policy;

	(void)arg;
	pthread_getschedparam(pthread_self(), &policy, &sp);
	pthread_getaffinity_np(pthread_self(), sizeof set, &set);
	pthread_setname_np(pthread_self(), "worker");
	prctl(PR_SET_NAME, "worker", 0, 0, 0);
	counter += sched_getcpu() >= 0;
	return NULL;
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t t;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 1 << 20);
	pthread_create(&t, &attr, worker, NULL);
	pthread_attr_destroy(&attr);
	counter += sysconf(_SC_NPROCESSORS_ONLN) > 0;
	pthread_join(t, NULL);
	printf("counter %d\n", counter);
	return 0;
}
