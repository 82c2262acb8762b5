/* linux/weft/list.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The list and hlist helpers of
 * <linux/list.h> beyond <weft/linux.h>: plain C over its struct
 * list_head. */
#ifndef WEFT_KERNEL_LINUX_WEFT_LIST_H
#define WEFT_KERNEL_LINUX_WEFT_LIST_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define list_prev_entry(pos, member)                                          \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)
static inline int list_is_last(const struct list_head *l,
			       const struct list_head *head)
{
	return l->next == head;
}
static inline int list_is_first(const struct list_head *l,
				const struct list_head *head)
{
	return l->prev == head;
}
static inline int list_is_head(const struct list_head *l,
			       const struct list_head *head)
{
	return l == head;
}
/* The pair orders the entry's other fields before a lockless
 * list_empty_careful that sees it empty, as in the kernel. */
static inline int list_empty_careful(const struct list_head *head)
{
	struct list_head *next = smp_load_acquire(&head->next);
	return next == head && next == READ_ONCE(head->prev);
}
static inline void list_del_init_careful(struct list_head *e)
{
	__list_del(e->prev, e->next);
	WRITE_ONCE(e->prev, e);
	smp_store_release(&e->next, e);
}
static inline void weft_kx_list_splice(const struct list_head *list,
				       struct list_head *prev,
				       struct list_head *next)
{
	struct list_head *first = list->next, *last = list->prev;

	first->prev = prev;
	prev->next = first;
	last->next = next;
	next->prev = last;
}
static inline void list_splice(const struct list_head *list,
			       struct list_head *head)
{
	if (!list_empty(list))
		weft_kx_list_splice(list, head, head->next);
}
static inline void list_splice_tail(struct list_head *list,
				    struct list_head *head)
{
	if (!list_empty(list))
		weft_kx_list_splice(list, head->prev, head);
}
static inline void list_splice_tail_init(struct list_head *list,
					 struct list_head *head)
{
	if (!list_empty(list)) {
		weft_kx_list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}
static inline void list_rotate_left(struct list_head *head)
{
	if (!list_empty(head))
		list_move_tail(head->next, head);
}
static inline size_t list_count_nodes(struct list_head *head)
{
	size_t n = 0;
	for (struct list_head *p = head->next; p != head; p = p->next)
		n++;
	return n;
}
static inline void list_replace_init(struct list_head *old,
				     struct list_head *n)
{
	list_replace(old, n);
	INIT_LIST_HEAD(old);
}
static inline void list_swap(struct list_head *e1, struct list_head *e2)
{
	struct list_head *pos = e2->prev;

	list_del(e2);
	list_replace(e1, e2);
	if (pos == e1)
		pos = e2;
	list_add(e1, pos);
}
#define list_for_each_prev(pos, head)                                         \
	for (pos = (head)->prev; pos != (head); pos = pos->prev)
#define list_for_each_entry_reverse(pos, head, member)                        \
	for (pos = list_last_entry(head, __typeof__(*pos), member);           \
	     &pos->member != (head); pos = list_prev_entry(pos, member))
#define list_for_each_entry_continue(pos, head, member)                       \
	for (pos = list_next_entry(pos, member); &pos->member != (head);      \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_from(pos, head, member)                           \
	for (; &pos->member != (head); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member)                \
	for (pos = list_last_entry(head, __typeof__(*pos), member),           \
	    n = list_prev_entry(pos, member);                                 \
	     &pos->member != (head); pos = n, n = list_prev_entry(n, member))
#define list_safe_reset_next(pos, n, member) n = list_next_entry(pos, member)
#define hlist_for_each(pos, head)                                             \
	for (pos = (head)->first; pos; pos = pos->next)
#define hlist_for_each_safe(pos, n, head)                                     \
	for (pos = (head)->first; pos && ({ n = pos->next; 1; }); pos = n)
static inline void hlist_add_before(struct hlist_node *n,
				    struct hlist_node *next)
{
	WRITE_ONCE(n->pprev, next->pprev);
	WRITE_ONCE(n->next, next);
	WRITE_ONCE(next->pprev, &n->next);
	WRITE_ONCE(*(n->pprev), n);
}
static inline void hlist_add_behind(struct hlist_node *n,
				    struct hlist_node *prev)
{
	WRITE_ONCE(n->next, prev->next);
	WRITE_ONCE(prev->next, n);
	WRITE_ONCE(n->pprev, &prev->next);
	if (n->next)
		WRITE_ONCE(n->next->pprev, &n->next);
}
static inline int hlist_is_singular_node(struct hlist_node *n,
					 struct hlist_head *h)
{
	return !n->next && n->pprev == &h->first;
}

#endif
