//! expect: bug assertion
//! args: --strategy=dfs
/* Two threads each write a private file: they set the file mode creation
 * mask to 077 and put back the one they found.  The bug: the mask is the
 * process's; when the second thread saves the mask while the first has
 * 077 in force, it "restores" 077 last, and main's public report comes
 * out 0600.  umask is a step on the mask, so the explorer tries the two
 * threads' calls in both orders.  umask_restored_ok.c sets the private
 * mask once, in main, and is verified: each execution starts with the
 * mask of start-up (src/pthread/proc.c). */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* A mask no shell gives: the test's own, set as main starts, and never
 * the one a previous run of main left behind. */
#define START 002
#define PRIVATE 077

static void *worker(void *arg)
{
	char name[64];
	int fd;

	snprintf(name, sizeof name, "/tmp/weft_umask_%d_%ld", (int)getpid(),
		 (long)arg);
#ifndef OK
	mode_t old = umask(PRIVATE);
#endif
	fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0666);
	assert(fd >= 0);
	close(fd);
	unlink(name);
#ifndef OK
	umask(old);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t[2];
	mode_t now;

#ifdef OK
	/* Each execution starts with the mask the process started with. */
	now = umask(PRIVATE);
	assert(now != PRIVATE);
#else
	umask(START);
#endif
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
#ifndef OK
	/* The mask main set is in force again. */
	now = umask(START);
	assert(now == START);
#endif
	return 0;
}
