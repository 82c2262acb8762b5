//! expect: bug use-after-free
/* Two workers split their own lines with strtok: each line is private, but
 * strtok keeps its place in one static pointer of the C library, so the
 * calls race (a worker can go on splitting the other's line).  The C
 * library is not instrumented; weft models that state (src/tsan/
 * libc_state.c), and explores the race's orders: a worker then goes on
 * splitting the line of the other, which has returned (a read of its
 * finished stack), with "also data-race: data race on strtok's saved
 * position".  Before, this was verified.  strtok_ok.c uses strtok_r
 * with a position of each worker's own. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int fields[2];

static void *worker(void *arg)
{
	long id = (long)arg;
	char line[32];
	int n = 0;

	snprintf(line, sizeof line, "a,b,c,%ld", id);
#ifdef OK
	char *save;
	for (char *f = strtok_r(line, ",", &save); f;
	     f = strtok_r(NULL, ",", &save))
		n++;
#else
	for (char *f = strtok(line, ","); f; f = strtok(NULL, ","))
		n++;
#endif
	fields[id] = n;
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return fields[0] == 4 && fields[1] == 4 ? 0 : 1;
}
