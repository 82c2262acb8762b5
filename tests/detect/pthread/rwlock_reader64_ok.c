//! expect: verified
/* Read holders of an rwlock are kept per thread, not as a bit per thread
 * on the lock: with a 64-bit mask, thread 64 aliased thread 0 (main), and
 * its read lock while main held one was reported as a self-deadlock.
 * Twin: rwlock_reader64_bug.c. */
#include <pthread.h>
#include <stdio.h>
#ifndef NT
#define NT 128
#endif
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static void *idle(void *a) { (void)a; return NULL; }
static void *reader(void *a)
{
	(void)a;
	pthread_rwlock_rdlock(&rw);
	pthread_rwlock_unlock(&rw);
	return NULL;
}
int main(void)
{
	pthread_t t[NT + 1];
	pthread_rwlock_rdlock(&rw);
	for (int k = 1; k <= NT; k++)
		pthread_create(&t[k], NULL, k == NT ? reader : idle, NULL);
	for (int k = 1; k <= NT; k++)
		pthread_join(t[k], NULL);
	pthread_rwlock_unlock(&rw);
	puts("done");
	return 0;
}
