/* src/kinds.h - the kinds of bug weft reports, generated from kinds.def.
 *
 * A call site names a kind by its identifier, WEFT__K(MISUSE), which
 * yields the table's string: the reports print exactly what they printed
 * when kinds were literals, and a misspelt identifier is a compile error
 * where a misspelt string was a new kind. */
#ifndef WEFT_KINDS_H
#define WEFT_KINDS_H

#include <string.h>

/* The rank of every kind that is not a non-fatal finding, and of the
 * program's own kinds (weft_report): after every finding. */
#define WEFT__RANK_OTHER 3

enum weft__kind {
#define KIND(id, name, rank, meaning) WEFT__KIND_##id,
#include "kinds.def"
#undef KIND
	WEFT__NKINDS
};

struct weft__kind_info {
	const char *name;
	int rank;
	const char *meaning;
};

/* The table row of kind k.  The table is a static constant in an inline
 * function so that every subsystem can use it without a definition to
 * link (the core-only builds leave subsystems out). */
static inline const struct weft__kind_info *weft__kind(enum weft__kind k)
{
	static const struct weft__kind_info table[] = {
#define KIND(id, name, rank, meaning) { name, rank, meaning },
#include "kinds.def"
#undef KIND
	};

	return &table[k];
}

/* The name of kind ID as the reports print it. */
#define WEFT__K(id) (weft__kind(WEFT__KIND_##id)->name)

/* The row named name, or NULL for a kind the table does not know (the
 * program's own, from weft_report). */
static inline const struct weft__kind_info *weft__kind_named(const char *name)
{
	for (int k = 0; k < WEFT__NKINDS; k++)
		if (!strcmp(weft__kind((enum weft__kind)k)->name, name))
			return weft__kind((enum weft__kind)k);
	return NULL;
}

#endif
