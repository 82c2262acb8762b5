//! expect: bug data-race
/* Two workers format timestamps with localtime, whose result is one static
 * struct of the C library: one worker's call overwrites the result the
 * other is reading.  Before, this was verified (the C library is not
 * instrumented).  localtime_ok.c uses localtime_r into a struct of its
 * own. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static int hours[2];

static void *worker(void *arg)
{
	long id = (long)arg;
	time_t t = (time_t)(id * 7200);
#ifdef OK
	struct tm mine;
	struct tm *tm = localtime_r(&t, &mine);
#else
	struct tm *tm = localtime(&t);
#endif
	hours[id] = tm->tm_hour;
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	printf("%d %d\n", hours[0], hours[1]);
	return 0;
}
