//! expect: bug assertion
//! args: --strategy=dfs
/* The worker makes the shared read end non-blocking before it writes:
 * main's read may come between and fail with EAGAIN.  The flag's change
 * was no step, and weft verified the program (a review's finding);
 * fcntl's F_SETFL on a channel is a step now, and a blocked read ends
 * when its descriptor becomes non-blocking. */
#define _GNU_SOURCE
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
static int p[2];
static void *w(void *a)
{
	fcntl(p[0], F_SETFL, O_NONBLOCK);
#ifdef DELAY
	usleep(20000);
#endif
	write(p[1], "x", 1);
	return a;
}
int main(void)
{
	pthread_t t;
	char c;
	pipe(p);
	pthread_create(&t, 0, w, 0);
#ifdef DELAY
	usleep(5000);
#endif
	ssize_t r = read(p[0], &c, 1);
	pthread_join(t, 0);
	assert(r == 1); /* wrong: EAGAIN if the flag came first */
	return 0;
}
