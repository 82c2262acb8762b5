/* src/sched/asan.c - AddressSanitizer must be told about stack switches,
 * or it mistakes the fibers' frames for overflows (see its fiber-switch
 * interface).  Without AddressSanitizer these do nothing, and the
 * scheduler switches with weft__ctx_switch directly (sched.c). */
#include "sched.h"

#ifdef WEFT__ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
static const void *native_bottom;
static size_t native_size;

void weft__asan_enter(void)
{
	const void *b;
	size_t sz;

	__sanitizer_finish_switch_fiber(NULL, &b, &sz);
	if (!native_bottom) {
		native_bottom = b;
		native_size = sz;
	}
}

void weft__asan_switch(struct weft__ctx *from, struct weft__ctx *to,
		       const struct weft__stack *dst)
{
	void *fake = NULL;
	const void *b;
	size_t sz;

	__sanitizer_start_switch_fiber(from ? &fake : NULL,
				       dst ? dst->base : native_bottom,
				       dst ? dst->size : native_size);
	weft__ctx_switch(from, to);
	__sanitizer_finish_switch_fiber(fake, &b, &sz);
	if (!native_bottom) {
		native_bottom = b;
		native_size = sz;
	}
}

/* A reused stack still carries the poisoned frames of the fiber that was
 * abandoned on it when its execution ended. */
void weft__asan_fresh_stack(void *base, size_t size)
{
	__asan_unpoison_memory_region(base, size);
}
#else
void weft__asan_enter(void)
{
}

void weft__asan_fresh_stack(void *base, size_t size)
{
	(void)base;
	(void)size;
}
#endif
