//! expect: bug assertion
/* SV-COMP convention: __VERIFIER_atomic_begin/end make a block atomic.
 * The two increments are separate blocks, so the reader can see the odd value between them. */
#include <assert.h>
#include <pthread.h>

void __VERIFIER_atomic_begin(void);
void __VERIFIER_atomic_end(void);

int x;

void *writer(void *arg)
{
	(void)arg;
	__VERIFIER_atomic_begin();
	x = x + 1;
	__VERIFIER_atomic_end();
	__VERIFIER_atomic_begin();
	x = x + 1;
	__VERIFIER_atomic_end();
	return 0;
}

void *reader(void *arg)
{
	(void)arg;
	__VERIFIER_atomic_begin();
	assert(x % 2 == 0);
	__VERIFIER_atomic_end();
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, writer, 0);
	pthread_create(&b, 0, reader, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	return 0;
}
