//! expect: bug assertion
//! args: --strategy=dfs
/* Two workers take events from one epoll instance; with EPOLLONESHOT
 * only the first epoll_wait gets the event.  epoll_wait was a read of
 * the channels for the explorer, so two of them commuted and weft
 * verified the assumption that worker 1 gets it (a review's finding);
 * it changes what the next one finds, a write. */
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
static int ep, efd, got[2];
static void *w(void *arg)
{
	int i = (int)(long)arg;
	struct epoll_event ev;
	got[i] = epoll_wait(ep, &ev, 1, 0);
	return 0;
}
int main(void)
{
	pthread_t t[2];
	struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT };
	efd = eventfd(1, 0);
	ep = epoll_create1(0);
	ev.data.fd = efd;
	epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
	pthread_create(&t[0], 0, w, (void *)0L);
	pthread_create(&t[1], 0, w, (void *)1L);
	pthread_join(t[0], 0);
	pthread_join(t[1], 0);
	assert(got[0] + got[1] == 1);
	assert(got[0] == 1); /* wrong: worker 2 may get it */
	return 0;
}
