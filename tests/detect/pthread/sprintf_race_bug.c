//! expect: bug data-race
/* Two workers format their reports into one shared buffer with snprintf,
 * without a lock: the writes race (and one report is garbled).  The C
 * library's snprintf is not instrumented, so weft checks the bytes it
 * stores; before, this was verified.  sprintf_race_ok.c takes a mutex. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char report[64];
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	long id = (long)arg;

#ifdef OK
	pthread_mutex_lock(&m);
#endif
	snprintf(report, sizeof report, "worker %ld done", id);
#ifdef OK
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	(void)m;
	return strlen(report) == 13 ? 0 : 1;
}
