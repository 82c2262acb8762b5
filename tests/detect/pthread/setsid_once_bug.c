//! expect: bug assertion
//! args: --strategy=dfs
/* Two threads each run a daemon's start-up, which makes a new session and
 * checks that it succeeded.  The bug: a process makes its session once;
 * the second setsid() fails with EPERM (the process now leads a group).
 * setsid_once_ok.c makes the session once, in main, and is verified:
 * weft's executions run in one process, whose session cannot be undone,
 * so setsid is modelled per execution without changing the process
 * (src/pthread/proc.c), and getsid and getpgrp agree with it. */
#include <assert.h>
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int started;

static void start_daemon(void)
{
	assert(setsid() == getpid());
	assert(getsid(0) == getpid() && getpgrp() == getpid());
	assert(getpgid(0) == getpid());
}

static void *worker(void *arg)
{
#ifndef OK
	start_daemon();
#endif
	pthread_mutex_lock(&m);
	started++;
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t t[2];

	/* weft's process is no group leader, as a process a shell runs in
	 * the background or a supervisor starts is not. */
	assert(getpgrp() != getpid());
#ifdef OK
	start_daemon();
	/* A session leader cannot change its group. */
	assert(setpgid(0, 0) == 0 && setpgrp() == 0);
#endif
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return started == 2 ? 0 : 1;
}
