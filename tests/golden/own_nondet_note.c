//! needs: pthread
//! args: --strategy=dfs
/* Pins the note on a program that defines __VERIFIER_nondet_int itself
 * (ldv tasks do, as `int x; return x;`): its definition wins over weft's,
 * so the values are the program's, not explored, and a clean verdict
 * holds "for the nondet values noted only", with the note saying which.
 * It was verified with no caveat (an SV-COMP-style probe). */
#include <pthread.h>

extern void abort(void);
void reach_error() {}

int __VERIFIER_nondet_int(void) { return 0; }

int g;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void *w(void *a)
{
	(void)a;
	if (__VERIFIER_nondet_int() == 2)
		g++; /* a race, for the value 2 only: never drawn */
	pthread_mutex_lock(&m);
	g++;
	pthread_mutex_unlock(&m);
	return 0;
}

int main()
{
	pthread_t t;

	pthread_create(&t, 0, w, 0);
	pthread_mutex_lock(&m);
	g++;
	pthread_mutex_unlock(&m);
	pthread_join(t, 0);
	return 0;
}
