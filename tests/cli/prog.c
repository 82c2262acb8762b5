/* A small program for the command-line tests: one test with a bug, one
 * clean, one that crashes, one that hangs outside weft's control. */
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT, b = WEFT_MUTEX_INIT;

static void ab(void *arg)
{
	(void)arg;
	weft_mutex_lock(&a);
	weft_mutex_lock(&b);
	weft_mutex_unlock(&b);
	weft_mutex_unlock(&a);
}

static void ba(void *arg)
{
	(void)arg;
	weft_mutex_lock(&b);
	weft_mutex_lock(&a);
	weft_mutex_unlock(&a);
	weft_mutex_unlock(&b);
}

WEFT_TEST(deadlocks)
{
	weft_thread_t x = weft_spawn(ab, NULL), y = weft_spawn(ba, NULL);
	weft_join(x);
	weft_join(y);
}

WEFT_TEST(crashes)
{
	volatile int *p = 0;
	weft_yield();
	*p = 1;
}

WEFT_TEST(clean)
{
	weft_thread_t x = weft_spawn(ab, NULL), y = weft_spawn(ab, NULL);
	weft_join(x);
	weft_join(y);
}

/* Blocked in a system call weft does not model (a raw one), so the test
 * hangs without burning the processor the other tests run on while the
 * parent waits out the time limit and its grace. */
WEFT_TEST(hangs)
{
	struct timespec ts = { 1, 0 };

	for (;;)
		syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
}
