//! expect: verified
//! args: --strategy=dfs
/* Wait for a flag with a 1-second deadline, re-waiting
 * for the time left after each wakeup (spurious or timed out), as a
 * timed futex wait loop does.  No one sets the flag: it times out.  A
 * timeout left virtual time where it was, and the loop never reached its
 * deadline (a false livelock); a timed wait that times out now moves
 * virtual time to its deadline. */
#include <linux/futex.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static atomic_uint w;

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	long long deadline = now_ns() + 1000000000LL;
	int iters = 0;

	while (atomic_load(&w) == 0) {
		long long left = deadline - now_ns();
		if (left <= 0)
			break;
		struct timespec rel = { left / 1000000000LL, left % 1000000000LL };
		syscall(SYS_futex, &w, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0);
		iters++;
	}
	printf("gave up after %d waits\n", iters);
	return 0;
}
