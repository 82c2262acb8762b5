/* src/tsan/bounds.c - the array-bounds check that weft-cc has the
 * compiler add beside the thread instrumentation (gcc -fsanitize=bounds,
 * clang -fsanitize=array-bounds): an index outside an array whose size
 * the compiler knows (a global, a local, a struct's member array) calls
 * __ubsan_handle_out_of_bounds, implemented here instead of by the
 * UBSan runtime, which weft's programs do not link.
 *
 * The heap's blocks have their own check (detect/heap_use.c), but memory
 * next to a global or stack array belongs to another object, and an
 * access there was no bug weft could see: a consumer that read
 * queue[length - 1] with length 0 read queue[-1] and came out verified.
 *
 * Inside a test thread the index is a bug that ends the execution
 * (out-of-bounds, at the access); elsewhere (a constructor, weft's own
 * set-up) it is printed once per place, and the program goes on as it
 * would under UBSan.  Neither blocks. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "detect/race.h"
#include "report/report.h"

/* The compiler's description of the check (UBSan's ABI). */
struct ub_loc {
	const char *file;
	uint32_t line, column;
};
struct ub_type {
	uint16_t kind; /* 0: an integer; info: log2(bits) << 1 | signed */
	uint16_t info;
	char name[];
};
struct ub_oob {
	struct ub_loc loc;
	const struct ub_type *array, *index;
};

/* The index as a number: integers of up to 64 bits come in the handle's
 * bits, wider ones (__int128) through a pointer to the value. */
static void index_text(const struct ub_type *t, uintptr_t v, char *buf,
		       size_t n)
{
	unsigned bits;

	if (!t || t->kind != 0 || (bits = 1u << (t->info >> 1)) > 128) {
		snprintf(buf, n, "out of range");
		return;
	}
	if (bits == 128) {
		unsigned __int128 u;
		__builtin_memcpy(&u, (const void *)v, sizeof u);
		if ((t->info & 1) && (__int128)u >= INT64_MIN &&
		    (__int128)u <= INT64_MAX)
			snprintf(buf, n, "%" PRId64, (int64_t)(__int128)u);
		else if (!(t->info & 1) && u <= UINT64_MAX)
			snprintf(buf, n, "%" PRIu64, (uint64_t)u);
		else
			snprintf(buf, n, "out of range");
		return;
	}
	if (t->info & 1) {
		int64_t s = (int64_t)((uint64_t)v << (64 - bits)) >> (64 - bits);
		snprintf(buf, n, "%" PRId64, s);
	} else {
		uint64_t u = bits == 64 ? (uint64_t)v
					: (uint64_t)v & ((UINT64_C(1) << bits) - 1);
		snprintf(buf, n, "%" PRIu64, u);
	}
}

static void out_of_bounds(const struct ub_oob *d, uintptr_t index,
			  uintptr_t pc)
{
	char ix[32];
	const char *type = d->array ? d->array->name : "an array";

	index_text(d->index, index, ix, sizeof ix);
	if (weft__self() >= 0) {
		const struct weft_loc *loc = weft__pc_loc(pc);
		/* An index is no step: the trace draws it after the
		 * thread's last one. */
		weft__mark_here("index", ix, loc, "[here]");
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "index %s is out of bounds for type %s", ix, type);
	}
	/* Outside the test threads: said once per place, marked as UBSan
	 * marks it (all ones in the column, which the compiler left
	 * writable for that). */
	if (__atomic_exchange_n((uint32_t *)&d->loc.column, UINT32_MAX,
				__ATOMIC_RELAXED) == UINT32_MAX)
		return;
	fprintf(stderr, "weft: %s:%" PRIu32 ": index %s is out of bounds for "
		"type %s (outside any test thread)\n",
		d->loc.file ? d->loc.file : "?", d->loc.line, ix, type);
}

void __ubsan_handle_out_of_bounds(void *data, void *index);
void __ubsan_handle_out_of_bounds_abort(void *data, void *index);
/* The same under the names weft-cc's link sends the program's calls to
 * (ld --wrap): a program built with its own -fsanitize=undefined links
 * UBSan's runtime, and clang links it into the executable, where its
 * handler would win over a library's. */
void __wrap___ubsan_handle_out_of_bounds(void *data, void *index)
	__attribute__((alias("__ubsan_handle_out_of_bounds")));
void __wrap___ubsan_handle_out_of_bounds_abort(void *data, void *index)
	__attribute__((alias("__ubsan_handle_out_of_bounds_abort")));

void __ubsan_handle_out_of_bounds(void *data, void *index)
{
	out_of_bounds(data, (uintptr_t)index,
		      (uintptr_t)__builtin_return_address(0));
}

/* With -fno-sanitize-recover (not weft-cc's choice, a program's own):
 * outside a test thread the program stops, as UBSan stops it. */
void __ubsan_handle_out_of_bounds_abort(void *data, void *index)
{
	out_of_bounds(data, (uintptr_t)index,
		      (uintptr_t)__builtin_return_address(0));
	abort();
}
