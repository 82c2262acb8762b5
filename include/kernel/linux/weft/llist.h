/* linux/weft/llist.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  Lock-free singly linked lists
 * (<linux/llist.h>) whose every shared access is a marked cmpxchg or
 * xchg, so the ABA and lost-update problems of their users are
 * explored. */
#ifndef WEFT_KERNEL_LINUX_WEFT_LLIST_H
#define WEFT_KERNEL_LINUX_WEFT_LLIST_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

struct llist_head {
	struct llist_node *first;
};
struct llist_node {
	struct llist_node *next;
};
#define LLIST_HEAD_INIT(name) { NULL }
#define LLIST_HEAD(name) struct llist_head name = LLIST_HEAD_INIT(name)
static inline void init_llist_head(struct llist_head *list)
{
	list->first = NULL;
}
static inline void init_llist_node(struct llist_node *node)
{
	node->next = node;
}
static inline bool llist_on_list(const struct llist_node *node)
{
	return node->next != node;
}
#define llist_entry(ptr, type, member) container_of(ptr, type, member)
#define member_address_is_nonnull(ptr, member)                                \
	((uintptr_t)(ptr) + offsetof(__typeof__(*(ptr)), member) != 0)
#define llist_for_each(pos, node) for ((pos) = (node); pos; (pos) = (pos)->next)
#define llist_for_each_safe(pos, n, node)                                     \
	for ((pos) = (node); (pos) && ((n) = (pos)->next, true); (pos) = (n))
#define llist_for_each_entry(pos, node, member)                               \
	for ((pos) = llist_entry((node), __typeof__(*(pos)), member);         \
	     member_address_is_nonnull(pos, member);                          \
	     (pos) = llist_entry((pos)->member.next, __typeof__(*(pos)), member))
#define llist_for_each_entry_safe(pos, n, node, member)                       \
	for (pos = llist_entry((node), __typeof__(*pos), member);             \
	     member_address_is_nonnull(pos, member) &&                        \
	     (n = llist_entry(pos->member.next, __typeof__(*n), member), true); \
	     pos = n)
#define llist_empty(head) (READ_ONCE((head)->first) == NULL)
static inline struct llist_node *llist_next(struct llist_node *node)
{
	return node->next;
}
#define llist_add_batch(nf, nl, head)                                         \
	(__extension__({                                                      \
		struct llist_node *weft_nf_ = (nf), *weft_nl_ = (nl);         \
		struct llist_head *weft_h_ = (head);                          \
		struct llist_node *weft_f_ = READ_ONCE(weft_h_->first);       \
		do {                                                          \
			weft_nl_->next = weft_f_;                             \
		} while (!try_cmpxchg(&weft_h_->first, &weft_f_, weft_nf_));  \
		weft_f_ == NULL;                                              \
	}))
#define llist_add(n, head)                                                    \
	(__extension__({                                                      \
		struct llist_node *weft_n1_ = (n);                            \
		llist_add_batch(weft_n1_, weft_n1_, (head));                  \
	}))
/* The kernel's non-atomic forms are plain loads and stores, for a list
 * the caller serialises: two at once race (they were llist_add and
 * llist_del_all, atomic, and lost nodes were verified; a helper's
 * probe). */
static inline bool __llist_add_batch(struct llist_node *new_first,
				     struct llist_node *new_last,
				     struct llist_head *head)
{
	new_last->next = head->first;
	head->first = new_first;
	return new_last->next == NULL;
}
#define __llist_add(n, head) __llist_add_batch((n), (n), (head))
#define llist_del_all(head) xchg(&(head)->first, NULL)
static inline struct llist_node *__llist_del_all(struct llist_head *head)
{
	struct llist_node *first = head->first;

	head->first = NULL;
	return first;
}
#define llist_del_first(head)                                                 \
	(__extension__({                                                      \
		struct llist_head *weft_h_ = (head);                          \
		struct llist_node *weft_e_ = READ_ONCE(weft_h_->first);       \
		do {                                                          \
			if (weft_e_ == NULL)                                  \
				break;                                        \
		} while (!try_cmpxchg(&weft_h_->first, &weft_e_,              \
				      READ_ONCE(weft_e_->next)));             \
		weft_e_;                                                      \
	}))
static inline struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *new_head = NULL;

	while (head) {
		struct llist_node *tmp = head;
		head = head->next;
		tmp->next = new_head;
		new_head = tmp;
	}
	return new_head;
}

#endif
