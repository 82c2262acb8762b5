//! expect: bug livelock
/* main polls a plain flag that another thread sets.  At -O1 the compiler
 * reads the flag once, before the loop, and spins on the register
 * (test %eax,%eax; je back): when main reads before the setter writes,
 * the loop reads nothing and never ends, natively as under weft.  It
 * reached no scheduling point, and weft waited for the 65 s time limit
 * (inconclusive, with no word of where).  The watchdog's probe runs the
 * loop instruction by instruction until its state repeats, parks main
 * there as looping for ever, and the setter runs: with nothing else able
 * to run, a livelock at the loop's line (the race on the flag is noted
 * too).  The twin polls an atomic flag: verified. */
#include <pthread.h>
#include <stdio.h>

#ifdef OK
#include <stdatomic.h>
static atomic_int done;
#define READ_DONE() atomic_load(&done)
#define SET_DONE() atomic_store(&done, 1)
#else
static int done;
#define READ_DONE() done
#define SET_DONE() (done = 1)
#endif
static int data;

static void *setter(void *arg)
{
	(void)arg;
	data = 42;
	SET_DONE();
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, setter, NULL);
	while (!READ_DONE())
		;
	printf("%d\n", data);
	pthread_join(t, NULL);
	return 0;
}
