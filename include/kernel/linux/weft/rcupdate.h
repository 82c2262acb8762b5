/* linux/weft/rcupdate.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  The RCU spellings of
 * <linux/rcupdate.h> and rculist.h beyond <weft/linux.h>, mapped onto
 * its RCU model (grace periods and callbacks explored against readers). */
#ifndef WEFT_KERNEL_LINUX_WEFT_RCUPDATE_H
#define WEFT_KERNEL_LINUX_WEFT_RCUPDATE_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* call_rcu's callback type (<linux/types.h> in the kernel). */
typedef void (*rcu_callback_t)(struct rcu_head *head);
#define synchronize_rcu_expedited() synchronize_rcu()
#define synchronize_rcu_bh() synchronize_rcu()
#define synchronize_sched() synchronize_rcu()
#define synchronize_rcu_tasks() synchronize_rcu()
#define call_rcu_hurry(h, f) call_rcu(h, f)
#define call_rcu_bh(h, f) call_rcu(h, f)
#define call_rcu_sched(h, f) call_rcu(h, f)
#define rcu_barrier_bh() rcu_barrier()
#define rcu_barrier_sched() rcu_barrier()
#define kvfree_rcu(...) WEFT_KX_KVFREE_RCU(__VA_ARGS__, 2, 1)
#define WEFT_KX_KVFREE_RCU(p, f, n, ...) WEFT_KX_KVFREE_RCU_##n(p, f)
#define WEFT_KX_KVFREE_RCU_2(p, f) kfree_rcu(p, f)
#define WEFT_KX_KVFREE_RCU_1(p, f)                                            \
	do {                                                                  \
		synchronize_rcu();                                            \
		kvfree(p);                                                    \
	} while (0)
#define kfree_rcu_mightsleep(p)                                               \
	do {                                                                  \
		synchronize_rcu();                                            \
		kfree(p);                                                     \
	} while (0)
#define kvfree_rcu_mightsleep(p) kfree_rcu_mightsleep(p)
/* The _bh and _sched read sections also turn softirqs or preemption off,
 * as the kernel's do: smp_processor_id() and __this_cpu_ in them are no
 * misuse (networking code uses them so), and a sleep in them is. */
#undef rcu_read_lock_bh
#undef rcu_read_unlock_bh
#undef rcu_read_lock_sched
#undef rcu_read_unlock_sched
#define rcu_read_lock_bh()                                                    \
	do {                                                                  \
		weft_kx_bh_disable_();                                        \
		rcu_read_lock();                                              \
	} while (0)
#define rcu_read_unlock_bh()                                                  \
	do {                                                                  \
		rcu_read_unlock();                                            \
		local_bh_enable();                                            \
	} while (0)
#define rcu_read_lock_sched()                                                 \
	do {                                                                  \
		weft_kx_preempt_disable_();                                   \
		rcu_read_lock();                                              \
	} while (0)
#define rcu_read_unlock_sched()                                               \
	do {                                                                  \
		rcu_read_unlock();                                            \
		preempt_enable();                                             \
	} while (0)
#define rcu_read_lock_bh_held() rcu_read_lock_held()
#define rcu_read_lock_sched_held() rcu_read_lock_held()
#define rcu_read_lock_any_held() rcu_read_lock_held()
#define rcu_dereference_bh_check(p, c) rcu_dereference_check(p, c)
#define rcu_dereference_sched_check(p, c) rcu_dereference_check(p, c)
#define rcu_dereference_raw_check(p) rcu_dereference_raw(p)
#define rcu_dereference_rtnl(p) rcu_dereference_check(p, lockdep_rtnl_is_held())
#define rtnl_dereference(p) rcu_dereference_protected(p, lockdep_rtnl_is_held())
#define rcu_pointer_handoff(p) (p)
#define unrcu_pointer(p) (p)
#define RCU_INITIALIZER(v) (v)
#define RCU_LOCKDEP_WARN(c, s) WARN_ON(c)
#define RCU_NONIDLE(a) a
#define init_rcu_head(h) ((void)(h))
#define destroy_rcu_head(h) ((void)(h))
#define init_rcu_head_on_stack(h) ((void)(h))
/* Its callback must have run: the frame is about to go (rcu_head.c). */
#define destroy_rcu_head_on_stack(h) weft_rcu_head_destroy((h), WEFT_HERE)
#define rcu_head_init(h) ((void)(h))
#define rcu_is_watching() 1
#define rcu_sleep_check() ((void)0)
#define list_tail_rcu(head) (*((struct list_head __rcu **)(&(head)->prev)))
/* The SRCU walkers: the condition (srcu_read_lock_held, a lock) is the
 * kernel's only check, and the loads are READ_ONCE, in no RCU domain. */
#define list_for_each_entry_srcu(pos, head, member, c)                        \
	weft_lx_list_walk_rcu(pos, head, member, c)
#define hlist_for_each_entry_srcu(pos, head, member, c)                       \
	weft_lx_hlist_walk_rcu(pos, head, member, c)
#define hlist_first_rcu(h) (*((struct hlist_node __rcu **)(&(h)->first)))
#define hlist_next_rcu(n) (*((struct hlist_node __rcu **)(&(n)->next)))
#define list_next_or_null_rcu(head, ptr, type, member)                        \
	(__extension__({                                                      \
		struct list_head *weft_h_ = (head);                           \
		struct list_head *weft_n_ =                                   \
			WEFT_LX_RCU_LOAD((ptr)->next, WEFT_RCU_ENTRY);        \
		weft_n_ != weft_h_ ? list_entry(weft_n_, type, member) : NULL; \
	}))
#define list_for_each_entry_continue_rcu(pos, head, member)                   \
	for (pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member); \
	     &pos->member != (head);                                          \
	     pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member))
#define hlist_for_each_entry_rcu_bh(pos, head, member)                        \
	hlist_for_each_entry_rcu(pos, head, member)
static inline void weft_kx_hlist_add_behind_rcu(struct hlist_node *n,
						struct hlist_node *prev,
						const struct weft_loc *loc)
{
	n->next = prev->next;
	n->pprev = &prev->next;
	weft_rcu_store((void **)&prev->next, n, loc);
	if (n->next)
		n->next->pprev = &n->next;
}
#define hlist_add_behind_rcu(n, prev)                                         \
	weft_kx_hlist_add_behind_rcu((n), (prev), WEFT_HERE)
static inline void weft_kx_list_del_init_rcu(struct list_head *e,
					     const struct weft_loc *loc)
{
	e->next->prev = e->prev;
	weft_rcu_store((void **)&e->prev->next, e->next, loc);
	INIT_LIST_HEAD(e);
}
#define list_del_init_rcu(e) weft_kx_list_del_init_rcu((e), WEFT_HERE)

#endif
