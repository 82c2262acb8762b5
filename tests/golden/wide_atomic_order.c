//! needs: pthread
/* Pins the verdict of a message passed through an atomic object wider
 * than 16 bytes (libatomic's generic calls), which weft runs under
 * libatomic's lock, sequentially consistent.  With relaxed orders C11
 * lets the reader see the flag and still read the old payload; weft does
 * not explore that, and its verification says so on the verdict line and
 * in a note naming the access (it was an unqualified "every
 * interleaving", a probe's).  With seq_cst there is nothing to qualify. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

struct wide {
	long seq, a, b;
};

static int payload;
static _Atomic struct wide flag;

#ifdef SEQ_CST
#define ORDER memory_order_seq_cst
#else
#define ORDER memory_order_relaxed
#endif

static void *writer(void *arg)
{
	struct wide w = { 1, 2, 3 };

	(void)arg;
	__atomic_store_n(&payload, 42, __ATOMIC_RELAXED);
	atomic_store_explicit(&flag, w, ORDER);
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct wide w;

	pthread_create(&t, NULL, writer, NULL);
	w = atomic_load_explicit(&flag, ORDER);
	if (w.seq == 1)
		assert(__atomic_load_n(&payload, __ATOMIC_RELAXED) == 42);
	pthread_join(t, NULL);
	return 0;
}
