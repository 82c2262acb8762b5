//! expect: bug misuse
//! args: --strategy=dfs
/* The second worker is created only when there is work for it, but both
 * are joined: pthread_join of a pthread_t no pthread_create filled in (a
 * zero global here) is undefined, and glibc, which takes the ID for a
 * pointer, crashes.  weft answered ESRCH and the program passed.
 * join_bad_id_ok.c joins only the threads it created. */
#include <pthread.h>

static pthread_t workers[2];
static int work = 1, done;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	done++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	int n = 0;

	for (int i = 0; i < 2; i++)
		if (i < work && pthread_create(&workers[i], NULL, worker, NULL) == 0)
			n++;
#ifdef JOIN_BAD_ID_OK
	for (int i = 0; i < n; i++)
#else
	for (int i = 0; i < 2; i++)
#endif
		pthread_join(workers[i], NULL);
	return done == n ? 0 : 1;
}
