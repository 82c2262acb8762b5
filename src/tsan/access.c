/* src/tsan/access.c - the plain-memory entry points that -fsanitize=thread
 * makes gcc and clang emit, implemented by weft's race detector instead of
 * ThreadSanitizer's runtime (the way KCSAN reuses the same instrumentation
 * in the kernel).
 *
 * None of these block.  Plain accesses are not scheduling points, except at
 * sites already found to race (see src/detect/race.h).  Volatile accesses
 * are treated as relaxed atomics: never a race with each other, but
 * scheduling points, so a thread polling a volatile flag lets the writer
 * run (their steps are atomic.c's, weft__tsan_step, as are those of the
 * __tsan_acquire/__tsan_release annotations). */
#include <string.h>

#include "detect/race.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()

/* A volatile access of n bytes: a scheduling point on addr, recorded by
 * the race detector as atomic (volatile never races with volatile or
 * atomic, but does with plain accesses). */
static void volatile_access(const void *addr, unsigned n, bool write,
			    uintptr_t pc)
{
	unsigned __int128 v = 0;

	if (!weft__race_on || weft__self() < 0)
		return;
	/* A volatile access stays a scheduling point (programs poll volatile
	 * flags), but as in ThreadSanitizer it orders nothing and races like
	 * a plain access, unless --volatile=marked says the program uses
	 * volatile as its atomics (then it is a relaxed atomic access). */
	weft__tsan_step(addr, n, write, WEFT__ORDER_EXPLICIT,
			write ? "volatile_write" : "volatile_read", pc);
	weft__race_access(addr, n,
			  WEFT__RACE_VOLATILE | (write ? WEFT__RACE_WRITE : 0) |
				  (weft__opts.volatile_marked ? WEFT__RACE_ATOMIC
							      : 0),
			  pc);
	if (write) {
		weft__poll_forget();
		return;
	}
	/* The instrumentation calls us before the load: peek at the value
	 * the thread is about to read, to notice a polling loop. */
	memcpy(&v, addr, n < sizeof v ? n : sizeof v);
	weft__poll_wide(addr, (uint64_t)v, (uint64_t)(v >> 64));
}

/* __tsan_release/__tsan_acquire annotations: a visible write (release) or
 * read (acquire) of addr, which orders the threads through the core's
 * happens-before clocks. */
static void annotation(const void *addr, bool release, uintptr_t pc)
{
	if (weft__race_on && weft__self() >= 0)
		weft__tsan_step(addr, 0, release,
				WEFT__ORDER_EXPLICIT |
					(release ? WEFT__ORDER_RELEASE
						 : WEFT__ORDER_ACQUIRE),
				release ? "release" : "acquire", pc);
}

/* Plain accesses of n bytes go to rd and wr: for up to 8 bytes the fast
 * path of that size (race_shadow.c), whose constant size folds its
 * arithmetic; an unaligned one spans granules only now and then, and the
 * fast path passes those on.  16 bytes always span two granules. */
#define PLAIN(n, rd, wr)                                                      \
	void __tsan_read##n(void *a)                                          \
	{                                                                     \
		rd(a, PC());                                                  \
	}                                                                     \
	void __tsan_write##n(void *a)                                         \
	{                                                                     \
		wr(a, PC());                                                  \
	}                                                                     \
	void __tsan_read##n##_pc(void *a, void *pc)                           \
	{                                                                     \
		rd(a, (uintptr_t)pc);                                         \
	}                                                                     \
	void __tsan_write##n##_pc(void *a, void *pc)                          \
	{                                                                     \
		wr(a, (uintptr_t)pc);                                         \
	}                                                                     \
	void __tsan_volatile_read##n(void *a)                                 \
	{                                                                     \
		volatile_access(a, n, false, PC());                           \
	}                                                                     \
	void __tsan_volatile_write##n(void *a)                                \
	{                                                                     \
		volatile_access(a, n, true, PC());                            \
	}

#define UNALIGNED(n, rd, wr)                                                  \
	void __tsan_unaligned_read##n(const void *a)                          \
	{                                                                     \
		rd(a, PC());                                                  \
	}                                                                     \
	void __tsan_unaligned_write##n(void *a)                               \
	{                                                                     \
		wr(a, PC());                                                  \
	}                                                                     \
	void __tsan_unaligned_volatile_read##n(const void *a)                 \
	{                                                                     \
		volatile_access(a, n, false, PC());                           \
	}                                                                     \
	void __tsan_unaligned_volatile_write##n(void *a)                      \
	{                                                                     \
		volatile_access(a, n, true, PC());                            \
	}

