/* linux/weft/cleanup.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  <linux/cleanup.h>'s scope-based
 * guards and __free, over the compiler's cleanup attribute as in the
 * kernel: guard(mutex)(&m) takes m until the end of the scope,
 * scoped_guard(spinlock, &l) { ... } for the block, and a pointer
 * declared __free(kfree) is freed when it goes out of scope.
 *
 * The guards of the kernel's own locks report their steps at the
 * guard's line: the guard(...) call stores its location, which the
 * constructor it returns reads before anything else runs, and the unlock
 * at the end of the scope names the same line.  A guard a program
 * defines with DEFINE_GUARD runs the program's lock and unlock
 * expressions, whose steps name this header's line. */
#ifndef WEFT_KERNEL_LINUX_WEFT_CLEANUP_H
#define WEFT_KERNEL_LINUX_WEFT_CLEANUP_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* Written by guard() and read at once by the constructor it returns, out
 * of the race detector's sight: every thread's guards use it, and it is
 * the program's memory only in name (a location, not the program's
 * data). */
static const struct weft_loc *weft_kx_guard_loc __attribute__((unused));
#define WEFT_KX_NO_TSAN __attribute__((no_sanitize("thread")))

#define WEFT_KX_PASTE_(a, b) a##b
#define WEFT_KX_PASTE(a, b) WEFT_KX_PASTE_(a, b)
#define WEFT_KX_UNIQ(p) WEFT_KX_PASTE(p, __COUNTER__)

/* A guard class: the locked object (_T), saved interrupt flags and the
 * guard's location, which lock and unlock see as _T, g->flags and loc.
 * _params is the constructor's parameter list, _obj the object it keeps
 * (for a guard of no object, a token that is not NULL).  The names are
 * pasted where the guard's name is first seen, then passed on whole:
 * passed on itself, the name would be expanded first (mutex is a macro
 * of weft/linux.h). */
#define WEFT_KX_GUARD_(cls, dtor, ctor, at, _type, _params, _obj, _lock,      \
		       _unlock)                                               \
	typedef struct {                                                      \
		_type t;                                                      \
		unsigned long flags;                                          \
		const struct weft_loc *loc;                                   \
	} cls;                                                                \
	static inline __attribute__((unused)) void dtor(cls *g)               \
	{                                                                     \
		_type _T = g->t;                                              \
		const struct weft_loc *loc = g->loc;                          \
		(void)_T;                                                     \
		(void)loc;                                                    \
		if (g->t) {                                                   \
			_unlock;                                              \
		}                                                             \
	}                                                                     \
	static inline __attribute__((unused)) WEFT_KX_NO_TSAN cls ctor(       \
		_params)                                                      \
	{                                                                     \
		cls g_ = { _obj, 0, weft_kx_guard_loc };                      \
		cls *g = &g_;                                                 \
		const struct weft_loc *loc = g_.loc;                          \
		(void)g;                                                      \
		(void)loc;                                                    \
		_lock;                                                        \
		return g_;                                                    \
	}                                                                     \
	static inline __attribute__((unused)) WEFT_KX_NO_TSAN cls (           \
		*at(const struct weft_loc *l))(_params)                       \
	{                                                                     \
		weft_kx_guard_loc = l;                                        \
		return ctor;                                                  \
	}
#define WEFT_KX_GUARD_CLASS(_name, _type, _lock, _unlock)                     \
	WEFT_KX_GUARD_(class_##_name##_t, class_##_name##_destructor,         \
		       class_##_name##_constructor, class_##_name##_at,       \
		       _type, _type _T, _T, _lock, _unlock)
/* A guard of no object (rcu, preempt): constructed with (). */
#define WEFT_KX_GUARD_CLASS0(_name, _lock, _unlock)                           \
	WEFT_KX_GUARD_(class_##_name##_t, class_##_name##_destructor,         \
		       class_##_name##_constructor, class_##_name##_at,       \
		       void *, void, (void *)1, _lock, _unlock)

#define DEFINE_GUARD(_name, _type, _lock, _unlock)                            \
	WEFT_KX_GUARD_CLASS(_name, _type, _lock, _unlock)
#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...)                \
	WEFT_KX_GUARD_CLASS(_name, _type *, _lock, _unlock)
#define DEFINE_LOCK_GUARD_0(_name, _lock, _unlock, ...)                       \
	WEFT_KX_GUARD_CLASS0(_name, _lock, _unlock)

/* The class names are pasted where the guard's name is first seen: passed
 * on to another macro, it would be expanded first (mutex is a macro of
 * weft/linux.h). */
#define WEFT_KX_GUARD_VAR(cls, dtor, at, var)                                 \
	cls var __attribute__((unused, cleanup(dtor))) = at(WEFT_HERE)
