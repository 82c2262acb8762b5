/* weft/loc.h - source locations carried by every visible operation.
 *
 * Every public weft call that is a scheduling point is also available as a
 * macro that captures the caller's file, line and function, so traces show
 * the test's own source lines.  The location is a static object, so passing
 * it costs one pointer. */
#ifndef WEFT_LOC_H
#define WEFT_LOC_H

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

struct weft_loc {
	const char *file;
	int line;
	const char *func;
};

/* A pointer to a static location describing the point of use. */
#define WEFT_HERE                                                             \
	(__extension__({                                                      \
		static const struct weft_loc weft__here_ = { __FILE__,        \
							     __LINE__,        \
							     __func__ };      \
		&weft__here_;                                                 \
	}))

#ifdef __cplusplus
}
#endif

#endif
