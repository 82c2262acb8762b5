//! expect: verified
//! args: --strategy=dfs
/* Calls real programs make in passing, on main and on another thread:
 * scheduling parameters, attributes, affinity, CPU queries, thread names.
 * None of them may crash or be reported.  benign_calls_bug.c makes the
 * same calls around a data race, which must still be found. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

static void check_sched(pthread_t t)
{
	struct sched_param sp = { 0 };
	int policy = -1;

	assert(pthread_getschedparam(t, &policy, &sp) == 0);
	assert(policy == SCHED_OTHER && sp.sched_priority == 0);
	assert(pthread_setschedparam(t, SCHED_OTHER, &sp) == 0);
	assert(pthread_setschedprio(t, 0) == 0);
}

static void check_affinity(pthread_t t)
{
	cpu_set_t set;
	int cpu;

	CPU_ZERO(&set);
	assert(pthread_getaffinity_np(t, sizeof set, &set) == 0);
	assert(CPU_COUNT(&set) >= 1);
	cpu = sched_getcpu();
	assert(cpu >= 0);
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	assert(pthread_setaffinity_np(t, sizeof set, &set) == 0);
	assert(pthread_getaffinity_np(t, sizeof set, &set) == 0);
	assert(CPU_ISSET(cpu, &set) && CPU_COUNT(&set) == 1);
}

static void check_names(pthread_t t, const char *name)
{
	char buf[16];

	assert(pthread_setname_np(t, name) == 0);
	assert(pthread_getname_np(t, buf, sizeof buf) == 0);
	assert(strcmp(buf, name) == 0);
	assert(pthread_setname_np(t, "a name much too long") != 0);
	assert(prctl(PR_SET_NAME, "prctl-name", 0, 0, 0) == 0);
	assert(prctl(PR_GET_NAME, buf, 0, 0, 0) == 0);
	assert(strcmp(buf, "prctl-name") == 0);
}

static void check_self(void)
{
	pthread_t self = pthread_self();
	pthread_attr_t attr;
	clockid_t clk;
	size_t size = 0;
	void *addr = NULL;

	check_sched(self);
	check_affinity(self);
	assert(pthread_getattr_np(self, &attr) == 0);
	assert(pthread_attr_getstack(&attr, &addr, &size) == 0);
	assert(addr != NULL && size >= 65536);
	assert((char *)&attr > (char *)addr &&
	       (char *)&attr < (char *)addr + size);
	pthread_attr_destroy(&attr);
	assert(pthread_kill(self, 0) == 0);
	assert(pthread_getcpuclockid(self, &clk) == 0);
	assert(sysconf(_SC_NPROCESSORS_ONLN) >= 1);
	assert(sysconf(_SC_NPROCESSORS_CONF) >= 1);
}

static void *worker(void *arg)
{
	(void)arg;
	check_self();
	check_names(pthread_self(), "worker");
	return NULL;
}

int main(void)
{
	struct sched_param sp = { 0 };
	pthread_attr_t attr;
	pthread_t t;
	size_t size = 0;
	int v = -1;

	assert(pthread_attr_init(&attr) == 0);
	assert(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE) == 0);
	assert(pthread_attr_getdetachstate(&attr, &v) == 0 &&
	       v == PTHREAD_CREATE_JOINABLE);
	assert(pthread_attr_setstacksize(&attr, 1 << 20) == 0);
	assert(pthread_attr_getstacksize(&attr, &size) == 0 && size == 1 << 20);
	assert(pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED) == 0);
	assert(pthread_attr_setschedpolicy(&attr, SCHED_OTHER) == 0);
	assert(pthread_attr_setschedparam(&attr, &sp) == 0);
	assert(pthread_attr_setscope(&attr, PTHREAD_SCOPE_SYSTEM) == 0);
	assert(pthread_create(&t, &attr, worker, NULL) == 0);
	assert(pthread_attr_destroy(&attr) == 0);
	check_self();
	check_names(pthread_self(), "main");
	assert(pthread_join(t, NULL) == 0);
	printf("benign calls ok\n");
	return 0;
}
