//! expect: bug data-race
//! args: --strategy=dfs
/* The worker recv()s into buf while main reads buf without waiting for
 * it.  recv's buffer was never checked, where read's was (a review's
 * finding). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
static int sv[2];
static char buf[4];
static void *w(void *a)
{
#ifdef USE_READ
	read(sv[0], buf, sizeof buf);
#else
	recv(sv[0], buf, sizeof buf, 0);
#endif
	return a;
}
int main(void)
{
	pthread_t t;
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pthread_create(&t, 0, w, 0);
	send(sv[1], "abc", 4, 0);
	printf("%c\n", buf[0]); /* races with the worker's recv */
	pthread_join(t, 0);
	return 0;
}
