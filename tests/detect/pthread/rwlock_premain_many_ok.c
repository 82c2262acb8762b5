//! expect: verified
/* 70 rwlocks, each taken and let go by glibc before main, then used in
 * main: glibc's unlocked state reads as a writer in weft's layout, and
 * the 65th on was a false deadlock when weft kept only 64 (a review's
 * probe). */
#include <pthread.h>

#define N 70
static pthread_rwlock_t l[N];

__attribute__((constructor)) static void init(void)
{
	for (int i = 0; i < N; i++) {
		pthread_rwlock_init(&l[i], NULL);
		pthread_rwlock_wrlock(&l[i]);
		pthread_rwlock_unlock(&l[i]);
	}
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		pthread_rwlock_wrlock(&l[i]);
		pthread_rwlock_unlock(&l[i]);
	}
	return 0;
}
