//! expect: verified
//! args: --strategy=dfs
/* One thread sends 3 × 30000 bytes into a socket pair (natively none
 * blocks), then receives them.  A blocking send waited for the socket to
 * poll writable, which it does only while its buffer is a quarter full,
 * and weft reported a deadlock (a review's finding); a send now tries
 * first and waits only when the kernel says it would block. */
#define _GNU_SOURCE
#include <assert.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
static char buf[90000];
int main(void)
{
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	for (int i = 0; i < 3; i++)
		assert(send(sv[1], buf, 30000, 0) == 30000);
	size_t got = 0;
	while (got < 90000) {
		ssize_t k = recv(sv[0], buf, sizeof buf, 0);
		assert(k > 0);
		got += (size_t)k;
	}
	puts("ok");
	return 0;
}
