/* weft/linux/list.h - part of <weft/linux.h>:
 * lists.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_LIST_H
#define WEFT_LINUX_LIST_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

struct list_head {
	struct list_head *next, *prev;
};
struct hlist_head {
	struct hlist_node *first;
};
struct hlist_node {
	struct hlist_node *next, **pprev;
};

#define LIST_POISON1 ((void *)0x100)
#define LIST_POISON2 ((void *)0x122)
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define HLIST_HEAD_INIT { NULL }
#define HLIST_HEAD(name) struct hlist_head name = { NULL }
#define INIT_HLIST_HEAD(h) ((h)->first = NULL)

/* The kernel's marked accesses, and only those: ->next of a list is
 * written with WRITE_ONCE where a lockless list_empty may read it
 * (READ_ONCE), hlist's ->first and links likewise; every other access is
 * plain, so unlocked list_add/list_del still race (on ->prev). */
static inline void INIT_LIST_HEAD(struct list_head *l)
{
	WRITE_ONCE(l->next, l);
	WRITE_ONCE(l->prev, l);
}
static inline void __list_add(struct list_head *n, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	WRITE_ONCE(prev->next, n);
}
static inline void list_add(struct list_head *n, struct list_head *head)
{
	__list_add(n, head, head->next);
}
static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	__list_add(n, head->prev, head);
}
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}
static inline void list_del(struct list_head *e)
{
	__list_del(e->prev, e->next);
	e->next = (struct list_head *)LIST_POISON1;
	e->prev = (struct list_head *)LIST_POISON2;
}
static inline void list_del_init(struct list_head *e)
{
	__list_del(e->prev, e->next);
	INIT_LIST_HEAD(e);
}
static inline void list_move(struct list_head *e, struct list_head *head)
{
	__list_del(e->prev, e->next);
	list_add(e, head);
}
static inline void list_move_tail(struct list_head *e, struct list_head *head)
{
	__list_del(e->prev, e->next);
	list_add_tail(e, head);
}
static inline void list_replace(struct list_head *old, struct list_head *n)
{
	n->next = old->next;
	n->next->prev = n;
	n->prev = old->prev;
	n->prev->next = n;
}
/* A macro, so that its READ_ONCE is drawn at the caller's line (a race
 * of a lockless peek is the program's, not list.h's). */
#define list_empty(head)                                                      \
	(__extension__({                                                      \
		const struct list_head *weft_le_ = (head);                    \
		READ_ONCE(weft_le_->next) == weft_le_;                        \
	}))
static inline int list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}
static inline void list_splice_init(struct list_head *list,
				    struct list_head *head)
{
	if (list_empty(list))
		return;
	list->next->prev = head;
	list->prev->next = head->next;
	head->next->prev = list->prev;
	head->next = list->next;
	INIT_LIST_HEAD(list);
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member)                           \
	(__extension__({                                                      \
		struct list_head *weft_h_ = (ptr);                            \
		struct list_head *weft_p_ = READ_ONCE(weft_h_->next);         \
		weft_p_ != weft_h_ ? list_entry(weft_p_, type, member) : NULL; \
	}))
#define list_next_entry(pos, member)                                          \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_for_each(pos, head)                                              \
	for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head)                                      \
	for (pos = (head)->next, n = pos->next; pos != (head);                \
	     pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member)                                \
	for (pos = list_first_entry(head, __typeof__(*pos), member);          \
	     &pos->member != (head); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)                        \
	for (pos = list_first_entry(head, __typeof__(*pos), member),          \
	    n = list_next_entry(pos, member);                                 \
	     &pos->member != (head); pos = n, n = list_next_entry(n, member))

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member)                                   \
	(__extension__({                                                      \
		__typeof__(ptr) weft_h_ = (ptr);                              \
		weft_h_ ? hlist_entry(weft_h_, type, member) : NULL;          \
	}))
static inline void INIT_HLIST_NODE(struct hlist_node *n)
{
	n->next = NULL;
	n->pprev = NULL;
}
static inline int hlist_unhashed(const struct hlist_node *n)
{
	return !n->pprev;
}
#define hlist_empty(h)                                                        \
	(__extension__({                                                      \
		const struct hlist_head *weft_he_ = (h);                      \
		!READ_ONCE(weft_he_->first);                                  \
	}))
static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	WRITE_ONCE(n->next, first);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
	WRITE_ONCE(h->first, n);
	WRITE_ONCE(n->pprev, &h->first);
}
static inline void __hlist_del(struct hlist_node *n)
{
	struct hlist_node *next = n->next, **pprev = n->pprev;

	WRITE_ONCE(*pprev, next);
	if (next)
		WRITE_ONCE(next->pprev, pprev);
}
static inline void hlist_del(struct hlist_node *n)
{
	__hlist_del(n);
	n->next = (struct hlist_node *)LIST_POISON1;
	n->pprev = (struct hlist_node **)LIST_POISON2;
}
static inline void hlist_del_init(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		INIT_HLIST_NODE(n);
	}
}
#define hlist_for_each_entry(pos, head, member)                               \
	for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     pos; pos = hlist_entry_safe((pos)->member.next,                  \
					 __typeof__(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member)                       \
	for (pos = hlist_entry_safe((head)->first, __typeof__(*pos), member); \
	     pos && ({ n = pos->member.next; 1; });                           \
	     pos = hlist_entry_safe(n, __typeof__(*pos), member))

#endif
