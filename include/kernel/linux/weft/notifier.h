/* linux/weft/notifier.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  Notifier chains, built as the
 * kernel builds them from the models before: an atomic chain is an RCU
 * list whose writers take a spinlock (unregistering waits for a grace
 * period, and its callbacks run inside an RCU read section, where they
 * may not sleep), a blocking chain is guarded by a rw_semaphore (a
 * callback that registers or unregisters on its own chain deadlocks, as
 * in the kernel), a raw chain by nothing (its callers lock).  Every step
 * carries its caller's place.  SRCU chains are not modelled. */
#ifndef WEFT_KERNEL_LINUX_WEFT_NOTIFIER_H
#define WEFT_KERNEL_LINUX_WEFT_NOTIFIER_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_BAD (NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP (NOTIFY_OK | NOTIFY_STOP_MASK)

struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action,
			     void *data);
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block __rcu *next;
	int priority;
};

struct atomic_notifier_head {
	spinlock_t lock;
	struct notifier_block __rcu *head;
};
struct blocking_notifier_head {
	struct rw_semaphore rwsem;
	struct notifier_block __rcu *head;
};
struct raw_notifier_head {
	struct notifier_block __rcu *head;
};

#define ATOMIC_NOTIFIER_HEAD(name)                                            \
	struct atomic_notifier_head name = {                                  \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = NULL }
