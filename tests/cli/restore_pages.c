/* tests/cli/restore_pages.c - a program with 4.3 MB of globals, for
 * tests/cli/restore.sh: every execution must start from the data the
 * program started with, however it was written in the one before.
 *
 * main checks first that its globals are as the program was loaded (an
 * execution that sees a value from an earlier one is an assertion
 * failure), then two threads write them in the ways a program does: plain
 * stores into .bss and .data, a memset and a memcpy by the C library, a
 * read() system call into a global buffer, and a store into the last byte
 * of .bss, each thread three times under a mutex.  With the argument "race" both threads also add to one
 * counter without a lock (a data race weft must still report). */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BIG (4 << 20)
static char big[BIG];                         /* .bss, THP-sized */
static int data[65536] = { 1, 2, 3 };         /* .data, 256 KiB */
static char buf[8192];                        /* read() lands here */
static long counter;
static int racy;
static char last;                              /* near the end of .bss */
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long order;                             /* the schedule's mark */

/* Three critical sections per thread: 20 orders for the search, and a
 * different page written in each. */
static void mark(int who)
{
	for (int k = 0; k < 3; k++) {
		pthread_mutex_lock(&m);
		order = order * 3 + who;
		big[(order % 64) * 65536 + 4096] = (char)who;
		pthread_mutex_unlock(&m);
	}
}

static void *writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < BIG; i += 65536)
		big[i] = 1;
	memset(&data[30000], 0xff, 4096);
	data[1] = 7;
	last = 'x';
	mark(1);
	if (racy)
		counter++;
	return NULL;
}

static void *reader(void *arg)
{
	int fd = open((const char *)arg, O_RDONLY);

	if (fd >= 0) {
		if (read(fd, buf + 100, 4000) <= 0)
			buf[100] = 1;
		close(fd);
	}
	memcpy(big + BIG - 4096, buf + 100, 64);
	mark(2);
	if (racy)
		counter++;
	return NULL;
}

static int pristine(void)
{
	/* Every place written lies on these strides; checking each byte
	 * would make every execution 4 million instrumented reads. */
	for (int i = 0; i < BIG; i += 512)
		if (big[i])
			return 0;
	for (int i = 16; i < 65536; i += 16)
		if (data[i])
			return 0;
	for (int i = 0; i < (int)sizeof buf; i++)
		if (buf[i])
			return 0;
	return data[0] == 1 && data[1] == 2 && data[2] == 3 && !counter &&
	       !last && !order;
}

int main(int argc, char **argv)
{
	pthread_t a, b;

	assert(pristine());
	racy = argc > 1 && !strcmp(argv[1], "race");
	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, reader, argv[0]);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(big[0] == 1 && data[1] == 7 && last == 'x' && buf[100]);
	return 0;
}
