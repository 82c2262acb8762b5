//! expect: verified
//! args: --strategy=dfs
/* An event loop: a thread waits in epoll_wait on an eventfd (work queued)
 * and a pipe (stop).  main queues an item, signals the eventfd, then
 * writes the stop byte.  The eventfd orders the item's store before the
 * loop's use of it.  epoll over channels the execution made is modelled
 * (src/pthread/chan_wait.c); before, epoll_wait was unsupported.
 * epoll_loop_bug.c signals before it stores the item. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int ep, work, stop[2];
static int item, handled;

static void *loop(void *arg)
{
	(void)arg;
	for (;;) {
		struct epoll_event ev[2];
		int n = epoll_wait(ep, ev, 2, -1);

		for (int i = 0; i < n; i++) {
			if (ev[i].data.fd == stop[0])
				return NULL;
			uint64_t v;
			if (read(work, &v, sizeof v) == sizeof v)
				handled += item;
		}
	}
}

int main(void)
{
	pthread_t t;
	struct epoll_event e = { .events = EPOLLIN };

	ep = epoll_create1(0);
	work = eventfd(0, 0);
	if (ep < 0 || work < 0 || pipe(stop))
		return 1;
	e.data.fd = work;
	epoll_ctl(ep, EPOLL_CTL_ADD, work, &e);
	e.data.fd = stop[0];
	epoll_ctl(ep, EPOLL_CTL_ADD, stop[0], &e);
	pthread_create(&t, NULL, loop, NULL);
#ifdef SIGNAL_FIRST
	eventfd_write(work, 1);
	item = 7;
#else
	item = 7;
	eventfd_write(work, 1);
#endif
	write(stop[1], "s", 1);
	pthread_join(t, NULL);
	printf("handled %d\n", handled);
	return 0;
}
