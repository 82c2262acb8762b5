//! expect: bug misuse
/* rwlock_reader64_ok.c where thread 128 unlocks the rwlock it never
 * locked while main holds it for reading: misuse (a 64-bit reader mask
 * took it for main's hold and said verified). */
#include <pthread.h>
#include <stdio.h>
#ifndef NT
#define NT 128
#endif
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static void *idle(void *a) { (void)a; return NULL; }
static void *bad(void *a)
{
	(void)a;
	pthread_rwlock_unlock(&rw);   /* never locked by this thread */
	return NULL;
}
int main(void)
{
	pthread_t t[NT + 1];
	pthread_rwlock_rdlock(&rw);
	for (int k = 1; k <= NT; k++)
		pthread_create(&t[k], NULL, k == NT ? bad : idle, NULL);
	for (int k = 1; k <= NT; k++)
		pthread_join(t[k], NULL);
	puts("done");
	return 0;
}
