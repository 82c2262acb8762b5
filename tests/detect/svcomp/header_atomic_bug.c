//! expect: bug assertion
//! args: --strategy=dfs --races=off
/* Bug: the lock is left out, so both threads increment c at once and
 * the check fails when they overlap. */
#include <pthread.h>
#include "header_svlock.h"

int c;

static void *t(void *a)
{
#ifdef OK
	lock();
#endif
	c++;
	check(c == 1);
	c--;
#ifdef OK
	unlock();
#endif
	return a;
}

int main(void)
{
	pthread_t a, b;
	pthread_create(&a, 0, t, 0);
	pthread_create(&b, 0, t, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	return 0;
}
