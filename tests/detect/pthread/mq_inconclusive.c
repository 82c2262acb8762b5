//! expect: inconclusive
/* A POSIX message queue between two threads, non-blocking: the consumer
 * assumes the producer queued the job first, and the program fails when
 * the consumer goes first.  mq_send and mq_receive were no scheduling
 * points, so one order was explored and the program was verified (a
 * blocking receive, the same way, blocked every thread until the time
 * limit).  The kernel's channels between threads are refused at once,
 * inconclusive (unsupported: mq_open) (a helper's probe). */
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static mqd_t q;

static void *prod(void *a)
{
	mq_send(q, "job", 4, 0);
	return a;
}

static void *cons(void *a)
{
	char buf[64];

	if (mq_receive(q, buf, sizeof buf, NULL) > 0)
		*(int *)a = 1;
	return NULL;
}

int main(void)
{
	struct mq_attr at = { .mq_maxmsg = 4, .mq_msgsize = 64 };
	char name[64];
	int got = 0;
	pthread_t p, c;

	snprintf(name, sizeof name, "/weft_mq_%d", (int)getpid());
	q = mq_open(name, O_CREAT | O_RDWR | O_NONBLOCK, 0600, &at);
	if (q == (mqd_t)-1)
		return 2;
	pthread_create(&p, NULL, prod, NULL);
	pthread_create(&c, NULL, cons, &got);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	mq_close(q);
	mq_unlink(name);
	return got ? 0 : 1;
}
