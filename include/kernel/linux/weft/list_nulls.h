/* linux/weft/list_nulls.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  The hlist_nulls lists of
 * <linux/list_nulls.h> and <linux/rculist_nulls.h>: an hlist whose end
 * is not NULL but a "nulls" marker, an odd value that carries a number
 * (the bucket's, in a hash table), so that a lockless reader of a
 * SLAB_TYPESAFE_BY_RCU cache can tell that the object it walked through
 * was freed and reused on another chain (Documentation/RCU/
 * rculist_nulls.rst).
 *
 * The RCU forms are modelled as weft's list_*_rcu and hlist_*_rcu are
 * (<weft/linux/rcu.h>): the publishing and unlinking stores are
 * rcu_assign_pointer, and the walkers' loads are scheduling points that
 * remember the entry for the free check inside a read section and check
 * nothing else (rcu_dereference_raw in the kernel).  The node's own
 * fields are written with WRITE_ONCE, as the kernel writes them: a node
 * may be reused while a stale reader still walks through it, and that
 * reader's load of its next pointer is no data race with the new
 * owner's store. */
#ifndef WEFT_KERNEL_LINUX_WEFT_LIST_NULLS_H
#define WEFT_KERNEL_LINUX_WEFT_LIST_NULLS_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

struct hlist_nulls_head {
	struct hlist_nulls_node *first;
};
struct hlist_nulls_node {
	struct hlist_nulls_node *next, **pprev;
};
#define NULLS_MARKER(value) (1UL | (((long)(value)) << 1))
#define INIT_HLIST_NULLS_HEAD(ptr, nulls)                                     \
	((ptr)->first = (struct hlist_nulls_node *)NULLS_MARKER(nulls))
#define HLIST_NULLS_HEAD_INIT(nulls)                                          \
	{ .first = (struct hlist_nulls_node *)NULLS_MARKER(nulls) }
#define hlist_nulls_entry(ptr, type, member) container_of(ptr, type, member)
static inline int is_a_nulls(const struct hlist_nulls_node *ptr)
{
	return ((unsigned long)ptr & 1) != 0;
}
#define hlist_nulls_entry_safe(ptr, type, member)                             \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		!is_a_nulls(weft_p_) ? hlist_nulls_entry(weft_p_, type, member) \
				     : NULL;                                  \
	}))
static inline unsigned long get_nulls_value(const struct hlist_nulls_node *ptr)
{
	return (unsigned long)ptr >> 1;
}
static inline int hlist_nulls_unhashed(const struct hlist_nulls_node *h)
{
	return !h->pprev;
}
#define hlist_nulls_unhashed_lockless(h) (!READ_ONCE((h)->pprev))
#define hlist_nulls_empty(h) is_a_nulls(READ_ONCE((h)->first))

/* WRITE_ONCE at the caller's line: the node's fields.  The plain
 * hlist_nulls_add_head writes next and first plainly, as the kernel's. */
static inline void weft_kx_nulls_once(void *slot, void *v,
				      const struct weft_loc *loc)
{
	weft_konce(slot, &v, sizeof v, 1, loc);
}
static inline void weft_kx_hlist_nulls_add_head(struct hlist_nulls_node *n,
						struct hlist_nulls_head *h,
						int rcu,
						const struct weft_loc *loc)
{
	struct hlist_nulls_node *first = h->first;

	if (rcu)
		weft_kx_nulls_once(&n->next, first, loc);
	else
		n->next = first;
	weft_kx_nulls_once(&n->pprev, &h->first, loc);
	if (rcu)
		weft_rcu_store((void **)&h->first, n, loc);
	else
		h->first = n;
	if (!is_a_nulls(first))
		weft_kx_nulls_once(&first->pprev, &n->next, loc);
}
#define hlist_nulls_add_head(n, h)                                            \
	weft_kx_hlist_nulls_add_head((n), (h), 0, WEFT_HERE)
#define hlist_nulls_add_head_rcu(n, h)                                        \
	weft_kx_hlist_nulls_add_head((n), (h), 1, WEFT_HERE)
