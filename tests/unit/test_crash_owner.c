/* Whose fault a crash is (src/report/crash_owner.c): weft's own error
 * (inconclusive) only when the deciding frame is in weft's library and
 * no pointer of the program can explain the crash. */
#include <signal.h>

#include "unit.h"
#include "report/report.h"

UNIT(crash_machinery_files)
{
	EXPECT_TRUE(weft__crash_machinery("/w/src/sched/sched.c"));
	EXPECT_TRUE(weft__crash_machinery("src/explore/odpor.c"));
	EXPECT_TRUE(weft__crash_machinery("/w/src/report/trace.c"));
	EXPECT_TRUE(weft__crash_machinery("/w/src/cli/worker.c"));
	EXPECT_TRUE(weft__crash_machinery("/w/src/tset.h"));
	EXPECT_TRUE(weft__crash_machinery("/w/src/detect/leak.c"));
	EXPECT_TRUE(weft__crash_machinery("/w/src/detect/lockorder_cycle.c"));
	EXPECT_TRUE(weft__crash_machinery("/w/src/detect/deadlock.c"));
	/* Code that works on the program's pointers. */
	EXPECT_TRUE(!weft__crash_machinery("/w/src/pthread/mutex.c"));
	EXPECT_TRUE(!weft__crash_machinery("/w/src/linux/spinlock.c"));
	EXPECT_TRUE(!weft__crash_machinery("/w/src/sync/cond.c"));
	EXPECT_TRUE(!weft__crash_machinery("/w/src/tsan/string.c"));
	EXPECT_TRUE(!weft__crash_machinery("/w/src/detect/heap.c"));
	EXPECT_TRUE(!weft__crash_machinery("/w/src/detect/race_shadow.c"));
	EXPECT_TRUE(!weft__crash_machinery("/w/src/arch/ctx_make.c"));
	EXPECT_TRUE(!weft__crash_machinery("/w/include/weft/weft.h"));
	EXPECT_TRUE(!weft__crash_machinery("sched.c"));
	EXPECT_TRUE(!weft__crash_machinery("/sched.c"));
}

static bool weft_own(int sig, bool thread, enum weft__frame frame,
		     const char *src)
{
	struct weft__crash_facts f = { .signal = sig, .test_thread = thread,
				       .frame = frame, .source = src,
				       .at_pc = sig != SIGABRT };

	return weft__crash_is_weft(&f);
}

UNIT(crash_owner_rule)
{
	const char *sched = "/w/src/sched/exec.c";
	const char *model = "/w/src/pthread/mutex.c";

	/* weft's machinery faulting on a test thread's stack. */
	EXPECT_TRUE(weft_own(SIGSEGV, true, WEFT__FRAME_WEFT, sched));
	EXPECT_TRUE(weft_own(SIGBUS, true, WEFT__FRAME_WEFT, sched));
	/* A model faulting on a pointer the program passed
	 * (pthread_mutex_lock(NULL)): the program's misuse. */
	EXPECT_TRUE(!weft_own(SIGSEGV, true, WEFT__FRAME_WEFT, model));
	/* Where the source is unknown, as before: the program's. */
	EXPECT_TRUE(!weft_own(SIGSEGV, true, WEFT__FRAME_WEFT, NULL));
	/* No test thread running: no call of the program to blame. */
	EXPECT_TRUE(weft_own(SIGSEGV, false, WEFT__FRAME_WEFT, model));
	EXPECT_TRUE(weft_own(SIGSEGV, false, WEFT__FRAME_WEFT, NULL));
	/* weft's own instruction trapped or divided by zero: no pointer
	 * explains it. */
	EXPECT_TRUE(weft_own(SIGFPE, true, WEFT__FRAME_WEFT, model));
	EXPECT_TRUE(weft_own(SIGILL, true, WEFT__FRAME_WEFT, NULL));
	EXPECT_TRUE(weft_own(SIGTRAP, true, WEFT__FRAME_WEFT, NULL));
	/* glibc aborting in a call a model made for the program: a check of
	 * the program's input (a fortified printf's writable "%n" format),
	 * the program's; in the machinery, weft's. */
	EXPECT_TRUE(!weft_own(SIGABRT, true, WEFT__FRAME_WEFT,
			      "/w/src/pthread/output.c"));
	EXPECT_TRUE(weft_own(SIGABRT, true, WEFT__FRAME_WEFT, sched));
	/* A trap raised in the C library on a model's call is not weft's
	 * own instruction. */
	struct weft__crash_facts raised = { .signal = SIGTRAP,
					    .test_thread = true,
					    .frame = WEFT__FRAME_WEFT,
					    .source = model };
	EXPECT_TRUE(!weft__crash_is_weft(&raised));
	/* The program's code, or a jump to no code (a bad function pointer),
	 * or nothing but system libraries: the program's, on any thread. */
	EXPECT_TRUE(!weft_own(SIGSEGV, true, WEFT__FRAME_PROGRAM, NULL));
	EXPECT_TRUE(!weft_own(SIGSEGV, false, WEFT__FRAME_PROGRAM, NULL));
	EXPECT_TRUE(!weft_own(SIGFPE, true, WEFT__FRAME_PROGRAM, NULL));
	EXPECT_TRUE(!weft_own(SIGSEGV, true, WEFT__FRAME_NOWHERE, NULL));
	EXPECT_TRUE(!weft_own(SIGSEGV, true, WEFT__FRAME_SYSTEM, NULL));
	/* A stack overflow is the program's even where it ran out in weft's
	 * code (the scheduler runs on the thread's stack). */
	struct weft__crash_facts over = { .signal = SIGSEGV,
					  .stack_overflow = true,
					  .test_thread = true,
					  .frame = WEFT__FRAME_WEFT,
					  .source = sched };
	EXPECT_TRUE(!weft__crash_is_weft(&over));
}
