//! needs: pthread
//! args: --strategy=dfs
/* Pins the note on C++20's narrower release sequences: the producer's
 * relaxed store of 2 after its release store of 1 is in the release
 * sequence by C11's and C++17's rule, so the consumer's acquire of 2
 * synchronises and the program is race-free there; C++20 ends the
 * sequence at that store, and the verdict says what that leaves out
 * (it was "every interleaving" with no word). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag;
static int data;

static void *producer(void *a)
{
	data = 42;
	atomic_store_explicit(&flag, 1, memory_order_release);
	atomic_store_explicit(&flag, 2, memory_order_relaxed);
	return a;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, 0, producer, 0);
	if (atomic_load_explicit(&flag, memory_order_acquire) == 2)
		assert(data == 42);
	pthread_join(t, 0);
	return 0;
}
