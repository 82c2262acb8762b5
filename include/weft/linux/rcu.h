/* weft/linux/rcu.h - part of <weft/linux.h>:
 * RCU.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_RCU_H
#define WEFT_LINUX_RCU_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define rcu_head weft_rcu_head
#define callback_head weft_rcu_head
#define rcu_read_lock() weft_rcu_read_lock(WEFT_HERE)
#define rcu_read_unlock() weft_rcu_read_unlock(WEFT_HERE)
#define rcu_read_lock_bh() weft_rcu_read_lock(WEFT_HERE)
#define rcu_read_unlock_bh() weft_rcu_read_unlock(WEFT_HERE)
#define rcu_read_lock_sched() weft_rcu_read_lock(WEFT_HERE)
#define rcu_read_unlock_sched() weft_rcu_read_unlock(WEFT_HERE)
#define rcu_read_lock_held() weft_rcu_read_held()
#define synchronize_rcu() weft_synchronize_rcu(WEFT_HERE)
#define synchronize_net() weft_synchronize_rcu(WEFT_HERE)
#define call_rcu(h, f) weft_call_rcu((h), (f), #f, WEFT_HERE)
#define rcu_barrier() weft_rcu_barrier(WEFT_HERE)
#define kfree_rcu(p, field)                                                   \
	do {                                                                  \
		__typeof__(p) weft_k_ = (p);                                  \
		if (weft_k_)                                                  \
			weft_kfree_rcu(weft_k_, &weft_k_->field, WEFT_HERE);  \
	} while (0)

#define WEFT_LX_RCU_LOAD(p, mode)                                             \
	((__typeof__(p))weft_rcu_load((void *const *)&(p), (mode), WEFT_HERE))
#define rcu_dereference(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_DEREF)
#define rcu_dereference_bh(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_DEREF)
#define rcu_dereference_sched(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_DEREF)
#define rcu_dereference_raw(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_PROTECTED)
#define rcu_dereference_check(p, c)                                           \
	WEFT_LX_RCU_LOAD(p, (c) ? WEFT_RCU_PROTECTED : WEFT_RCU_DEREF)
#define rcu_dereference_protected(p, c)                                       \
	(__extension__({                                                      \
		if (!(c))                                                     \
			weft_kwarn("rcu_dereference_protected", #c,           \
				   WEFT_HERE);                                \
		WEFT_LX_RCU_LOAD(p, WEFT_RCU_PROTECTED);                      \
	}))
#define rcu_access_pointer(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_ACCESS)
#define rcu_assign_pointer(p, v)                                              \
	weft_rcu_store((void **)&(p), (void *)(v), WEFT_HERE)
#define RCU_INIT_POINTER(p, v) rcu_assign_pointer(p, v)
#define rcu_replace_pointer(p, v, c)                                          \
	(__extension__({                                                      \
		__typeof__(p) weft_o_ = rcu_dereference_protected(p, c);      \
		rcu_assign_pointer(p, v);                                     \
		weft_o_;                                                      \
	}))

/* RCU lists: the publishing store and the readers' loads of next pointers
 * are the scheduling points; everything else is as in the plain lists. */
#define list_next_rcu(l) (*((struct list_head __rcu **)(&(l)->next)))
static inline void weft_lx_list_add_rcu(struct list_head *n,
					struct list_head *prev,
					struct list_head *next,
					const struct weft_loc *loc)
{
	n->next = next;
	n->prev = prev;
	weft_rcu_store((void **)&prev->next, n, loc);
	next->prev = n;
}
#define list_add_rcu(n, head)                                                 \
	weft_lx_list_add_rcu((n), (head), (head)->next, WEFT_HERE)
#define list_add_tail_rcu(n, head)                                            \
	weft_lx_list_add_rcu((n), (head)->prev, (head), WEFT_HERE)
static inline void weft_lx_list_del_rcu(struct list_head *e,
					const struct weft_loc *loc)
{
	e->next->prev = e->prev;
	weft_rcu_store((void **)&e->prev->next, e->next, loc);
	e->prev = (struct list_head *)LIST_POISON2;
}
#define list_del_rcu(e) weft_lx_list_del_rcu((e), WEFT_HERE)
static inline void weft_lx_list_replace_rcu(struct list_head *old,
					    struct list_head *n,
					    const struct weft_loc *loc)
{
	n->next = old->next;
	n->prev = old->prev;
	weft_rcu_store((void **)&n->prev->next, n, loc);
	n->next->prev = n;
	old->prev = (struct list_head *)LIST_POISON2;
}
#define list_replace_rcu(old, n) weft_lx_list_replace_rcu((old), (n), WEFT_HERE)
/* (READ_ONCE in the kernel, with no lockdep check: an updater calls
 * them under its lock.) */