#define BLOCKING_NOTIFIER_HEAD(name)                                          \
	struct blocking_notifier_head name = {                                \
		.rwsem = WEFT_KLOCK_INIT(WEFT_KLOCK_RWSEM, #name ".rwsem"),   \
		.head = NULL }
#define RAW_NOTIFIER_HEAD(name) struct raw_notifier_head name = { .head = NULL }
#define ATOMIC_INIT_NOTIFIER_HEAD(nh)                                         \
	do {                                                                  \
		spin_lock_init(&(nh)->lock);                                  \
		(nh)->head = NULL;                                            \
	} while (0)
#define BLOCKING_INIT_NOTIFIER_HEAD(nh)                                       \
	do {                                                                  \
		init_rwsem(&(nh)->rwsem);                                     \
		(nh)->head = NULL;                                            \
	} while (0)
#define RAW_INIT_NOTIFIER_HEAD(nh) ((nh)->head = NULL)

static inline int notifier_from_errno(int err)
{
	return err ? NOTIFY_STOP_MASK | (NOTIFY_OK - err) : NOTIFY_OK;
}
static inline int notifier_to_errno(int ret)
{
	ret &= ~NOTIFY_STOP_MASK;
	return ret > NOTIFY_OK ? NOTIFY_OK - ret : 0;
}

/* The chain itself, as kernel/notifier.c keeps it: sorted by priority,
 * highest first, published with rcu_assign_pointer. */
static inline int weft_kx_nc_register(struct notifier_block **nl,
				      struct notifier_block *n,
				      const struct weft_loc *loc)
{
	while (*nl) {
		if (*nl == n) {
			weft_kwarn("notifier_chain_register",
				   "callback already registered", loc);
			return -EEXIST;
		}
		if (n->priority > (*nl)->priority)
			break;
		nl = &(*nl)->next;
	}
	n->next = *nl;
	weft_rcu_store((void **)nl, n, loc);
	return 0;
}
static inline int weft_kx_nc_unregister(struct notifier_block **nl,
					struct notifier_block *n,
					const struct weft_loc *loc)
{
	while (*nl) {
		if (*nl == n) {
			weft_rcu_store((void **)nl, n->next, loc);
			return 0;
		}
		nl = &(*nl)->next;
	}
	return -ENOENT;
}
static inline int weft_kx_nc_call(struct notifier_block **nl,
				  unsigned long val, void *v, int mode,
				  const struct weft_loc *loc)
{
	struct notifier_block *nb, *next;
	int ret = NOTIFY_DONE;

	nb = (struct notifier_block *)weft_rcu_load((void *const *)nl, mode,
						    loc);
	while (nb) {
		next = (struct notifier_block *)weft_rcu_load(
			(void *const *)&nb->next, mode, loc);
		ret = nb->notifier_call(nb, val, v);
		if (ret & NOTIFY_STOP_MASK)
			break;
		nb = next;
	}
	return ret;
}

#define atomic_notifier_chain_register(nh, n)                                 \
	(__extension__({                                                      \
		unsigned long weft_nf_;                                       \
		int weft_nr_;                                                 \
		spin_lock_irqsave(&(nh)->lock, weft_nf_);                     \
		weft_nr_ = weft_kx_nc_register(&(nh)->head, (n), WEFT_HERE);  \
		spin_unlock_irqrestore(&(nh)->lock, weft_nf_);                \
		weft_nr_;                                                     \
	}))
#define atomic_notifier_chain_unregister(nh, n)                               \
	(__extension__({                                                      \
		unsigned long weft_nf_;                                       \
		int weft_nr_;                                                 \
		spin_lock_irqsave(&(nh)->lock, weft_nf_);                     \
		weft_nr_ = weft_kx_nc_unregister(&(nh)->head, (n),            \
						 WEFT_HERE);                  \
		spin_unlock_irqrestore(&(nh)->lock, weft_nf_);                \
		synchronize_rcu();                                            \
		weft_nr_;                                                     \
	}))
#define atomic_notifier_call_chain(nh, val, v)                                \
	(__extension__({                                                      \
		int weft_nr_;                                                 \
		rcu_read_lock();                                              \
		weft_nr_ = weft_kx_nc_call(&(nh)->head, (val), (v),           \
					   WEFT_RCU_DEREF, WEFT_HERE);        \
		rcu_read_unlock();                                            \
		weft_nr_;                                                     \
	}))

#define blocking_notifier_chain_register(nh, n)                               \
	(__extension__({                                                      \
		int weft_nr_;                                                 \
		down_write(&(nh)->rwsem);                                     \
		weft_nr_ = weft_kx_nc_register(&(nh)->head, (n), WEFT_HERE);  \
		up_write(&(nh)->rwsem);                                       \
		weft_nr_;                                                     \
	}))
#define blocking_notifier_chain_unregister(nh, n)                             \
	(__extension__({                                                      \
		int weft_nr_;                                                 \
		down_write(&(nh)->rwsem);                                     \
		weft_nr_ = weft_kx_nc_unregister(&(nh)->head, (n),            \
						 WEFT_HERE);                  \
		up_write(&(nh)->rwsem);                                       \
		weft_nr_;                                                     \
	}))
/* The kernel skips the lock when the chain looks empty. */
#define blocking_notifier_call_chain(nh, val, v)                              \
	(__extension__({                                                      \
		int weft_nr_ = NOTIFY_DONE;                                   \
		if (rcu_access_pointer((nh)->head)) {                         \
			down_read(&(nh)->rwsem);                              \
			weft_nr_ = weft_kx_nc_call(&(nh)->head, (val), (v),   \
						   WEFT_RCU_PROTECTED,        \
						   WEFT_HERE);                \
			up_read(&(nh)->rwsem);                                \
		}                                                             \
		weft_nr_;                                                     \
	}))

#define raw_notifier_chain_register(nh, n)                                    \
	weft_kx_nc_register(&(nh)->head, (n), WEFT_HERE)
#define raw_notifier_chain_unregister(nh, n)                                  \
	weft_kx_nc_unregister(&(nh)->head, (n), WEFT_HERE)
#define raw_notifier_call_chain(nh, val, v)                                   \
	weft_kx_nc_call(&(nh)->head, (val), (v), WEFT_RCU_PROTECTED, WEFT_HERE)

WEFT_KX_UNMODELLED("SRCU notifier chains")
int weft_kx_srcu_notifier(void);
#define srcu_notifier_chain_register(nh, n) weft_kx_srcu_notifier()
#define srcu_notifier_chain_unregister(nh, n) weft_kx_srcu_notifier()
#define srcu_notifier_call_chain(nh, val, v) weft_kx_srcu_notifier()
#define srcu_init_notifier_head(nh) weft_kx_srcu_notifier()
#define srcu_cleanup_notifier_head(nh) weft_kx_srcu_notifier()

#endif
