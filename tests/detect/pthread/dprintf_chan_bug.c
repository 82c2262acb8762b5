//! expect: bug assertion
/* Two threads write a record each into one pipe with dprintf, and the
 * reader assumes the first thread's comes first.  dprintf writes with
 * write(), and on a pipe between the program's threads it is a step of
 * the pipe's model, as write() is; it wrote to the real pipe by no step,
 * and this was verified (a review's probe), and under _FORTIFY_SOURCE
 * (__dprintf_chk, this file) it was not modelled at all.
 * dprintf_chan_ok.c starts the second writer after the first ended. */
#define _FORTIFY_SOURCE 2
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int p[2];

static void *writer(void *a)
{
	dprintf(p[1], "%c", (int)(long)a);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	char c[2];

	if (pipe(p))
		return 2;
	pthread_create(&a, NULL, writer, (void *)'a');
#ifdef OK
	pthread_join(a, NULL);
#endif
	pthread_create(&b, NULL, writer, (void *)'b');
	if (read(p[0], c, 1) != 1 || read(p[0], c + 1, 1) != 1)
		return 2;
	assert(c[0] == 'a' && c[1] == 'b');
#ifndef OK
	pthread_join(a, NULL);
#endif
	pthread_join(b, NULL);
	return 0;
}
