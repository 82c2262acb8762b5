/* tests/cli/restore_fds.c - a program that closes every descriptor above
 * 2, as a daemon does, for tests/cli/restore.sh.
 *
 * weft restores this program's 256 KiB of globals by written pages
 * through two descriptors of its own.  Every execution closes descriptors
 * 3 to 1023, opens a log file under each of the numbers 3 to 130 and
 * writes to each once its threads are done.  The program's close of
 * weft's descriptors fails (sched/fds.c keeps them high, above the
 * numbers it opens again; they were once among them, and weft fell back
 * to copying all the data), and weft must not close any of the program's
 * descriptors during the execution (it gives them back only before the
 * next one, as a process's end would: src/pthread/files.c). */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char pages[64][4096];
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	long who = (long)arg;

	pthread_mutex_lock(&m);
	pages[who][0] = 1;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t a, b;

	for (int p = 0; p < 64; p++)
		assert(pages[p][0] == 0);
	for (int fd = 3; fd < 1024; fd++)
		close(fd);
	for (int fd = 3; fd <= 130; fd++)
		assert(open(argc > 1 ? argv[1] : "/dev/null",
			    O_WRONLY | O_CREAT | O_APPEND, 0600) == fd);
	pthread_create(&a, NULL, worker, (void *)1L);
	pthread_create(&b, NULL, worker, (void *)2L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	for (int fd = 3; fd <= 130; fd++)
		assert(write(fd, "x", 1) == 1);
	return 0;
}
