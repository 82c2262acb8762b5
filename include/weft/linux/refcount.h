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
/* (Linux 6.15: the set that publishes a reused SLAB_TYPESAFE_BY_RCU
 * object, and the increment that acquires it.) */
#define refcount_set_release(r, n)                                            \
	weft_refcount_set_release((r), (n), WEFT_HERE)
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

#define percpu_ref weft_percpu_ref
typedef void(percpu_ref_func_t)(struct weft_percpu_ref *);
#define PERCPU_REF_INIT_ATOMIC WEFT_PCPU_INIT_ATOMIC
#define PERCPU_REF_INIT_DEAD WEFT_PCPU_INIT_DEAD
#define PERCPU_REF_ALLOW_REINIT WEFT_PCPU_ALLOW_REINIT
/* It allocates the per-CPU counters with gfp: a blocking one may sleep
 * (the per-CPU allocator's mutex). */
#define percpu_ref_init(r, release, flags, gfp)                               \
	((((gfp) & WEFT_GFP_KERNEL) ? weft_might_sleep("percpu_ref_init",     \
						       "GFP_KERNEL",          \
						       WEFT_HERE)             \
				    : (void)0),                               \
	 weft_percpu_ref_init((r), (release), (flags), WEFT_HERE))
#define percpu_ref_exit(r) weft_percpu_ref_exit((r), WEFT_HERE)
#define percpu_ref_get(r) weft_percpu_ref_get((r), 1, "percpu_ref_get", WEFT_HERE)
#define percpu_ref_get_many(r, n)                                             \
	weft_percpu_ref_get((r), (n), "percpu_ref_get_many", WEFT_HERE)
#define percpu_ref_tryget(r)                                                  \
	weft_percpu_ref_tryget((r), 1, 0, "percpu_ref_tryget", WEFT_HERE)
#define percpu_ref_tryget_many(r, n)                                          \
	weft_percpu_ref_tryget((r), (n), 0, "percpu_ref_tryget_many", WEFT_HERE)
#define percpu_ref_tryget_live(r)                                             \
	weft_percpu_ref_tryget((r), 1, 1, "percpu_ref_tryget_live", WEFT_HERE)
#define percpu_ref_tryget_live_rcu(r)                                         \
	weft_percpu_ref_tryget((r), 1, 1, "percpu_ref_tryget_live_rcu",       \
			       WEFT_HERE)
#define percpu_ref_put(r) weft_percpu_ref_put((r), 1, "percpu_ref_put", WEFT_HERE)
#define percpu_ref_put_many(r, n)                                             \
	weft_percpu_ref_put((r), (n), "percpu_ref_put_many", WEFT_HERE)
#define percpu_ref_kill(r) weft_percpu_ref_kill((r), NULL, WEFT_HERE)
#define percpu_ref_kill_and_confirm(r, confirm)                               \
	weft_percpu_ref_kill((r), (confirm), WEFT_HERE)
#define percpu_ref_is_zero(r) weft_percpu_ref_is_zero((r), WEFT_HERE)
#define percpu_ref_is_dying(r) weft_percpu_ref_is_dying((r), WEFT_HERE)
#define percpu_ref_reinit(r) weft_percpu_ref_resurrect((r), 1, WEFT_HERE)
#define percpu_ref_resurrect(r) weft_percpu_ref_resurrect((r), 0, WEFT_HERE)
#define percpu_ref_switch_to_atomic(r, confirm)                               \
	weft_percpu_ref_switch((r), WEFT_PCPU_TO_ATOMIC, (confirm), WEFT_HERE)
#define percpu_ref_switch_to_atomic_sync(r)                                   \
	weft_percpu_ref_switch((r), WEFT_PCPU_TO_ATOMIC_SYNC, NULL, WEFT_HERE)
#define percpu_ref_switch_to_percpu(r)                                        \
	weft_percpu_ref_switch((r), WEFT_PCPU_TO_PERCPU, NULL, WEFT_HERE)

#endif
