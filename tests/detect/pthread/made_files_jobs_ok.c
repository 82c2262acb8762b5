//! expect: pass
//! args: --jobs=2 --strategy=random --iterations=600
/* Three threads each create a file of a fixed name of their own with
 * O_EXCL and remove it, searched by two jobs at once.  The jobs' workers
 * share the real files: one job's execution found the file another
 * job's execution had just created, and the assertion failed (a false
 * bug, in most runs).  An execution that touches files now holds a lock
 * the jobs share until it is over (src/cli/files_lock.c), by when the
 * files it created are gone (src/pthread/fs_made.c). */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *worker(void *arg)
{
	char path[64];
	int fd;

	snprintf(path, sizeof path, "/tmp/weft_made_jobs_%ld", (long)arg);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0600);
	assert(fd >= 0);
	assert(write(fd, "x", 1) == 1);
	close(fd);
	unlink(path);
	return NULL;
}

int main(void)
{
	pthread_t t[3];

	for (long i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	return 0;
}
