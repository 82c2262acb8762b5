//! expect: bug crash
//! args: --strategy=dfs
/* One stack frame bigger than the whole thread stack (a 16 MiB local array
 * in a thread with the native 8 MiB): natively the first store below the
 * stack faults.  Under weft it used to jump the stack's guard page, write
 * into other memory and come out verified; weft-cc now builds with
 * -fstack-clash-protection, which touches every page of the frame as it
 * is allocated.  The correct twin is stack_clash_ok.c. */
#include <pthread.h>

#ifndef FRAME
#define FRAME (16 << 20)
#endif

static volatile int sink;

static void *worker(void *arg)
{
	volatile char big[FRAME];

	(void)arg;
	big[0] = 1;
	big[FRAME - 1] = 2;
	sink = big[0] + big[FRAME - 1];
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return sink == 3 ? 0 : 1;
}
