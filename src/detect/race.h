/* src/detect/race.h - the data-race detector and the helpers the pthread
 * and ThreadSanitizer layers share (private to src/detect/race*.c,
 * src/tsan/ and src/pthread/).
 *
 * The detector is FastTrack-style, per byte: every 8-byte granule of
 * memory that an instrumented access touches has a shadow cell holding, for
 * each of its bytes, the epoch (thread, clock) of the last write and of the
 * last read, or of every concurrent read (race_shadow.c keeps that
 * compact).  The clocks are the core's happens-before clocks (weft__vc),
 * which advance at every visible operation; so an access epoch e of thread
 * t is ordered before thread u exactly when e < weft__vc(u)[t] (strictly:
 * accesses made after t's step k carry clock k and are not covered by what
 * t published at step k). */
#ifndef WEFT_DETECT_RACE_H
#define WEFT_DETECT_RACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* Access flags. */
enum {
	WEFT__RACE_WRITE = 1,
	WEFT__RACE_ATOMIC = 2, /* C11 atomic or volatile: never races with
				  another atomic access */
	WEFT__RACE_FREE = 4,   /* a free: a write of the whole block */
	WEFT__RACE_VOLATILE = 8, /* a volatile access (for reports) */
	WEFT__RACE_RETURN = 16, /* with FREE: a stack frame's call returned
				   (for reports; race_frame_args.c) */
};

/* A site that is not a code address: a source location, tagged with bit
 * 63 (never set in a user-space code address). */
#define WEFT__PC_LOC_TAG ((uintptr_t)1 << 63)
static inline uintptr_t weft__loc_pc(const struct weft_loc *l)
{
	return (uintptr_t)l | WEFT__PC_LOC_TAG;
}

/* The tracked heap frees [p, p+n): recorded as a write by the caller, so a
 * plain access not ordered before the free races with it (and its site
 * becomes a scheduling point, where the explorer can put the free first).
 * site is the free's racing site: the return address of the program's
 * call, or weft__loc_pc of a location the program passed (one built at
 * run time would be another site in every process, and no replay token
 * could carry it). */
void weft__race_free(const void *p, size_t n, uintptr_t site);

/* True while an execution runs test threads; instrumented code outside
 * executions (constructors, the worker itself) is not checked. */
extern bool weft__race_on;

/* Check and record an access of n bytes at addr made at pc.  Never blocks;
 * it becomes a scheduling point (before the access) once pc is known to
 * race, so the explorer also tries the other orders at that site. */
WEFT__HIDDEN void weft__race_access(const void *addr, size_t n,
				    unsigned flags, uintptr_t pc);
/* The same for a plain read or write (neither atomic nor volatile) of 1,
 * 2, 4 or 8 bytes, the program's ordinary loads and stores: their common
 * case, one granule at a site not known to race, is checked without the
 * general steps (race_shadow.c); anything else goes to weft__race_access. */
#define WEFT__RACE_PLAIN(n)                                                   \
	WEFT__HIDDEN void weft__race_read##n(const void *addr, uintptr_t pc); \
	WEFT__HIDDEN void weft__race_write##n(const void *addr, uintptr_t pc);
WEFT__RACE_PLAIN(1)
WEFT__RACE_PLAIN(2)
WEFT__RACE_PLAIN(4)
WEFT__RACE_PLAIN(8)
#undef WEFT__RACE_PLAIN

/* Called at a racing site before the n-byte access: a scheduling point
 * on the granule, unless the thread is inside an atomic section.  A read
 * there is also a poll of the value, as a volatile read is, so that a
 * thread that spins on it lets the others run (fair scheduling). */
void weft__race_point(const void *addr, size_t n, bool write, uintptr_t pc);
/* The access the thread makes after its step at a racing site: a read
 * polls the value it is about to read, for fair scheduling; a write ends
 * the thread's polls (race_report.c). */
void weft__race_poll(const void *addr, size_t n, bool write);
/* Make pc a racing site from now on (race_report.c). */
void weft__race_site_learn(uintptr_t pc);

/* A test thread spinning on plain memory (race_stall.c): the watchdog
 * starts with the first execution; while it has the filter pointed at
 * all ones, weft__race_access gives each access to
 * weft__race_stall_access, which learns a spinning read's site. */
void weft__race_stall_begin(void);
bool weft__race_stalled(void);
void weft__race_stall_access(const void *addr, unsigned flags, uintptr_t pc);
/* A test thread in a loop without a scheduling point (race_stuck.c):
 * setup once, on the thread that runs the executions; the watchdog's
 * probe when no step was taken for a while.  Neither blocks; the probe
 * signals the executions' thread, whose handler parks a thread proven to
 * loop for ever. */