#define CLASS(_name, var)                                                     \
	WEFT_KX_GUARD_VAR(class_##_name##_t, class_##_name##_destructor,      \
			  class_##_name##_at, var)
#define guard(_name)                                                          \
	WEFT_KX_GUARD_VAR(class_##_name##_t, class_##_name##_destructor,      \
			  class_##_name##_at, WEFT_KX_UNIQ(weft_guard_))
#define scoped_guard(_name, ...)                                              \
	for (WEFT_KX_GUARD_VAR(class_##_name##_t, class_##_name##_destructor, \
			       class_##_name##_at, weft_scope_)(__VA_ARGS__), \
	     *weft_done_ = NULL;                                              \
	     !weft_done_; weft_done_ = (void *)1)
WEFT_KX_UNMODELLED("scoped_cond_guard (interruptible guards)")
int weft_kx_scoped_cond_guard(void);
#define scoped_cond_guard(_name, _fail, ...)                                  \
	for (int weft_c_ = weft_kx_scoped_cond_guard(); !weft_c_; weft_c_ = 1)

WEFT_KX_GUARD_CLASS(mutex, struct weft_klock *, weft_klock_lock(_T, loc),
		    weft_klock_unlock(_T, loc))
WEFT_KX_GUARD_CLASS(spinlock, struct weft_klock *, weft_klock_lock(_T, loc),
		    weft_klock_unlock(_T, loc))
WEFT_KX_GUARD_CLASS(spinlock_irq, struct weft_klock *,
		    (weft_kx_irqs_off(1), weft_klock_lock(_T, loc)),
		    (weft_klock_unlock(_T, loc), weft_kx_irqs_off(-1)))
WEFT_KX_GUARD_CLASS(spinlock_irqsave, struct weft_klock *,
		    (g->flags = weft_kx_irq_save(), weft_klock_lock(_T, loc)),
		    (weft_klock_unlock(_T, loc), weft_kx_irq_restore(g->flags)))
WEFT_KX_GUARD_CLASS(spinlock_bh, struct weft_klock *,
		    (weft_kx_bh_off(1), weft_klock_lock(_T, loc)),
		    (weft_klock_unlock(_T, loc), weft_kx_bh_off(-1)))
WEFT_KX_GUARD_CLASS(raw_spinlock, struct weft_klock *,
		    weft_klock_lock(_T, loc), weft_klock_unlock(_T, loc))
WEFT_KX_GUARD_CLASS(raw_spinlock_irq, struct weft_klock *,
		    (weft_kx_irqs_off(1), weft_klock_lock(_T, loc)),
		    (weft_klock_unlock(_T, loc), weft_kx_irqs_off(-1)))
WEFT_KX_GUARD_CLASS(raw_spinlock_irqsave, struct weft_klock *,
		    (g->flags = weft_kx_irq_save(), weft_klock_lock(_T, loc)),
		    (weft_klock_unlock(_T, loc), weft_kx_irq_restore(g->flags)))
WEFT_KX_GUARD_CLASS(read_lock, struct weft_klock *, weft_klock_read(_T, loc),
		    weft_klock_read_unlock(_T, loc))
WEFT_KX_GUARD_CLASS(write_lock, struct weft_klock *, weft_klock_lock(_T, loc),
		    weft_klock_unlock(_T, loc))
WEFT_KX_GUARD_CLASS(rwsem_read, struct weft_klock *, weft_klock_read(_T, loc),
		    weft_klock_read_unlock(_T, loc))
WEFT_KX_GUARD_CLASS(rwsem_write, struct weft_klock *, weft_klock_lock(_T, loc),
		    weft_klock_unlock(_T, loc))
WEFT_KX_GUARD_CLASS0(rcu, weft_rcu_read_lock(loc), weft_rcu_read_unlock(loc))
WEFT_KX_GUARD_CLASS0(preempt,
		     (weft_kx_region_enter("guard(preempt)", loc),
		      weft_kx_atomic(1, WEFT_KX_PREEMPT_SECTION, loc)),
		     weft_kx_atomic(-1, "preempt_enable", loc))
WEFT_KX_GUARD_CLASS0(irq,
		     (weft_kx_region_enter("guard(irq)", loc),
		      weft_kx_irqs_off(1)),
		     weft_kx_irqs_off(-1))
WEFT_KX_GUARD_CLASS0(irqsave,
		     (weft_kx_region_enter("guard(irqsave)", loc),
		      g->flags = weft_kx_irq_save()),
		     weft_kx_irq_restore(g->flags))

/* __free(name): the pointer's cleanup; DEFINE_FREE names one. */
#define DEFINE_FREE(_name, _type, _free)                                      \
	static inline __attribute__((unused)) void __free_##_name(void *p)    \
	{                                                                     \
		_type _T = *(_type *)p;                                       \
		_free;                                                        \
	}
#define __free(_name) __attribute__((cleanup(__free_##_name)))
#define no_free_ptr(p)                                                        \
	(__extension__({                                                      \
		__auto_type weft_p_ = (p);                                    \
		(p) = NULL;                                                   \
		weft_p_;                                                      \
	}))
#define return_ptr(p) return no_free_ptr(p)
#define take_ptr(p) no_free_ptr(p)
DEFINE_FREE(kfree, void *, if (_T) weft_kfree(_T, "kfree", WEFT_HERE))
DEFINE_FREE(kvfree, void *, if (_T) weft_kfree(_T, "kvfree", WEFT_HERE))

#endif