/* Write side, under the chain's lock: plain loads to find the end. */
static inline void weft_kx_hlist_nulls_add_tail_rcu(struct hlist_nulls_node *n,
						    struct hlist_nulls_head *h,
						    const struct weft_loc *loc)
{
	struct hlist_nulls_node *i, *last = NULL;

	for (i = h->first; !is_a_nulls(i); i = i->next)
		last = i;
	if (!last) {
		weft_kx_hlist_nulls_add_head(n, h, 1, loc);
		return;
	}
	weft_kx_nulls_once(&n->next, last->next, loc);
	weft_kx_nulls_once(&n->pprev, &last->next, loc);
	weft_rcu_store((void **)&last->next, n, loc);
}
#define hlist_nulls_add_tail_rcu(n, h)                                        \
	weft_kx_hlist_nulls_add_tail_rcu((n), (h), WEFT_HERE)
static inline void hlist_nulls_add_fake(struct hlist_nulls_node *n)
{
	n->pprev = &n->next;
	n->next = (struct hlist_nulls_node *)NULLS_MARKER(NULL);
}
/* The unlink is the store readers see: rcu_assign_pointer for the _rcu
 * forms (a release, as hlist_del_rcu's), WRITE_ONCE otherwise.  The
 * node's next pointer is left alone: a reader on it walks on. */
static inline void weft_kx_hlist_nulls_unlink(struct hlist_nulls_node *n,
					      int rcu,
					      const struct weft_loc *loc)
{
	struct hlist_nulls_node *next = n->next, **pprev = n->pprev;

	if (rcu)
		weft_rcu_store((void **)pprev, next, loc);
	else
		weft_kx_nulls_once(pprev, next, loc);
	if (!is_a_nulls(next))
		weft_kx_nulls_once(&next->pprev, pprev, loc);
}
#define __hlist_nulls_del(n) weft_kx_hlist_nulls_unlink((n), 0, WEFT_HERE)
static inline void weft_kx_hlist_nulls_del(struct hlist_nulls_node *n, int rcu,
					   int init, const struct weft_loc *loc)
{
	if (init && hlist_nulls_unhashed(n))
		return;
	weft_kx_hlist_nulls_unlink(n, rcu, loc);
	weft_kx_nulls_once(&n->pprev, init ? NULL : LIST_POISON2, loc);
}
#define hlist_nulls_del(n) weft_kx_hlist_nulls_del((n), 0, 0, WEFT_HERE)
#define hlist_nulls_del_rcu(n) weft_kx_hlist_nulls_del((n), 1, 0, WEFT_HERE)
#define hlist_nulls_del_init_rcu(n)                                           \
	weft_kx_hlist_nulls_del((n), 1, 1, WEFT_HERE)

#define hlist_nulls_first_rcu(head)                                           \
	(*((struct hlist_nulls_node __rcu **)&(head)->first))
#define hlist_nulls_next_rcu(node)                                            \
	(*((struct hlist_nulls_node __rcu **)&(node)->next))
/* The kernel's barrier() before the first load keeps the compiler from
 * reusing it when a lookup restarts; weft's loads are never cached. */
#define weft_kx_nulls_load(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_ENTRY)
#define hlist_nulls_for_each_entry_rcu(tpos, pos, head, member)               \
	for (pos = weft_kx_nulls_load((head)->first);                         \
	     !is_a_nulls(pos) &&                                              \
	     ({ tpos = hlist_nulls_entry(pos, __typeof__(*tpos), member); 1; }); \
	     pos = weft_kx_nulls_load((pos)->next))
#define hlist_nulls_for_each_entry_safe(tpos, pos, head, member)              \
	for (pos = weft_kx_nulls_load((head)->first);                         \
	     !is_a_nulls(pos) &&                                              \
	     ({ tpos = hlist_nulls_entry(pos, __typeof__(*tpos), member);     \
		pos = weft_kx_nulls_load((pos)->next); 1; });)
#define hlist_nulls_for_each_entry(tpos, pos, head, member)                   \
	for (pos = (head)->first;                                             \
	     !is_a_nulls(pos) &&                                              \
	     ({ tpos = hlist_nulls_entry(pos, __typeof__(*tpos), member); 1; }); \
	     pos = pos->next)
#define hlist_nulls_for_each_entry_from(tpos, pos, member)                    \
	for (; !is_a_nulls(pos) &&                                            \
	       ({ tpos = hlist_nulls_entry(pos, __typeof__(*tpos), member); 1; }); \
	     pos = pos->next)

#endif
