//! expect: bug assertion
//! args: --strategy=dfs
/* shutdown(SHUT_WR) of a socket pair's end was no step: a peer's
 * non-blocking recv that assumes it comes later was verified (a
 * review's finding).  It is a step, and releases as a close does. */
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
static int sv[2];
static void *w(void *a)
{
	shutdown(sv[1], SHUT_WR);
	return a;
}
int main(void)
{
	pthread_t t;
	char c;
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pthread_create(&t, 0, w, 0);
	ssize_t r = recv(sv[0], &c, 1, MSG_DONTWAIT);
	pthread_join(t, 0);
	assert(r != 0); /* wrong: the shutdown may come first */
	return 0;
}
