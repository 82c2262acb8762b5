//! expect: verified
//! args: strategy=dfs
/* The shape of sv-benchmarks' c/pthread/stack-2.c, with its assumption
 * written inline as `if (!(tmp < SIZE)) abort();` inside the pusher's
 * critical section: one thread pushes nondeterministic values (weft draws
 * them from {0,1,2,UINT_MAX}), the other pops while the stack is not
 * empty.  The program is safe: no overflow, no underflow, and every popped
 * value is below SIZE because larger ones were assumed away.  The abort()
 * of a failed assumption prunes the execution even with the lock held (the
 * popper then waits for good, which is not a deadlock). */
#include <pthread.h>
#include <stdio.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "stack-2.c", 3, "reach_error"); }
extern unsigned int __VERIFIER_nondet_uint(void);

#define SIZE (3)
#define OVERFLOW (-1)
#define UNDERFLOW (-2)

static int top = 0;
static unsigned int arr[SIZE];
pthread_mutex_t m;

void error(void)
{
	reach_error();
	abort();
}

int push(unsigned int *stack, unsigned int x)
{
	if (top == SIZE) {
		printf("stack overflow\n");
		return OVERFLOW;
	}
	stack[top++] = x;
	return 0;
}

int pop(unsigned int *stack)
{
	if (top == 0) {
		printf("stack underflow\n");
		return UNDERFLOW;
	}
	return (int)stack[--top];
}

void *t1(void *arg)
{
	unsigned int tmp;

	(void)arg;
	for (int i = 0; i < SIZE; i++) {
		pthread_mutex_lock(&m);
		tmp = __VERIFIER_nondet_uint();
		if (!(tmp < SIZE))
			abort();
		if (push(arr, tmp) == OVERFLOW)
			error();
		pthread_mutex_unlock(&m);
	}
	return 0;
}

void *t2(void *arg)
{
	int v;

	(void)arg;
	for (int i = 0; i < SIZE; i++) {
		pthread_mutex_lock(&m);
		if (top > 0) {
			v = pop(arr);
			if (!(v != UNDERFLOW))
				error();
			if (!(v >= 0 && v < SIZE))
				error();
		}
		pthread_mutex_unlock(&m);
	}
	return 0;
}

int main(void)
{
	pthread_t id1, id2;

	pthread_mutex_init(&m, 0);
	pthread_create(&id1, NULL, t1, NULL);
	pthread_create(&id2, NULL, t2, NULL);
	pthread_join(id1, NULL);
	pthread_join(id2, NULL);
	return 0;
}
