//! expect: bug crash
/* A thread overflows its stack in its own function, which made no
 * instrumented call: the only call on record is weft's start of the
 * thread, which is not the program's, so the report names where the
 * stack ran out (tests/cli/reports.sh).  The stack grows by 1 KiB at a
 * time, each touched at once, so it runs into the guard page and not
 * past it. */
#include <alloca.h>
#include <weft/weft.h>

static volatile int sink;

static void grow(void *arg)
{
	(void)arg;
	for (;;) {
		volatile char *chunk = alloca(1024);
		chunk[1023] = 1;
		chunk[0] = 1;
		sink = chunk[0];
	}
}

WEFT_TEST(stack_overflow_vla)
{
	weft_thread_t t = weft_spawn(grow, NULL);
	weft_join(t);
}
