/* Reports that must say what happened: a worker killed by a signal, a
 * race on a volatile, racing accesses and a free inside long runs of one
 * thread (which the trace collapses, except for what the report names). */
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <weft/weft.h>

static weft_atomic_t ticks;
static int shared;
static volatile int flag;
int reports_sink; /* keeps the racing reads from being optimised away */

WEFT_TEST(raised)
{
	weft_yield();
	raise(SIGSEGV);
}

/* SIGKILL from outside weft (the out-of-memory killer), stood in for by
 * a raw system call weft does not see: the program's own kill of itself
 * with SIGKILL is its crash, at the call. */
WEFT_TEST(killed)
{
	long r;

	weft_yield();
	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"((long)SYS_kill), "D"((long)getpid()),
			   "S"((long)SIGKILL)
			 : "rcx", "r11");
	(void)r;
}

static void plain_writer(void *arg)
{
	(void)arg;
	shared = 1;
}

static void volatile_writer(void *arg)
{
	(void)arg;
	flag = 1;
}

/* A volatile write races with a plain read (volatile orders nothing). */
WEFT_TEST(volatile_race)
{
	weft_thread_t t = weft_spawn(volatile_writer, NULL);
	reports_sink = *(int *)&flag;
	weft_join(t);
}

static void ticker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 6; i++)
		weft_atomic_fetch_add(&ticks, 1);
	reports_sink = shared; /* the racing read, inside a long run */
	for (int i = 0; i < 6; i++)
		weft_atomic_fetch_add(&ticks, 1);
}

WEFT_TEST(race_in_long_run)
{
	weft_thread_t a = weft_spawn(ticker, NULL);
	weft_thread_t b = weft_spawn(plain_writer, NULL);
	weft_join(a);
	weft_join(b);
}

static int *block;

static void freer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 6; i++)
		weft_atomic_fetch_add(&ticks, 1);
	weft_free(block);
	for (int i = 0; i < 6; i++)
		weft_atomic_fetch_add(&ticks, 1);
}

WEFT_TEST(free_in_long_run)
{
	block = weft_malloc(sizeof *block);
	weft_thread_t t = weft_spawn(freer, NULL);
	weft_join(t);
	*block = 1; /* after the join: every schedule uses freed memory */
}

/* Two threads that hand a token back and forth for ever: every execution
 * reaches the step limit, with a trace of thousands of switches. */
static weft_atomic_t turn;

static void pingpong(void *arg)
{
	long me = (long)arg;

	for (;;) {
		while (weft_atomic_load(&turn) != me)
			;
		weft_atomic_store(&turn, 1 - me);
	}
}

WEFT_TEST(endless_handoff)
{
	weft_spawn(pingpong, (void *)0L);
	weft_spawn(pingpong, (void *)1L);
}

/* A race 100 calls deep: the report's calls are the innermost ones, not
 * the outermost 64 the function stack could keep at first. */
static int deep_shared;

static __attribute__((noinline)) void deep_leaf(void)
{
	deep_shared++;
}

static __attribute__((noinline)) int deep_recurse(int n)
{
	if (n == 0) {
		deep_leaf();
		return 0;
	}
	return deep_recurse(n - 1) + 1;
}

static void deep_caller(void *arg)
{
	(void)arg;
	(void)deep_recurse(100);
}

/* Not named *race*: ci_formats.sh counts the races of those. */
WEFT_TEST(deep_calls)
{
	weft_thread_t a = weft_spawn(deep_caller, NULL);
	weft_thread_t b = weft_spawn(deep_caller, NULL);

	weft_join(a);
	weft_join(b);
}

/* A second of sleep the way no model sees it (a raw system call): the
 * hangs below reach no scheduling point, as a plain spin would, without
 * burning the processor the other tests run on while the parent waits
 * out the time limit and its grace (three runs spun for 6 s each). */
static void idle(void)
{
	struct timespec ts = { 1, 0 };

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
}

/* Execution 1 finds a data race on found_x and ends; the reversed order
 * waits for good in a loop with no scheduling point, and the worker is
 * killed for it.  The race is still the verdict (it was reported as an
 * inconclusive time limit).  Not named *race*: ci_formats.sh counts the
 * races of those. */
int found_x, found_stop;

static void found_writer(void *arg)
{
	(void)arg;
	found_x = 1;
}

WEFT_TEST(found_then_hang)
{
	weft_thread_t t = weft_spawn(found_writer, NULL);

	found_x = 2;
	weft_join(t);
	if (found_x == 2)
		while (found_stop == 0)
			idle();
}

/* The race and the hang in the same execution: the report keeps that
 * execution's trace and token (it printed an empty token that did not
 * replay). */
int same_x;

static void same_writer(void *arg)
{
	(void)arg;
	same_x = 1;
}

WEFT_TEST(found_and_hang)
{
	weft_thread_t t = weft_spawn(same_writer, NULL);

	same_x = 2;
	weft_join(t);
	for (;;)
		idle();
}

/* A hang in the program's own code that weft cannot prove endless (the
 * loop writes a register): the time limit's report names where the
 * thread was running.  Asleep in a raw system call for 0.5 s first, so
 * that the loop burns only the last moments before the kill (time limit
 * 1 s, and 1 s without a step); a thread blocked in a system call when
 * the watchdog last looked is named nowhere. */
WEFT_TEST(hang_busy)
{
	struct timespec ts = { 0, 500000000 };
	unsigned long i = 0;

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	for (;; i++) /* busy loop */
		__asm__ volatile("" : "+r"(i));
}

/* The same hang spent in the C library's code (formatting a number): the
 * report names the program's call, then the library's function (it
 * named a glibc file alone, "genops.c:555 in _IO_old_init"). */
char hang_text[64];

WEFT_TEST(hang_in_libc)
{
	struct timespec ts = { 0, 500000000 };
	unsigned long i = 0;

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	for (;; i++)
		snprintf(hang_text, sizeof hang_text, "%lu %.9f", i, i / 7.0); /* libc loop */
}

/* Executions that take their time without using the processor (20 ms of
 * a raw sleep each, which no model sees): progress.sh's runs of a few
 * seconds, which spun a core each while the other tests ran. */
WEFT_TEST(slow)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
}
