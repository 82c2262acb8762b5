/* src/sched/vclock.h - the vector clocks' shared pieces, for clock.c and
 * fence.c: the release clock's shortcut marks and the four-at-a-time
 * join.  Internal to src/sched; included after sched.h. */
#ifndef WEFT_SCHED_VCLOCK_H
#define WEFT_SCHED_VCLOCK_H

#include <stdint.h>

/* A record's svc_by when its release clock is a join of several
 * threads' clocks (no shortcut), or all zeros (every clock dominates
 * it); else a thread's serial number plus 2 (a record of a finished
 * thread may be reused by a later thread in the same execution: its id
 * would not do). */
#define SVC_MIXED 0u
#define SVC_ZERO 1u
#define SVC_BY(t) ((t)->serial + 2u)

/* The clocks of the threads and of the object records, four entries at a
 * time: a loop over a few threads cost more in its control than in its
 * work.  Both kinds have room for a multiple of four entries (a thread's
 * clock has WEFT__MAX_THREADS, a record's a power of two of at least 4:
 * grow), and both are zero past the execution's threads (clear_record in
 * thread.c, grow here; the entries past them are only ever joined or
 * copied from zeros), so the extra entries stay zero. */
static inline int quad(int n)
{
	return (n + 3) & ~3;
}

static inline void vc_join4(uint32_t *restrict dst, const uint32_t *restrict src,
		     int n)
{
	for (int i = 0; i < n; i += 4)
		for (int k = 0; k < 4; k++) {
			uint32_t a = dst[i + k], b = src[i + k];
			dst[i + k] = a > b ? a : b;
		}
}

/* Advance entry id of a clock whose room is a multiple of four entries,
 * as a sixteen-byte load and store: the step's next use of the clock is
 * a sixteen-byte copy or join (obj_release), and a load that spans a
 * narrower store just before it waits for the store to retire instead of
 * taking its value forwarded (a quarter of the clock's time at a step of
 * the core workload, on the load after the increment). */
typedef uint32_t weft__vc4 __attribute__((vector_size(16)));

static inline void vc_tick(uint32_t *vc, int id)
{
	static const weft__vc4 one[4] = { { 1, 0, 0, 0 }, { 0, 1, 0, 0 },
					  { 0, 0, 1, 0 }, { 0, 0, 0, 1 } };
	uint32_t *q = vc + (id & ~3);
	weft__vc4 v;

	__builtin_memcpy(&v, q, sizeof v);
	v += one[id & 3];
	__builtin_memcpy(q, &v, sizeof v);
}

#endif
