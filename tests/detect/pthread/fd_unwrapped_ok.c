//! expect: verified
/* Each execution makes descriptors by calls weft does not wrap
 * (timerfd_create, inotify_init1, memfd_create, signalfd, a raw
 * syscall(SYS_openat) and syscall(SYS_pidfd_open)) and leaves them to the
 * process's end, as many programs do.  weft closed only what its wrapped
 * calls opened: after a few hundred executions the calls failed with
 * EMFILE (inotify's 128 instances sooner) and the correct program
 * returned 1 (a probe).  The constructor lowers the limit on descriptors
 * so that a leak shows within the search here.  fd_unwrapped_bug.c leaks
 * within one execution, which the process's end does not save it from. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

#ifdef FD_UNWRAPPED_BUG
#define ROUNDS 300
#else
#define ROUNDS 1
#endif

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int events[3];

__attribute__((constructor)) static void low_limit(void)
{
	struct rlimit r;

	if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur > 256) {
		r.rlim_cur = 256;
		setrlimit(RLIMIT_NOFILE, &r);
	}
}

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3; i++) {
		pthread_mutex_lock(&m);
		events[i]++;
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

/* Whether every call made its descriptor. */
static int make_fds(void)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	if (timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC) < 0 ||
	    inotify_init1(IN_CLOEXEC) < 0 || memfd_create("w", 0) < 0 ||
	    signalfd(-1, &s, SFD_CLOEXEC) < 0 ||
	    syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY | O_DIRECTORY) < 0)
		return 0;
#ifdef SYS_pidfd_open
	/* (An older kernel has no pidfd_open: nothing made, nothing left.) */
	if (syscall(SYS_pidfd_open, getpid(), 0) < 0 && errno == EMFILE)
		return 0;
#endif
	return 1;
}

int main(void)
{
	pthread_t t[3];

	for (int i = 0; i < ROUNDS; i++)
		if (!make_fds())
			return 1;
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	return events[0] == 3 && events[1] == 3 && events[2] == 3 ? 0 : 1;
}
