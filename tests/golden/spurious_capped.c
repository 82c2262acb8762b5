//! needs: pthread
/* Pins the verdict of a search that weft's budget of spurious wakeups
 * bounded: the waiter gives up after two wakeups and asserts what only
 * the signal gives.  POSIX allows two spurious wakeups before the setter
 * runs, so the program is wrong; weft explores one per thread and
 * execution, and the verification says so in its line and in a note
 * (it said "every interleaving (no bound needed)", a probe found). */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *waiter(void *arg)
{
	int wakeups = 0;

	(void)arg;
	pthread_mutex_lock(&m);
	while (!ready && wakeups < 2) {
		pthread_cond_wait(&cv, &m);
		wakeups++;
	}
	assert(ready);
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *setter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t, s;

	pthread_create(&t, NULL, waiter, NULL);
	pthread_create(&s, NULL, setter, NULL);
	pthread_join(t, NULL);
	pthread_join(s, NULL);
	return 0;
}
