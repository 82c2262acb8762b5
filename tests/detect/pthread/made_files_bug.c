//! expect: bug assertion
//! args: --strategy=dfs
/* Three threads each make a directory and a file in it with O_EXCL,
 * then remove both.  The bug: they all use the same directory's name
 * (SHARED), so one thread's mkdir fails while another's directory is
 * there.  made_files_ok.c gives each thread names of its own, which
 * never collide natively: weft's executions cut short (schedules the
 * search had covered) left the first thread's files behind, and the next
 * execution's O_EXCL open failed, a false assertion failure, until the
 * files an execution creates were removed when it is over
 * (src/pthread/fs_made.c). */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void *worker(void *arg)
{
	char dir[96], file[128];
	int fd;

#if defined(OWN_NAMES) && defined(FIXED_NAMES)
	/* The same names in every process: made_files_jobs_ok.c. */
	snprintf(dir, sizeof dir, "/tmp/weft_made_jobs_%ld", (long)arg);
#elif defined(OWN_NAMES)
	snprintf(dir, sizeof dir, "/tmp/weft_made_%d_%ld", (int)getpid(),
		 (long)arg);
#else
	(void)arg;
	snprintf(dir, sizeof dir, "/tmp/weft_made_%d_shared", (int)getpid());
#endif
	snprintf(file, sizeof file, "%s/data_%ld", dir, (long)arg);
	assert(mkdir(dir, 0700) == 0);
	fd = open(file, O_CREAT | O_EXCL | O_WRONLY, 0600);
	assert(fd >= 0);
	assert(write(fd, "x", 1) == 1);
	close(fd);
	unlink(file);
	rmdir(dir);
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