void weft__stuck_setup(void);
/* quiet_ms: how long no step was taken; from stall_ms on, a thread seen
 * all that while in one small loop of a function with an atomic
 * instruction in inline assembly (weft-cc's mark) ends the search,
 * inconclusive: it spins on what weft cannot see. */
void weft__stuck_probe(int quiet_ms, int stall_ms);
/* A thread the probe found stuck (race_stuck.c): where (the loop's
 * instruction), and its park as blocked for good, the deadlock's report
 * asking desc what it waits for (arg for desc).  x86_64 only. */
uintptr_t weft__stuck_pc(void);
_Noreturn void weft__stuck_park_as(int (*desc)(const struct weft__op *,
					      char *, size_t),
				   void *arg);
/* A spin on inline-assembly atomics (race_asm.c, x86_64 only): the
 * watchdog's stall length, set before its signal; whether the probe's
 * handler finds the thread at pc so spinning (safe in the handler); and
 * where the handler sends it: the search ends, or it is parked. */
void weft__asm_spin_stall(int quiet_ms, int stall_ms);
bool weft__asm_spinning(uintptr_t pc);
_Noreturn void weft__asm_stop(void);
/* The probe's signal, which the program's masks leave unblocked
 * (pthread/sigmask.c), or 0 where there is no probe. */
int weft__stuck_signal(void);
/* Whether a thread was parked in this process (the watchdog looks more
 * often from then on).  Never blocks. */
bool weft__stuck_parked(void);


/* Report a race between the recorded access (tid, clock entry, kind,
 * size, pc) and the current one; once per pair of sites across
 * executions. */
void weft__race_report(const void *addr, int ptid, uint32_t pclk,
		       unsigned pflags, unsigned psize, uintptr_t ppc,
		       unsigned flags, unsigned size, uintptr_t pc);

/* Volatile access sites seen so far (their shadow records say only
 * "atomic" or "plain"), so a report can name a volatile access as one. */
void weft__race_volatile_site(uintptr_t pc);

/* Sites known to race (persistent), tested on every access: first in a
 * bitmap (race_report.c keeps it; all zero until a site races), inline,
 * indexed by the site's low bits folded (distinct for sites within 64 KiB
 * of each other; others may share a bit, which costs only the second
 * test), then in the set itself. */
#define WEFT__RACE_FILTER_BITS 16
extern WEFT__HIDDEN const uint64_t *weft__race_filter;
WEFT__HIDDEN bool weft__race_site_listed(uintptr_t pc);
static inline unsigned weft__race_filter_bit(uintptr_t pc)
{
	return (unsigned)((pc ^ (pc >> WEFT__RACE_FILTER_BITS)) &
			  ((1u << WEFT__RACE_FILTER_BITS) - 1));
}
/* False when pc is surely not a racing site. */
static inline bool weft__race_site_maybe_hot(uintptr_t pc)
{
	unsigned h = weft__race_filter_bit(pc);
	/* The spin watchdog's thread may repoint it (race_stall.c). */
	const uint64_t *f = __atomic_load_n(&weft__race_filter,
					    __ATOMIC_RELAXED);

	return (f[h / 64] >> (h % 64)) & 1;
}
static inline bool weft__race_site_hot(uintptr_t pc)
{
	if (__builtin_expect(!weft__race_site_maybe_hot(pc), 1))
		return false;
	return weft__race_site_listed(pc);
}

/* Granules that raced (race_report.c keeps the bitmap, all zero until a
 * race): the sites of the plain accesses that touch one later become
 * scheduling points too, from the next execution on, so the consequences
 * of the race are explored where the program uses the memory again, not
 * only at the two accesses reported (cs++; assert(cs == 1); cs--: the
 * assertion and the decrement never raced, as the first access of the
 * epoch stood for them).  Indexed by the granule's low bits folded; a
 * shared bit only adds scheduling points. */
#define WEFT__RACE_WATCH_BITS 16
extern WEFT__HIDDEN const uint64_t *weft__race_watch;
static inline unsigned weft__race_watch_bit(uintptr_t addr)
{
	uintptr_t g = addr >> 3;

	return (unsigned)((g ^ (g >> WEFT__RACE_WATCH_BITS)) &
			  ((1u << WEFT__RACE_WATCH_BITS) - 1));
}
static inline bool weft__race_watched(uintptr_t addr)
{
	unsigned h = weft__race_watch_bit(addr);

	return (weft__race_watch[h / 64] >> (h % 64)) & 1;
}
/* A plain access at pc touched a watched granule: pc becomes a racing
 * site at the next execution's start (weft__replay_context_mark), so
 * that no execution's points change while it runs (its replay token
 * carries the sites known when it started). */
