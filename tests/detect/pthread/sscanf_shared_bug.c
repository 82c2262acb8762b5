//! expect: bug data-race
/* main parses a setting with sscanf from a buffer a worker rewrites
 * without a lock; the C library's sscanf is not instrumented, so weft
 * checks the string it reads.  Before, this was verified.  The worker also
 * sorts a shared table with qsort while main reads it: both races are
 * reported.  sscanf_shared_ok.c takes the lock around both. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char setting[32] = "speed=10";
static int table[4] = { 4, 3, 2, 1 };
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	strcpy(setting, "speed=20");
	qsort(table, 4, sizeof table[0], cmp);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int speed = 0, first;

	pthread_create(&t, NULL, worker, NULL);
#ifdef OK
	pthread_mutex_lock(&m);
#endif
	if (sscanf(setting, "speed=%d", &speed) != 1)
		speed = -1;
	first = table[0];
#ifdef OK
	pthread_mutex_unlock(&m);
#endif
	pthread_join(t, NULL);
	return speed > 0 && first > 0 ? 0 : 1;
}
