//! needs: pthread
/* Pins the note of a verdict of threads that used files: two threads
 * each read a counter from a file and write it back, under a mutex here,
 * so the program is correct; but weft does not explore the orders of
 * file operations, and without the mutex it verified the lost update in
 * one schedule (a probe of the README's claims), so every verdict of
 * such an execution says so. */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static char path[64];

static void *bump(void *arg)
{
	int fd, n = 0;

	(void)arg;
	pthread_mutex_lock(&m);
	fd = open(path, O_RDWR);
	if (fd >= 0 && pread(fd, &n, sizeof n, 0) == sizeof n) {
		n++;
		assert(pwrite(fd, &n, sizeof n, 0) == sizeof n);
	}
	if (fd >= 0)
		close(fd);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	int fd, n = 0;

	snprintf(path, sizeof path, "/tmp/weft_files_note.%d", (int)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	assert(fd >= 0 && write(fd, &n, sizeof n) == sizeof n);
	pthread_create(&a, NULL, bump, NULL);
	pthread_create(&b, NULL, bump, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(pread(fd, &n, sizeof n, 0) == sizeof n && n == 2);
	close(fd);
	unlink(path);
	return 0;
}