WEFT__HIDDEN void weft__race_watch_hit(uintptr_t pc);
/* Watch the granule of addr (an access the program marked as racing on
 * purpose): the other threads' plain accesses to it become scheduling
 * points, as after a race, though none is reported. */
void weft__race_watch_add(const void *addr);

/* Per-thread function stacks from __tsan_func_entry/exit. */
void weft__race_func_entry(uintptr_t pc, uintptr_t sp);
void weft__race_func_exit(void);
/* Thread t's live instrumented calls, outermost first: the stack pointer
 * of each one's frame (*sp, as __tsan_func_entry saw it) and their
 * number (at most the first 64; *depth: all of them); the call site of
 * the one at depth d (0 when it is lost). */
int weft__race_frames(int t, const uintptr_t **sp, int *depth);
uintptr_t weft__race_frame_call(int t, int d);
/* The kernel models' objects in stack frames (race_frames.c): the calls
 * of thread t at depth and deeper returned.  Watched objects (0: the
 * exit need not tell). */
void weft__race_frames_exit(int t, int depth);
extern WEFT__HIDDEN int weft__frames_watched;
/* The frame of thread t's live call that holds p, as [*lo, *hi), and its
 * depth; -1 when p is in none of the recorded calls' own frames. */
int weft__race_frame_span(int t, const void *p, const char **lo,
			  const char **hi);
/* Thread arguments in their creator's stack frames (race_frame_args.c):
 * the calls of thread t at depth and deeper returned (watched: 0 when
 * the exit need not tell); a use of the bytes at addr by the calling
 * thread, reported when they are in a returned frame it can only have
 * its pointer from before the return (called where the dead span holds);
 * the call site (" at file:line") of the returned frame that holds p, or
 * NULL. */
void weft__frame_args_exit(int t, int depth);
extern WEFT__HIDDEN int weft__frame_args_watched;
void weft__frame_arg_check(uintptr_t addr, bool write, unsigned size,
			   uintptr_t pc);
const char *weft__frame_arg_returned(const void *p);
/* Copy the calling thread's call stack (innermost first) into out. */
int weft__race_stack(uintptr_t *out, int max);
/* The same of thread t (a blocked one, for the deadlock report). */
int weft__race_stack_of(int t, uintptr_t *out, int max);


/* ---- shadow memory (src/detect/race_shadow.c) -------------------------- */

/* One access as the shadow memory sees it. */
struct weft__race_acc {
	int tid;
	unsigned flags;             /* WEFT__RACE_* */
	unsigned size;              /* bytes of the whole access, for reports */
	uint32_t clk;               /* vc[tid]: the access's epoch */
	const uint32_t *vc;         /* the accessing thread's clock */
	uintptr_t pc;
};

/* Check the access of n bytes at addr against what the shadow memory
 * knows of them (reporting races), and record it. */
WEFT__HIDDEN void weft__shadow_access(uintptr_t addr, size_t n,
				      const struct weft__race_acc *acc);
/* Forget every record: called at the start of each execution. */
void weft__shadow_begin(void);


/* ---- symbols (src/detect/race_sym.c) ---------------------------------- */

/* The source location of code address pc (a return address), found with
 * the program's symbols and line tables and cached across executions.
 * Never returns NULL; the location lives as long as the process. */
const struct weft_loc *weft__pc_loc(uintptr_t pc);
/* "func at file.h:line" of the library code (the system's headers, or
 * weft's) inlined at weft__pc_loc(pc)'s line that made the access at pc,
 * or NULL when the access is the program's own code. */
const char *weft__pc_via(uintptr_t pc);
/* The addr2line answer for address addr of object path (NULL: the
 * executable), from that object's child (race_sym_a2l.c), started at the
 * first question: the function into fn, "file:line" into fl, and the
 * function inlined there and its place into in_fn and in_fl ("" when
 * none).  False when there is no answer (no addr2line, a child that
 * died, too many objects).  Blocks on the child's answer. */
bool weft__a2l_lookup(const char *path, uintptr_t addr, char *fn, size_t nfn,
		      char *fl, size_t nfl, char *in_fn, size_t nin_fn,
		      char *in_fl, size_t nin_fl);
/* Whether file path is one of weft's own headers, installed beside its
 * library (include/weft/, include/kernel/): drawn as the system's are. */
bool weft__in_weft_headers(const char *path);
/* Whether a source file is one of the system's (its headers, under
 * /usr/): code inlined from libstdc++'s headers is named by the program's
 * line that used it, not by the header's. */
static inline bool weft__system_file(const char *file)
{
	return !strncmp(file, "/usr/", 5);
}
#define WEFT__CALLER_LOC() \
	weft__pc_loc((uintptr_t)__builtin_return_address(0))

#endif
