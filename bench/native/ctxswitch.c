/* bench/ctxswitch.c - the cost of one context switch: weft's x86_64
 * assembly switch against ucontext's swapcontext and a futex-style
 * hand-off between two OS threads, each measured as a median of repeats
 * in the same run. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <ucontext.h>

#include "arch/switch.h"

#define ROUNDS 2000000
#define REPEATS 7

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return v[n / 2];
}

/* weft's switch */
static struct weft__ctx a_ctx, b_ctx;
static void fiber(void *arg)
{
	(void)arg;
	for (;;)
		weft__ctx_switch(&b_ctx, &a_ctx);
}

static double bench_weft(void)
{
	static char stack[65536];
	double t;

	weft__ctx_make(&b_ctx, stack, sizeof stack, fiber, NULL);
	t = now();
	for (int i = 0; i < ROUNDS; i++)
		weft__ctx_switch(&a_ctx, &b_ctx);
	return (now() - t) / (2.0 * ROUNDS) * 1e9;
}

/* ucontext */
static ucontext_t ua, ub;
static void ufiber(void)
{
	for (;;)
		swapcontext(&ub, &ua);
}

static double bench_ucontext(void)
{
	static char stack[65536];
	double t;

	getcontext(&ub);
	ub.uc_stack.ss_sp = stack;
	ub.uc_stack.ss_size = sizeof stack;
	makecontext(&ub, ufiber, 0);
	t = now();
	for (int i = 0; i < ROUNDS / 10; i++)
		swapcontext(&ua, &ub);
	return (now() - t) / (2.0 * ROUNDS / 10) * 1e9;
}

/* OS threads handing a token back and forth through semaphores */
static sem_t s1, s2;
static void *pong(void *arg)
{
	long n = (long)arg;
	for (long i = 0; i < n; i++) {
		sem_wait(&s1);
		sem_post(&s2);
	}
	return NULL;
}

static double bench_threads(void)
{
	long n = ROUNDS / 100;
	pthread_t t;
	double t0;

	sem_init(&s1, 0, 0);
	sem_init(&s2, 0, 0);
	pthread_create(&t, NULL, pong, (void *)n);
	t0 = now();
	for (long i = 0; i < n; i++) {
		sem_post(&s1);
		sem_wait(&s2);
	}
	double r = (now() - t0) / (2.0 * (double)n) * 1e9;
	pthread_join(t, NULL);
	return r;
}

int main(void)
{
	double w[REPEATS], u[REPEATS], th[REPEATS];

	for (int i = 0; i < REPEATS; i++) {
		w[i] = bench_weft();
		u[i] = bench_ucontext();
		th[i] = bench_threads();
	}
	double mw = median(w, REPEATS), mu = median(u, REPEATS),
	       mt = median(th, REPEATS);
	printf("context switch, median of %d runs:\n", REPEATS);
	printf("  weft x86_64 switch   %8.1f ns\n", mw);
	printf("  ucontext swapcontext %8.1f ns  (%.1fx weft)\n", mu, mu / mw);
	printf("  OS thread hand-off   %8.1f ns  (%.0fx weft)\n", mt, mt / mw);
	return 0;
}
