//! expect: bug assertion
//! args: --strategy=dfs
/* writev on a pipe between the threads: weft-cc left it to the C
 * library, no step and no release, and a main whose non-blocking read
 * assumes it comes first was verified (a review of the channel model
 * found it).  Now writev, readv, sendmsg and recvmsg on a channel are
 * steps like write and read (src/pthread/chan_io.c). */
#define _GNU_SOURCE
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/uio.h>
#include <unistd.h>
static int p[2];
static void *w(void *a)
{
	struct iovec v = { "x", 1 };
	writev(p[1], &v, 1);
	return a;
}
int main(void)
{
	pthread_t t;
	char c;
	pipe2(p, O_NONBLOCK);
	pthread_create(&t, 0, w, 0);
	ssize_t r = read(p[0], &c, 1);
	pthread_join(t, 0);
	assert(r != 1); /* wrong: the writev may come first */
	return 0;
}
