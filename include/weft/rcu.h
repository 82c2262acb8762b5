/* weft/rcu.h - read-copy update.
 *
 * A grace period is modelled exactly: synchronize_rcu returns, and a
 * call_rcu callback runs, only after every read section that was in
 * progress when it was called has ended.  Callbacks run in the daemon
 * thread "rcuc/0", in atomic context, in the order they were queued.
 *
 * Pointers a reader obtains with weft_rcu_load inside a read section are
 * remembered until the section ends: freeing such memory through the
 * tracked heap while the reader is still inside its section is reported as
 * use-after-free at once (the reader may legally dereference it until
 * rcu_read_unlock), and a later instrumented access is caught by the heap's
 * quarantine anyway. */
#ifndef WEFT_RCU_H
#define WEFT_RCU_H

#include <weft/loc.h>

struct weft_rcu_head {
	struct weft_rcu_head *next;
	void (*func)(struct weft_rcu_head *);
	unsigned long stamp;       /* grace period it waits for */
	void *kfree_base;          /* kfree_rcu: the block to free */
	int typesafe;              /* a SLAB_TYPESAFE_BY_RCU object's free
				      (weft_slab_rcu_free): 1 still free in
				      its cache, 2 allocated again since
				      (nothing to free), 3 being freed, 0
				      none */
	const struct weft_loc *queued_at;
	const char *name;          /* the callback's, for reports, or NULL */
	int cpu;                   /* the tag of the CPU it was queued on */
};

/* Enter / leave a read section (they nest).  Never block; scheduling
 * points ordered only against grace-period waits.  An unlock without a
 * lock is misuse. */
void weft_rcu_read_lock(const struct weft_loc *loc);
void weft_rcu_read_unlock(const struct weft_loc *loc);
/* 1 when the caller is inside a read section. */
int weft_rcu_read_held(void);

/* Wait for a grace period.  Blocks; misuse inside a read section or in
 * atomic context. */
void weft_synchronize_rcu(const struct weft_loc *loc);
/* Run fn(head) after a grace period.  Never blocks. */
void weft_call_rcu(struct weft_rcu_head *head,
		   void (*fn)(struct weft_rcu_head *), const char *name,
		   const struct weft_loc *loc);
/* The end of an rcu_head's life (destroy_rcu_head_on_stack): a
 * use-after-free when its callback is still queued.  Never blocks. */
void weft_rcu_head_destroy(struct weft_rcu_head *head,
			   const struct weft_loc *loc);
/* kfree(base) after a grace period.  Never blocks. */
void weft_kfree_rcu(void *base, struct weft_rcu_head *head,
		    const struct weft_loc *loc);
/* Wait until every callback queued before the call has run.  Blocks. */
void weft_rcu_barrier(const struct weft_loc *loc);

/* ---- domains ------------------------------------------------------------
 *
 * Grace periods belong to a domain, as in liburcu's flavours: the classic
 * RCU above is one domain, and each SRCU srcu_struct embeds one of its
 * own.  A domain's grace periods wait only for its own readers, and its
 * callbacks run in daemon threads of its own, one for each CPU they were
 * queued on.  A sleepable domain's readers
 * may block (SRCU); the classic domain's read sections are atomic
 * context.  The fields are weft's; a zeroed domain is ready to use
 * (DEFINE_SRCU), and one in freed memory must be cleaned up first. */
#define WEFT_RCU_CPUS 8            /* CPUs one domain's callbacks run on */
struct weft_rcu_domain {
	const char *name;          /* in reports; NULL: the object's own */
	int sleepable;             /* readers may sleep (SRCU) */
	int epoch;                 /* a FreeBSD epoch: its operations are
				      named as epoch(9)'s (weft/bsd.h) */
	unsigned epoch_flags;      /* and its WEFT_BSD_EPOCH_* flags */
	int dead;                  /* cleaned up: any use is misuse */
	int used;                  /* a reader entered this execution */
	unsigned long clock;       /* orders section entries and grace
				      periods */
	struct weft_rcu_head *head, *tail;
	unsigned long late_min;    /* the first section begun while a grace
				      period was awaited (0: none) */
	/* One callback thread for each CPU tag queued on, made when the
	 * tag's first callback is: its tag, the callback it runs (NULL
	 * when none), and that callback's stamp until its
	 * rcu_callback_done step. */
	int ncpus;
	int cpu[WEFT_RCU_CPUS];
	struct weft_rcu_head *inflight[WEFT_RCU_CPUS];
	unsigned long running[WEFT_RCU_CPUS];
};
#define WEFT_RCU_DOMAIN_INIT(nm, sleep) { .name = (nm), .sleepable = (sleep) }

/* Set up (init_srcu_struct) and retire (cleanup_srcu_struct) a domain;
 * retiring one with a reader inside or a callback pending is misuse.
 * Never block. */
void weft_rcu_domain_init(struct weft_rcu_domain *d, const char *name,
			  int sleepable, const struct weft_loc *loc);
void weft_rcu_domain_cleanup(struct weft_rcu_domain *d,
			     const struct weft_loc *loc);
/* The operations above, on domain d.  read_lock returns the index SRCU's
 * read_unlock takes back (0 or 1; another value is misuse).  synchronize
 * and barrier block; the others never do. */
int weft_rcu_domain_read_lock(struct weft_rcu_domain *d,
			      const struct weft_loc *loc);
void weft_rcu_domain_read_unlock(struct weft_rcu_domain *d, int idx,
				 const struct weft_loc *loc);
int weft_rcu_domain_read_held(const struct weft_rcu_domain *d);
void weft_rcu_domain_synchronize(struct weft_rcu_domain *d,
				 const struct weft_loc *loc);
void weft_rcu_domain_call(struct weft_rcu_domain *d,
			  struct weft_rcu_head *head,
			  void (*fn)(struct weft_rcu_head *),
			  const struct weft_loc *loc);
void weft_rcu_domain_barrier(struct weft_rcu_domain *d,
			     const struct weft_loc *loc);
/* weft_rcu_load for a reader of domain d (srcu_dereference). */
void *weft_rcu_domain_load(struct weft_rcu_domain *d, void *const *slot,
			   int mode, const struct weft_loc *loc);

/* Load an RCU-protected pointer from *slot (a scheduling point that reads
 * the slot).  WEFT_RCU_DEREF also remembers it, inside a read section, for
 * the free check, and reports misuse (lockdep-RCU's) when the caller is
 * neither in a read section nor in atomic context; WEFT_RCU_PROTECTED
 * only loads (update side, or a lockdep condition that holds);
 * WEFT_RCU_ACCESS only loads and never remembers (rcu_access_pointer);
 * WEFT_RCU_ENTRY remembers as WEFT_RCU_DEREF does but checks nothing
 * (list_entry_rcu and its kin, a READ_ONCE in the kernel, which updaters
 * call under their lock). */
enum { WEFT_RCU_PROTECTED, WEFT_RCU_DEREF, WEFT_RCU_ACCESS, WEFT_RCU_ENTRY };
void *weft_rcu_load(void *const *slot, int mode, const struct weft_loc *loc);
/* Publish v into *slot (a scheduling point that writes it): everything the
 * caller wrote before happens before a reader that loads v. */
void weft_rcu_store(void **slot, void *v, const struct weft_loc *loc);

#endif
