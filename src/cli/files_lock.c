/* src/cli/files_lock.c - the jobs of one search take turns at files.
 *
 * With --jobs=N the workers run executions at the same time, each on the
 * real files (src/pthread/fs.c): a program whose threads each created a
 * file of a fixed name with O_EXCL and removed it failed its assertion in
 * one job while another job's execution had that file (a false bug, in
 * half the runs of `--jobs=2`), and a counter kept in a file would count
 * the other jobs' executions too.  So an execution that touches a file
 * (its contents or a name: every step of fs.c) first takes a lock the
 * jobs share, and holds it until it is over (fs_made.c), when the files
 * it created are gone again.  Executions that use no file never wait.
 *
 * The lock is a robust, process-shared mutex in memory the parent maps
 * before it forks the jobs: a worker that dies holding it (a crash of the
 * program, a kill at a time limit) leaves it to the next, which takes it
 * over.  A job waiting at the lock takes no step, which the parent's
 * watch for hangs counts as time like any other; no job waits for
 * another's execution to do anything but end. */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <sys/mman.h>

#include "options.h"

static pthread_mutex_t *shared; /* mapped once, reused by later tests */
static pthread_mutex_t *lock;   /* this test's: NULL for a single job */
static bool held;

void weft__files_lock_setup(int njobs)
{
	pthread_mutexattr_t a;

	lock = NULL;
	if (njobs <= 1)
		return;
	if (!shared) {
		void *p = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return; /* jobs then share files as before */
		shared = p;
	}
	pthread_mutexattr_init(&a);
	pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(shared, &a);
	pthread_mutexattr_destroy(&a);
	lock = shared;
}

void weft__files_enter(void)
{
	int e = errno;

	if (!lock || held)
		return;
	if (pthread_mutex_lock(lock) == EOWNERDEAD)
		pthread_mutex_consistent(lock);
	held = true;
	errno = e;
}

void weft__files_leave(void)
{
	if (!held)
		return;
	held = false;
	pthread_mutex_unlock(lock);
}
