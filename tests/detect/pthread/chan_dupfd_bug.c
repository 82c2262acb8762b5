//! expect: bug assertion
//! args: --strategy=dfs
/* A copy of a pipe's write end made with fcntl(F_DUPFD_CLOEXEC) was no
 * channel for weft: a write through it was no step, and a read that
 * assumes it comes later was verified (a review's finding).  Copies made
 * with fcntl and dup3 are channels too now. */
#define _GNU_SOURCE
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
static int p[2], w2;
static void *w(void *a)
{
	write(w2, "x", 1);
	return a;
}
int main(void)
{
	pthread_t t;
	char c;
	pipe2(p, O_NONBLOCK);
#ifdef DUP3
	w2 = dup3(p[1], 10, O_CLOEXEC);
#else
	w2 = fcntl(p[1], F_DUPFD_CLOEXEC, 0);
#endif
	pthread_create(&t, 0, w, 0);
	ssize_t r = read(p[0], &c, 1);
	pthread_join(t, 0);
	assert(r != 1); /* wrong: the write may come first */
	return 0;
}
