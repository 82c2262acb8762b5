//! expect: verified
/* seqcst_store_bug.c with an acquire load of the flag: the read of data
 * is ordered after the write. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static int data;
static atomic_int flag;

static void *w(void *a)
{
	(void)a;
	data = 1;
	atomic_store(&flag, 1);
	return 0;
}

static void *r(void *a)
{
	(void)a;
	if (atomic_load_explicit(&flag, memory_order_acquire)) {
		atomic_store(&flag, 2);
		printf("%d\n", data);
	}
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, w, 0);
	pthread_create(&b, 0, r, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	return 0;
}
