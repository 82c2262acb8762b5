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

/* A call site that completes or wakes an object (the kernel headers'
 * complete(), wake_up() ...): what (the call's name) and obj (the object
 * as written, "&dev->done").  WEFT_WAKE_HERE is WEFT_HERE that also
 * records the site in the program's section weft_wake, which weft reads
 * at the start (src/wrap_main.c): a deadlock report can then name the
 * blocked thread whose code would complete what another waits for,
 * though that code has not run (src/detect/wakers.c).  C++ records none
 * (a static in an inline function's section is the linker's to merge).
 * Each record is aligned as its type alone, so that the section is an
 * array: the compiler gives a larger object more, unless told. */
struct weft_wake_site {
	const struct weft_loc *loc;
	const char *what;
	const char *obj;
};

#ifdef __cplusplus
#define WEFT_WAKE_HERE(what, obj) WEFT_HERE
#else
#define WEFT_WAKE_HERE(what, obj)                                             \
	(__extension__({                                                      \
		static const struct weft_loc weft__here_ = { __FILE__,        \
							     __LINE__,        \
							     __func__ };      \
		static const struct weft_wake_site weft__wake_                \
			__attribute__((used, section("weft_wake"),            \
				       aligned(__alignof__(                   \
					       struct weft_wake_site)))) = {  \
				&weft__here_, (what), (obj) };                \
		&weft__here_;                                                 \
	}))
#endif

#ifdef __cplusplus
}
#endif

#endif
