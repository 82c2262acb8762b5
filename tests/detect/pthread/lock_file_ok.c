//! expect: verified
/* Threads claim a job by creating its lock file with O_CREAT | O_EXCL,
 * which only one of them can do; lock_file_bug.c tests for the file with
 * access() and then creates it, and both may claim the job.  The test
 * and the creation were no steps and the bug twin was verified (found by
 * a probe of the README's claims); now every call that reads or changes
 * the files' names is a step on them (src/pthread/fs.c). */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static char path[64];
static int claims;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	int fd;

	(void)arg;
#ifdef CHECK_THEN_CREATE
	if (access(path, F_OK) == 0)
		return NULL;
	fd = open(path, O_WRONLY | O_CREAT, 0600);
#else
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
#endif
	if (fd < 0)
		return NULL;
	close(fd);
	pthread_mutex_lock(&m);
	claims++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	snprintf(path, sizeof path, "/tmp/weft_lock_file.%d", (int)getpid());
	unlink(path);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	unlink(path);
	assert(claims == 1);
	return 0;
}
