//! expect: bug crash
//! args: strategy=dfs
/* Outside the convention abort() stays a crash: the request is checked
 * by a function of the program's own, check_request, which aborts on a
 * request outside 1..2 (weft draws it from {0,1,2,-1}).  Only
 * assume_abort_if_not is the convention's assume (assume_abort_ok.c). */
#include <pthread.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "assume_abort.c", 3, "reach_error"); }
void check_request(int cond) { if (!cond) { abort(); } }
void __VERIFIER_assert(int cond) { if (!cond) { reach_error(); abort(); } }

extern int __VERIFIER_nondet_int(void) __attribute__((weak));

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int slots, used;

void *taker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	if (used < slots)
		used++;
	pthread_mutex_unlock(&m);
	return 0;
}

int main(void)
{
	pthread_t a, b;

	slots = __VERIFIER_nondet_int ? __VERIFIER_nondet_int() : 1;
	check_request(slots >= 1 && slots <= 2);
	pthread_create(&a, 0, taker, 0);
	pthread_create(&b, 0, taker, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	__VERIFIER_assert(used >= 1 && used <= slots);
	return 0;
}