static void read16(const void *a, uintptr_t pc)
{
	weft__race_access(a, 16, 0, pc);
}

static void write16(const void *a, uintptr_t pc)
{
	weft__race_access(a, 16, WEFT__RACE_WRITE, pc);
}

PLAIN(1, weft__race_read1, weft__race_write1)
PLAIN(2, weft__race_read2, weft__race_write2)
PLAIN(4, weft__race_read4, weft__race_write4)
PLAIN(8, weft__race_read8, weft__race_write8)
PLAIN(16, read16, write16)
UNALIGNED(2, weft__race_read2, weft__race_write2)
UNALIGNED(4, weft__race_read4, weft__race_write4)
UNALIGNED(8, weft__race_read8, weft__race_write8)
UNALIGNED(16, read16, write16)

void __tsan_read_range(void *a, unsigned long n)
{
	weft__race_access(a, n, 0, PC());
}

void __tsan_write_range(void *a, unsigned long n)
{
	weft__race_access(a, n, WEFT__RACE_WRITE, PC());
}

void __tsan_read_range_pc(void *a, unsigned long n, void *pc)
{
	weft__race_access(a, n, 0, (uintptr_t)pc);
}

void __tsan_write_range_pc(void *a, unsigned long n, void *pc)
{
	weft__race_access(a, n, WEFT__RACE_WRITE, (uintptr_t)pc);
}

/* Newer clang calls these for memory intrinsics in instrumented code;
 * weft-cc also redirects the program's own memcpy/memmove/memset here. */
void *__tsan_memcpy(void *dst, const void *src, unsigned long n)
{
	weft__race_access(src, n, 0, PC());
	weft__race_access(dst, n, WEFT__RACE_WRITE, PC());
	return memcpy(dst, src, n);
}

void *__tsan_memmove(void *dst, const void *src, unsigned long n)
{
	weft__race_access(src, n, 0, PC());
	weft__race_access(dst, n, WEFT__RACE_WRITE, PC());
	return memmove(dst, src, n);
}

void *__tsan_memset(void *dst, int c, unsigned long n)
{
	weft__race_access(dst, n, WEFT__RACE_WRITE, PC());
	return memset(dst, c, n);
}

/* C++ virtual-table pointers: reading one is a read; an update that does
 * not change the value (a constructor chain) is not a write worth
 * checking. */
void __tsan_vptr_read(void **p)
{
	weft__race_access(p, sizeof *p, 0, PC());
}

void __tsan_vptr_update(void **p, void *v)
{
	if (*p != v)
		weft__race_access(p, sizeof *p, WEFT__RACE_WRITE, PC());
}

void __tsan_func_entry(void *call_pc)
{
	/* The function's frame is made: below it, on a stack smaller than
	 * weft gave, is where the thread would have faulted (its locals
	 * that do not escape are never instrumented accesses).  Placed in
	 * the function entered. */
	const char *sp = __builtin_frame_address(0);
	const struct weft__running *r = &weft__running;

	if (__builtin_expect(sp < r->beyond_hi && sp >= r->beyond_lo, 0))
		weft__stack_beyond(sp, PC());
	/* The function's own stack pointer: above this call's frame (its
	 * saved frame pointer and return address). */
	weft__race_func_entry((uintptr_t)call_pc, (uintptr_t)sp + 16);
}

void __tsan_func_exit(void)
{
	weft__race_func_exit();
}

/* The instrumentation calls this from a constructor; weft sets itself up
 * in its own constructors, so there is nothing left to do. */
void __tsan_init(void)
{
}

void __tsan_flush_memory(void)
{
}

/* Annotations some code uses by hand: a release is a write to the
 * annotated address and an acquire a read of it, as visible operations,
 * so the core's clocks order them. */
void __tsan_release(void *a)
{
	annotation(a, true, PC());
}

void __tsan_acquire(void *a)
{
	annotation(a, false, PC());
}

void weft_volatile_marked(int on)
{
	weft__opts.volatile_marked = on != 0;
}

/* ThreadSanitizer's "ignore accesses of this thread" brackets. */
void __tsan_ignore_thread_begin(void)
{
	weft_race_ignore_begin();
}

void __tsan_ignore_thread_end(void)
{
	weft_race_ignore_end();
}
