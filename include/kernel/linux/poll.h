/* linux/poll.h - weft's kernel header tree: what a driver's .poll file
 * operation is written against.  A test calls the operation itself, as it
 * calls the driver's other file_operations (linux/fs.h): with a NULL
 * poll_table poll_wait does nothing, as in the kernel, and the mask the
 * driver returns is what poll(2) would see at that moment.  The
 * poll_table of a select, poll or epoll call, whose callback puts the
 * caller on the queue, is the VFS's and not modelled; a test may set one
 * up with init_poll_funcptr and a callback of its own. */
#ifndef WEFT_KERNEL_LINUX_POLL_H
#define WEFT_KERNEL_LINUX_POLL_H
#include <linux/weft_kernel.h>
#include <linux/fs.h>
#include <linux/wait.h>

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *,
				struct poll_table_struct *);
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *q,
			     poll_table *p)
{
	if (p && p->_qproc && q)
		p->_qproc(filp, q, p);
}

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

static inline bool poll_does_not_wait(const poll_table *p)
{
	return p == NULL || p->_qproc == NULL;
}

static inline __poll_t poll_requested_events(const poll_table *p)
{
	return p ? p->_key : ~(__poll_t)0;
}

/* The event bits (the kernel's uapi <linux/eventpoll.h> and
 * <asm-generic/poll.h>). */
#define EPOLLIN ((__poll_t)0x00000001)
#define EPOLLPRI ((__poll_t)0x00000002)
#define EPOLLOUT ((__poll_t)0x00000004)
#define EPOLLERR ((__poll_t)0x00000008)
#define EPOLLHUP ((__poll_t)0x00000010)
#define EPOLLNVAL ((__poll_t)0x00000020)
#define EPOLLRDNORM ((__poll_t)0x00000040)
#define EPOLLRDBAND ((__poll_t)0x00000080)
#define EPOLLWRNORM ((__poll_t)0x00000100)
#define EPOLLWRBAND ((__poll_t)0x00000200)
#define EPOLLMSG ((__poll_t)0x00000400)
#define EPOLLRDHUP ((__poll_t)0x00002000)
#ifndef POLLIN
#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG 0x0400
#define POLLRDHUP 0x2000
#endif
#endif
