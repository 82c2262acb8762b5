//! expect: verified
//! args: --strategy=dfs
/* A server thread answers requests on a socket pair, waiting in select();
 * the client sends two requests and reads two replies.  The server's
 * count of the requests it served is read by the client after the second
 * reply, which the server sends after counting.  socketpair_select_bug.c
 * counts after the reply. */
#include <pthread.h>
#include <stdio.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

static int sv[2];
static int served;

static void *server(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2; i++) {
		fd_set r;
		int req;

		FD_ZERO(&r);
		FD_SET(sv[1], &r);
		if (select(sv[1] + 1, &r, NULL, NULL, NULL) != 1 ||
		    recv(sv[1], &req, sizeof req, 0) != sizeof req)
			return arg;
		req *= 2;
#ifdef LATE_COUNT
		send(sv[1], &req, sizeof req, 0);
		served++;
#else
		served++;
		send(sv[1], &req, sizeof req, 0);
#endif
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	int sum = 0;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	pthread_create(&t, NULL, server, NULL);
	for (int i = 1; i <= 2; i++) {
		int rep;
		send(sv[0], &i, sizeof i, 0);
		if (recv(sv[0], &rep, sizeof rep, 0) != sizeof rep)
			return 1;
		sum += rep;
	}
	printf("sum %d served %d\n", sum, served);
	pthread_join(t, NULL);
	return sum != 6;
}
