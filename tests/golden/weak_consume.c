//! needs: pthread
//! args: --strategy=dfs
/* Pins the note that memory_order_consume is taken as acquire (as gcc and
 * clang compile it): the read of ready_count carries no dependency from
 * the consume load, so C11 leaves it a data race, which weft does not
 * find; the verdict says so (it was "every interleaving" with no word). */
#include <pthread.h>
#include <stdatomic.h>

struct msg {
	int payload;
};

static struct msg m;
static int ready_count;
static _Atomic(struct msg *) p;
int got, count;

static void *writer(void *a)
{
	m.payload = 42;
	ready_count = 1;
	atomic_store_explicit(&p, &m, memory_order_release);
	return a;
}

int main(void)
{
	pthread_t t;
	struct msg *q;

	pthread_create(&t, 0, writer, 0);
	q = atomic_load_explicit(&p, memory_order_consume);
	if (q) {
		got = q->payload;
		count = ready_count;
	}
	pthread_join(t, 0);
	return 0;
}
