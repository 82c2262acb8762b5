//! args: --strategy=dfs
//! needs: pthread
/* Pins the text of an unsupported wait: a worker of an event loop polls
 * a network socket without a timeout (what arrives there comes from
 * outside the program, which weft cannot control; a pipe or socket pair
 * between the program's threads is modelled, src/pthread/chan.c).  The
 * reason names the call, and the message said it again ("unsupported:
 * poll() without a timeout: poll() without a timeout: weft cannot
 * control ..."). */
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static int sock;

static void *loop(void *arg)
{
	struct pollfd p = { .fd = sock, .events = POLLIN };

	(void)arg;
	poll(&p, 1, -1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	sock = socket(AF_INET, SOCK_DGRAM, 0);
	if (sock < 0)
		return 1;
	pthread_create(&t, NULL, loop, NULL);
	pthread_join(t, NULL);
	close(sock);
	return 0;
}
