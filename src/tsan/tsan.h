/* src/tsan/tsan.h - helpers shared by the __tsan_* entry points. */
#ifndef WEFT_TSAN_H
#define WEFT_TSAN_H

#include <stdbool.h>
#include <stdint.h>

/* A volatile access of n bytes: a scheduling point on addr, recorded by
 * the race detector as atomic (volatile never races with volatile or
 * atomic, but does with plain accesses). */
void weft__tsan_volatile(const void *addr, unsigned n, bool write,
			 uintptr_t pc);

/* __tsan_release/__tsan_acquire annotations: a visible write (release) or
 * read (acquire) of addr, which orders the threads through the core's
 * happens-before clocks. */
void weft__tsan_sync(const void *addr, bool release, uintptr_t pc);

#endif
