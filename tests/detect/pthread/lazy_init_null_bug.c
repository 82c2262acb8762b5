//! expect: bug crash
/* Lazy initialisation that marks the table as started before it exists:
 * the second thread skips the initialisation and reads through the
 * still-null pointer.  The read's site had become a scheduling point
 * (it races with the initialising write), where weft copies the value
 * about to be read, and the fault came in that copy: the report blamed
 * weft's model of a call the program never made.  It now faults in the
 * program's own read, at its line.  lazy_init_null_ok initialises under
 * the lock (a helper's probe). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int *table;
static int started;

static void init_table(void)
{
	int *t = malloc(4 * sizeof *t);

	for (int i = 0; i < 4; i++)
		t[i] = i * i;
	table = t;
}

static void ensure(void)
{
	int mine;

	pthread_mutex_lock(&m);
#ifdef UNDER_LOCK
	if (!started)
		init_table();
	mine = 0;
#else
	mine = !started;
#endif
	started = 1;
	pthread_mutex_unlock(&m);
	if (mine)
		init_table();
}

static void *user(void *arg)
{
	ensure();
	return (void *)(long)table[(long)arg];
}

int main(void)
{
	pthread_t t[2];
	void *r[2];

	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, user, (void *)(i + 2));
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], &r[i]);
	printf("%ld %ld\n", (long)r[0], (long)r[1]);
	free(table);
	return 0;
}
