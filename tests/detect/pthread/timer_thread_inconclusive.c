//! expect: inconclusive
/* A POSIX timer whose expiry runs a function in a thread the C library
 * starts (SIGEV_THREAD); main waits for it on a semaphore.  Natively it
 * prints "fired"; weft never saw that thread and reported a deadlock.
 * Refused at timer_create (a probe of ordinary pthread programs). */
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>

static sem_t done;

static void fired(union sigval v)
{
	(void)v;
	sem_post(&done);
}

int main(void)
{
	struct sigevent se = { .sigev_notify = SIGEV_THREAD,
			       .sigev_notify_function = fired };
	struct itimerspec its = { .it_value = { 0, 10000000 } };
	timer_t tm;

	sem_init(&done, 0, 0);
	if (timer_create(CLOCK_MONOTONIC, &se, &tm))
		return 1;
	timer_settime(tm, 0, &its, NULL);
	sem_wait(&done);
	timer_delete(tm);
	puts("fired");
	return 0;
}
