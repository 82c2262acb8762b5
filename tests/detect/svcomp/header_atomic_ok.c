//! expect: verified
//! args: --strategy=dfs --races=off
/* Correct: the counter is only changed under the header's lock, whose
 * acquire is one atomic step (SV-COMP convention); the check holds. */
#include <pthread.h>
#include "header_svlock.h"

int c;

static void *t(void *a)
{
	lock();
	c++;
	check(c == 1);
	c--;
	unlock();
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
