//! expect: bug livelock
/* The handler sets one flag and the loop polls another: after weft sends
 * SIGINT from outside, the loop still spins, a livelock (the report says
 * the signal came and the spin went on). */
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_int stop, stopping;

static void on_int(int sig)
{
	(void)sig;
	atomic_store(&stopping, 1);
}

int main(void)
{
	signal(SIGINT, on_int);
	while (!atomic_load(&stop))
		usleep(1000);
	return 0;
}
