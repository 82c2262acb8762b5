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

#include "internal.h"

/* Access flags. */
enum {
	WEFT__RACE_WRITE = 1,
	WEFT__RACE_ATOMIC = 2, /* C11 atomic or volatile: never races with
				  another atomic access */
	WEFT__RACE_FREE = 4,   /* a free: a write of the whole block */
	WEFT__RACE_VOLATILE = 8, /* a volatile access (for reports) */
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
 * becomes a scheduling point, where the explorer can put the free first). */
void weft__race_free(const void *p, size_t n, const struct weft_loc *loc);

/* True while an execution runs test threads; instrumented code outside
 * executions (constructors, the worker itself) is not checked. */
extern bool weft__race_on;

/* Check and record an access of n bytes at addr made at pc.  Never blocks;
 * it becomes a scheduling point (before the access) once pc is known to
 * race, so the explorer also tries the other orders at that site. */
WEFT__HIDDEN void weft__race_access(const void *addr, size_t n,
				    unsigned flags, uintptr_t pc);

/* Called at a racing site before the access: a scheduling point on the
 * granule, unless the thread is inside an atomic section. */
void weft__race_point(const void *addr, bool write, uintptr_t pc);

/* Report a race between the recorded access (tid, clock entry, kind,
 * size, pc) and the current one; once per pair of sites across
 * executions. */
void weft__race_report(const void *addr, int ptid, uint32_t pclk,
		       unsigned pflags, unsigned psize, uintptr_t ppc,
		       unsigned flags, unsigned size, uintptr_t pc);

/* Volatile access sites seen so far (their shadow records say only
 * "atomic" or "plain"), so a report can name a volatile access as one. */
void weft__race_volatile_site(uintptr_t pc);

/* Sites known to race (persistent), tested on every access. */
WEFT__HIDDEN bool weft__race_site_hot(uintptr_t pc);

/* Per-thread function stacks from __tsan_func_entry/exit. */
void weft__race_func_entry(uintptr_t pc);
void weft__race_func_exit(void);
/* Copy the calling thread's call stack (innermost first) into out. */
int weft__race_stack(uintptr_t *out, int max);


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
#define WEFT__CALLER_LOC() \
	weft__pc_loc((uintptr_t)__builtin_return_address(0))

#endif