#define list_entry_rcu(ptr, type, member)                                     \
	container_of(WEFT_LX_RCU_LOAD(ptr, WEFT_RCU_ENTRY), type, member)
#define list_first_or_null_rcu(head, type, member)                            \
	(__extension__({                                                      \
		struct list_head *weft_h_ = (head);                           \
		struct list_head *weft_n_ =                                   \
			WEFT_LX_RCU_LOAD(weft_h_->next, WEFT_RCU_ENTRY);      \
		weft_n_ != weft_h_ ? list_entry(weft_n_, type, member) : NULL; \
	}))
/* The walkers' optional lockdep condition (the kernel's cond...): when it
 * holds, the walk is protected otherwise (a lock, an SRCU read section)
 * and its loads are no rcu_dereference outside a read section.  WEFT_LX_
 * RCU_COND(x, ## __VA_ARGS__, 0) is the condition, 0 without one. */
#define WEFT_LX_RCU_COND(dummy, c, ...) (c)
#define WEFT_LX_RCU_MODE(c) ((c) ? WEFT_RCU_PROTECTED : WEFT_RCU_DEREF)
#define weft_lx_list_entry_rcu_c(ptr, type, member, c)                        \
	container_of(WEFT_LX_RCU_LOAD(ptr, WEFT_LX_RCU_MODE(c)), type, member)
#define weft_lx_list_walk_rcu(pos, head, member, c)                           \
	for (pos = weft_lx_list_entry_rcu_c((head)->next, __typeof__(*pos),   \
					    member, c);                       \
	     &pos->member != (head);                                          \
	     pos = weft_lx_list_entry_rcu_c(pos->member.next,                 \
					    __typeof__(*pos), member, c))
#define list_for_each_entry_rcu(pos, head, member, ...)                       \
	weft_lx_list_walk_rcu(pos, head, member,                              \
			      WEFT_LX_RCU_COND(0, ##__VA_ARGS__, 0))

static inline void weft_lx_hlist_add_head_rcu(struct hlist_node *n,
					      struct hlist_head *h,
					      const struct weft_loc *loc)
{
	struct hlist_node *first = h->first;

	n->next = first;
	n->pprev = &h->first;
	weft_rcu_store((void **)&h->first, n, loc);
	if (first)
		first->pprev = &n->next;
}
#define hlist_add_head_rcu(n, h) weft_lx_hlist_add_head_rcu((n), (h), WEFT_HERE)
static inline void weft_lx_hlist_del_rcu(struct hlist_node *n,
					 const struct weft_loc *loc)
{
	struct hlist_node *next = n->next;

	weft_rcu_store((void **)n->pprev, next, loc);
	if (next)
		next->pprev = n->pprev;
	n->pprev = (struct hlist_node **)LIST_POISON2;
}
#define hlist_del_rcu(n) weft_lx_hlist_del_rcu((n), WEFT_HERE)
static inline void weft_lx_hlist_del_init_rcu(struct hlist_node *n,
					      const struct weft_loc *loc)
{
	if (!hlist_unhashed(n)) {
		weft_lx_hlist_del_rcu(n, loc);
		n->pprev = NULL;
	}
}
#define hlist_del_init_rcu(n) weft_lx_hlist_del_init_rcu((n), WEFT_HERE)
#define weft_lx_hlist_walk_rcu(pos, head, member, c)                          \
	for (pos = hlist_entry_safe(WEFT_LX_RCU_LOAD((head)->first,           \
						     WEFT_LX_RCU_MODE(c)),    \
				    __typeof__(*(pos)), member);              \
	     pos;                                                             \
	     pos = hlist_entry_safe(WEFT_LX_RCU_LOAD((pos)->member.next,      \
						     WEFT_LX_RCU_MODE(c)),    \
				    __typeof__(*(pos)), member))
#define hlist_for_each_entry_rcu(pos, head, member, ...)                      \
	weft_lx_hlist_walk_rcu(pos, head, member,                             \
			       WEFT_LX_RCU_COND(0, ##__VA_ARGS__, 0))

#endif
