/* src/linux/ext_wait_bit.c - the kernel's bit and variable wait queues
 * (wait_on_bit, wake_up_bit, wait_var_event, wake_up_var; the header
 * tree's linux/wait_bit.h).
 *
 * As in the kernel, the waiters on a bit of a word, or on a variable,
 * sleep on one of a fixed table of wait queues, chosen by a hash of the
 * address (and bit), and every waiter checks its own condition again
 * when woken: two keys that share a queue only wake each other for
 * nothing.  The queues are wait_event's (waitq.c), so a wake-up before
 * the wait began is lost in the same way, and the explorer sees a
 * waiter and a waker of one key step on one object.  The table is
 * weft's memory, emptied at every execution's start. */
#include <stdint.h>
#include <string.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

#define NQUEUES 256

static struct weft_waitq queues[NQUEUES];
/* The table was used in this execution: most tests never use it, and
 * clearing its 12 KiB at every execution start would cost them. */
static bool dirty;

static unsigned slot_of(const void *key, int bit)
{
	uint64_t h = ((uintptr_t)key >> 3) * 0x9E3779B97F4A7C15ull +
		     (uint64_t)(bit + 1) * 0xC2B2AE3D27D4EB4Full;

	return (unsigned)(h >> 56) % NQUEUES;
}

struct weft_waitq *weft_xbit_waitq(const volatile void *word, int bit)
{
	struct weft_waitq *q = &queues[slot_of((const void *)word, bit)];

	dirty = true;
	if (!q->name)
		weft__lx_waitq_setup(q, bit < 0 ? "var waitqueue"
						 : "bit waitqueue", NULL);
	return q;
}

void weft__linux_ext_wait_bit_begin(void)
{
	if (dirty)
		memset(queues, 0, sizeof queues);
	dirty = false;
}
