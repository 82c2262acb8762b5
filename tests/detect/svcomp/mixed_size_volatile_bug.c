// SV-COMP style, races by design (--races=off): one 64-bit volatile store
// against two 32-bit volatile loads of its halves, the upper one first.
// The loads see the upper half before the store and the lower one after
// it.  As volatile steps keyed by their start addresses, the load at w+4
// and the store at w looked independent: verified, as with --volatile=
// marked (a probe; the same program without volatile was found).
// mixed_size_volatile_ok.c reads the lower half first.
//! expect: bug assertion
//! args: races=off
#include <pthread.h>
#include <stdint.h>

extern void __assert_fail(const char *, const char *, unsigned, const char *);
static void reach_error(void)
{
	__assert_fail("0", __FILE__, __LINE__, __func__);
}

static union {
	uint64_t whole;
	uint32_t half[2];
} w;

static void *writer(void *arg)
{
	(void)arg;
	*(volatile uint64_t *)&w.whole = 0x0000000100000001ull;
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
#ifdef LOW_FIRST
	uint32_t lo = *(volatile uint32_t *)&w.half[0];
	uint32_t hi = *(volatile uint32_t *)&w.half[1];

	if (lo > hi) /* the store wrote both at once */
		reach_error();
#else
	uint32_t hi = *(volatile uint32_t *)&w.half[1];
	uint32_t lo = *(volatile uint32_t *)&w.half[0];

	if (lo != hi)
		reach_error();
#endif
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
