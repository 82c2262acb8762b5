//! expect: bug assertion
//! args: --strategy=dfs
/* Two threads each change into a directory of their own and make a file
 * there by a relative name.  The bug: the working directory is the
 * process's, not the thread's, so both files may land in the directory
 * the later chdir named, and the second O_EXCL open fails.
 * cwd_restored_ok.c changes directory once, in main, before the threads
 * start, and is verified: each execution starts in the directory the
 * process started in (src/pthread/proc.c). */
#include <assert.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[2][64];

static void *worker(void *arg)
{
	long i = (long)arg;
	char name[16];
	int fd;

#ifdef OK
	snprintf(name, sizeof name, "data_%ld", i);
#else
	assert(chdir(dir[i]) == 0);
	snprintf(name, sizeof name, "data");
#endif
	fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
	assert(fd >= 0);
	close(fd);
	return NULL;
}

int main(void)
{
	char here[PATH_MAX];
	pthread_t t[2];

	/* A fresh process starts where it was started: never in a
	 * directory a run of this program made (and removed). */
	assert(getcwd(here, sizeof here) != NULL);
	assert(strncmp(here, "/tmp/weft_cwd_", 14) != 0);
	for (int i = 0; i < 2; i++) {
		snprintf(dir[i], sizeof dir[i], "/tmp/weft_cwd_%d_%d",
			 (int)getpid(), i);
		assert(mkdir(dir[i], 0700) == 0);
	}
#ifdef OK
	assert(chdir(dir[0]) == 0);
#endif
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
