//! needs: pthread
/* Pins where a plain race is drawn when an atomic access shares its
 * line: both++ races between the threads, on the line of an
 * atomic_load of another variable.  The race was drawn as a tag on the
 * atomic_load's row (same thread, same line), and a racing read on the
 * racing write's row; each racing access now has its own row, on its
 * object. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int cnt = 2;
static int both;

static void *work(void *arg)
{
	(void)arg;
	atomic_fetch_sub(&cnt, 1);
	if (atomic_load(&cnt) <= 1) both++;
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, work, NULL);
	pthread_create(&b, NULL, work, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return both == 2;
}
