//! expect: verified
/* Two threads each read a counter kept in a file and write it back
 * incremented, under a mutex; file_counter_bug.c drops the mutex, a lost
 * update.  weft did not see files as shared state: no write of a file
 * was a step, and the bug twin was verified in one schedule (found by a
 * probe of the README's claims).  Now the reads and writes of a file's
 * contents are steps on it (src/pthread/fs.c), whichever descriptor or
 * stream they go through: here pread and pwrite on the threads' own
 * descriptors, and the main thread's stream. */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#ifndef NO_LOCK
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#endif
static char path[64];

static void *bump(void *arg)
{
	int fd, n = 0;

	(void)arg;
#ifndef NO_LOCK
	pthread_mutex_lock(&m);
#endif
	fd = open(path, O_RDWR);
	assert(fd >= 0);
	if (pread(fd, &n, sizeof n, 0) == sizeof n) {
		n++;
		assert(pwrite(fd, &n, sizeof n, 0) == sizeof n);
	}
	close(fd);
#ifndef NO_LOCK
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	FILE *f;
	int n = 0;

	snprintf(path, sizeof path, "/tmp/weft_file_counter.%d", (int)getpid());
	f = fopen(path, "w+");
	assert(f && fwrite(&n, sizeof n, 1, f) == 1 && fflush(f) == 0);
	pthread_create(&a, NULL, bump, NULL);
	pthread_create(&b, NULL, bump, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	rewind(f);
	assert(fread(&n, sizeof n, 1, f) == 1);
	fclose(f);
	unlink(path);
	assert(n == 2);
	return 0;
}
