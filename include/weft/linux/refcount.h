/* weft/linux/refcount.h - part of <weft/linux.h>:
 * reference counts.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_REFCOUNT_H
#define WEFT_LINUX_REFCOUNT_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

typedef struct weft_refcount refcount_t;
#define kref weft_kref
#define REFCOUNT_INIT(n) WEFT_REFCOUNT_INIT(n)
#define KREF_INIT(n) { WEFT_REFCOUNT_INIT(n) }
#define refcount_set(r, n) weft_refcount_set((r), (n), WEFT_HERE)
#define refcount_read(r) ((unsigned int)weft_refcount_read((r), WEFT_HERE))
#define refcount_inc(r)                                                       \
	((void)weft_refcount_add((r), 1, 0, 0, "refcount_inc", WEFT_HERE))
#define refcount_add(n, r)                                                    \
	((void)weft_refcount_add((r), (n), 0, 0, "refcount_add", WEFT_HERE))
#define refcount_inc_not_zero(r)                                              \
	(weft_refcount_add((r), 1, 1, 0, "refcount_inc_not_zero",       \
				 WEFT_HERE))
#define refcount_dec(r)                                                       \
	((void)weft_refcount_add((r), -1, 0, 0, "refcount_dec", WEFT_HERE))
#define refcount_dec_and_test(r)                                              \
	(weft_refcount_add((r), -1, 0, 1, "refcount_dec_and_test",      \
				 WEFT_HERE))
#define refcount_sub_and_test(n, r)                                           \
	(weft_refcount_add((r), -(n), 0, 1, "refcount_sub_and_test",    \
				 WEFT_HERE))
#define kref_init(k) weft_kref_init((k), WEFT_HERE)
#define kref_read(k) refcount_read(&(k)->refcount)
#define kref_get(k)                                                           \
	((void)weft_refcount_add(&(k)->refcount, 1, 0, 0, "kref_get", WEFT_HERE))
#define kref_get_unless_zero(k)                                               \
	(weft_refcount_add(&(k)->refcount, 1, 1, 0,                     \
				 "kref_get_unless_zero", WEFT_HERE))
#define kref_put(k, release) weft_kref_put((k), (release), WEFT_HERE)
/* As the kernel does it: the count drops without the lock unless this is
 * the last reference; the last is dropped with the lock held, so release()
 * runs with it held (and must drop it).  Taking the lock for every put
 * ordered the other threads' critical sections with puts the kernel does
 * not order. */
#define kref_put_mutex(k, release, m)                                         \
	(__extension__({                                                      \
		int weft_r_ = 0;                                              \
		if (!weft_refcount_dec_not_one(&(k)->refcount,                \
					       "kref_put_mutex", WEFT_HERE)) {\
			weft_klock_lock((m), WEFT_HERE);                      \
			weft_r_ = weft_refcount_add(&(k)->refcount, -1, 0, 1, \
						    "kref_put_mutex",         \
						    WEFT_HERE);               \
			if (weft_r_)                                          \
				(release)(k);                                 \
			else                                                  \
				weft_klock_unlock((m), WEFT_HERE);            \
		}                                                             \
		weft_r_;                                                      \
	}))
#define kref_put_lock(k, release, l) kref_put_mutex(k, release, l)

#endif
