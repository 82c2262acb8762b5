//! expect: bug assertion
//! args: --strategy=dfs --deadlocks=off
/* An SV-COMP-style task whose only property is that reach_error() is not
 * called: two threads take two mutexes in opposite orders, so some
 * interleavings deadlock, which the task does not count as an error.
 * With --deadlocks=off those executions end unreported and the search
 * goes on: the interleaving in which both threads finish with the
 * counter at 2 after the second thread went first is still explored and
 * reaches the error.  deadlocks_off_ok.c checks a bound the program never
 * passes; without --deadlocks=off both are deadlocks. */
extern void abort(void);
#include <assert.h>
#include <pthread.h>

#ifndef LIMIT
#define LIMIT 1
#endif

void reach_error(void)
{
	assert(0);
}

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static int count, second_first;

static void *t1(void *arg)
{
	pthread_mutex_lock(&a);
	pthread_mutex_lock(&b);
	count++;
	pthread_mutex_unlock(&b);
	pthread_mutex_unlock(&a);
	return arg;
}

static void *t2(void *arg)
{
	pthread_mutex_lock(&b);
	pthread_mutex_lock(&a);
	if (count == 0)
		second_first = 1;
	count++;
	pthread_mutex_unlock(&a);
	pthread_mutex_unlock(&b);
	return arg;
}

int main(void)
{
	pthread_t x, y;

	pthread_create(&x, 0, t1, 0);
	pthread_create(&y, 0, t2, 0);
	pthread_join(x, 0);
	pthread_join(y, 0);
	if (second_first + count > LIMIT + 1) {
		reach_error();
		abort();
	}
	return 0;
}
