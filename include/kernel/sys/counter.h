/* sys/counter.h - weft's FreeBSD kernel header tree: counter(9), the
 * per-CPU statistics counters.  FreeBSD adds to the current CPU's own
 * copy and sums every CPU's copy to read; weft keeps one 64-bit word,
 * added to and read as relaxed atomics: adds from different threads are
 * no data race, lose no update, and order nothing (a counter read that
 * guards other data is a race on that data, as in the kernel).  A
 * counter is allocated memory: using one after counter_u64_free is a
 * use-after-free, one never freed a leak.  counter_u64_alloc(M_WAITOK)
 * may sleep; the rest never blocks. */
#ifndef WEFT_KERNEL_SYS_COUNTER_H
#define WEFT_KERNEL_SYS_COUNTER_H

#include <sys/weft_freebsd.h>

typedef uint64_t *counter_u64_t;

#define counter_u64_alloc(wait)                                               \
	((counter_u64_t)weft_bsd_malloc_at(sizeof(uint64_t), M_TEMP,          \
					   (wait) | M_ZERO, WEFT_HERE))
#define counter_u64_free(c) weft_bsd_free_at((c), M_TEMP, WEFT_HERE)
#define counter_u64_add(c, v)                                                 \
	((void)__atomic_fetch_add((c), (uint64_t)(int64_t)(v),                \
				  __ATOMIC_RELAXED))
/* Inside counter_enter()/counter_exit() (a critical section). */
#define counter_u64_add_protected(c, v) counter_u64_add((c), (v))
#define counter_enter() critical_enter()
#define counter_exit() critical_exit()
#define counter_u64_fetch(c) __atomic_load_n((c), __ATOMIC_RELAXED)
#define counter_u64_zero(c) __atomic_store_n((c), 0, __ATOMIC_RELAXED)

#endif
