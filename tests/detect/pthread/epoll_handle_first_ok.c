//! expect: verified
//! args: --strategy=dfs
/* An event loop handles the job as soon as epoll_wait reports its
 * eventfd, and drains the eventfd after: the kernel's wait queue orders
 * the worker's store before the handling, as for poll.  epoll_wait
 * ordered nothing, and weft reported a race (the events carry the
 * program's data, here a pointer, which weft now maps back to the
 * descriptor it was registered with).  epoll_handle_first_bug.c stores
 * the job after the wake-up. */
#include <assert.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int ep, efd, job;

static void *worker(void *arg)
{
#ifdef LATE
	eventfd_write(efd, 1);
	job = 42;
#else
	job = 42;
	eventfd_write(efd, 1);
#endif
	return arg;
}

int main(void)
{
	pthread_t t;
	struct epoll_event e = { .events = EPOLLIN }, got;
	eventfd_t v;

	ep = epoll_create1(0);
	efd = eventfd(0, 0);
	if (ep < 0 || efd < 0)
		return 1;
	e.data.ptr = &job;
	epoll_ctl(ep, EPOLL_CTL_ADD, efd, &e);
	pthread_create(&t, NULL, worker, NULL);
	if (epoll_wait(ep, &got, 1, -1) == 1 && got.data.ptr == &job)
		assert(job == 42 || job == 0);
	eventfd_read(efd, &v);
	pthread_join(t, NULL);
	return 0;
}
