//! needs: pthread
//! args: --strategy=dfs
/* Pins the report of a timed wait whose deadline is too far off to come
 * (tests/detect/pthread/deadline_clock_mix_*): the deadlock says how
 * many years away the deadline is and names the likely mix-up of
 * CLOCK_REALTIME and CLOCK_MONOTONIC. */
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c;

int main(void)
{
	pthread_condattr_t a;
	struct timespec ts;

	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&c, &a);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	pthread_mutex_lock(&m);
	while (pthread_cond_timedwait(&c, &m, &ts) == 0)
		;
	pthread_mutex_unlock(&m);
	return 0;
}
