/* linux/weft/rhashtable.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The resizable RCU hash table, as
 * its users see it: lookups are RCU readers (rhashtable_lookup needs the
 * caller's read section; rhashtable_lookup_fast opens and closes its
 * own, so the object it returns may be freed as soon as it returns,
 * unless the caller holds a reference); insertions and removals publish
 * and unpublish with rcu_assign_pointer under the table's lock, taken
 * with softirqs off as the kernel's bucket locks are; a removed object
 * stays readable by the readers already on it, so it is freed after a
 * grace period (kfree_rcu, call_rcu).  The table has a fixed number of
 * buckets (it never resizes: the rehash is the kernel's own concurrency,
 * not its users'); the hash is the params' hashfn/obj_hashfn or one of
 * weft's own over the key.  rhltable and the walkers are not modelled. */
#ifndef WEFT_KERNEL_LINUX_WEFT_RHASHTABLE_H
#define WEFT_KERNEL_LINUX_WEFT_RHASHTABLE_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

struct rhash_head {
	struct rhash_head __rcu *next;
};
struct rhashtable;
struct rhashtable_compare_arg {
	struct rhashtable *ht;
	const void *key;
};
typedef u32 (*rht_hashfn_t)(const void *data, u32 len, u32 seed);
typedef u32 (*rht_obj_hashfn_t)(const void *data, u32 len, u32 seed);
typedef int (*rht_obj_cmpfn_t)(struct rhashtable_compare_arg *arg,
			       const void *obj);
struct rhashtable_params {
	u16 nelem_hint;
	u16 key_len;
	u16 key_offset;
	u16 head_offset;
	unsigned int max_size;
	u16 min_size;
	bool automatic_shrinking;
	rht_hashfn_t hashfn;
	rht_obj_hashfn_t obj_hashfn;
	rht_obj_cmpfn_t obj_cmpfn;
};

#define WEFT_KX_RHT_BUCKETS 16
struct rhashtable {
	struct rhashtable_params p;
	struct weft_klock lock;
	struct rhash_head __rcu *buckets[WEFT_KX_RHT_BUCKETS];
	atomic_t nelems;
	int live;
};

static inline void weft_kx_rht_live(const struct rhashtable *ht,
				    const struct weft_loc *loc)
{
	if (ht->live != 1)
		weft_report("misuse", loc,
			    ht->live ? "rhashtable used after "
				       "rhashtable_destroy"
				     : "rhashtable used before rhashtable_init");
}

static inline u32 weft_kx_rht_keyhash(const struct rhashtable_params *p,
				      const void *key)
{
	const unsigned char *k = (const unsigned char *)key;
	u32 h = 2166136261u;

	if (p->hashfn)
		return p->hashfn(key, p->key_len, 0);
	for (unsigned int i = 0; i < p->key_len; i++)
		h = (h ^ k[i]) * 16777619u;
	return h;
}
static inline u32 weft_kx_rht_objhash(const struct rhashtable_params *p,
				      const void *obj)
{
	if (p->obj_hashfn)
		return p->obj_hashfn(obj, p->key_len, 0);
	return weft_kx_rht_keyhash(p, (const char *)obj + p->key_offset);
}
/* 0 when obj has the key. */
static inline int weft_kx_rht_cmp(struct rhashtable *ht,
				  const struct rhashtable_params *p,
				  const void *key, const void *obj)
{
	struct rhashtable_compare_arg a = { ht, key };

	if (p->obj_cmpfn)
		return p->obj_cmpfn(&a, obj);
	return memcmp((const char *)obj + p->key_offset, key, p->key_len);
}
static inline void *weft_kx_rht_obj(const struct rhashtable_params *p,
				    struct rhash_head *he)
{
	return (char *)he - p->head_offset;
}
static inline struct rhash_head *
weft_kx_rht_next(struct rhash_head *const *slot, int mode,
		 const struct weft_loc *loc)
{
	return (struct rhash_head *)weft_rcu_load((void *const *)slot, mode,
						  loc);
}

/* The reader's walk of the key's bucket (the caller is an RCU reader). */
static inline void *weft_kx_rht_lookup(struct rhashtable *ht, const void *key,
				       const struct rhashtable_params *p,
				       const struct weft_loc *loc)
{
	struct rhash_head *he;

	weft_kx_rht_live(ht, loc);
	he = weft_kx_rht_next(
		&ht->buckets[weft_kx_rht_keyhash(p, key) % WEFT_KX_RHT_BUCKETS],
		WEFT_RCU_DEREF, loc);
	for (; he; he = weft_kx_rht_next(&he->next, WEFT_RCU_DEREF, loc))
		if (!weft_kx_rht_cmp(ht, p, key, weft_kx_rht_obj(p, he)))
			return weft_kx_rht_obj(p, he);
	return NULL;
}
static inline void *weft_kx_rht_lookup_fast(struct rhashtable *ht,
					    const void *key,
					    const struct rhashtable_params *p,
					    const struct weft_loc *loc)
{
	void *obj;

	weft_rcu_read_lock(loc);
	obj = weft_kx_rht_lookup(ht, key, p, loc);
	weft_rcu_read_unlock(loc);
	return obj;
}

/* The bucket lock with interrupts off, as rht_lock takes it since Linux
 * 6.2 (local_irq_save: the table may be used from interrupt context); it
 * took softirqs off before, and an insert under spin_lock_irqsave or in
 * a hard interrupt then re-enabled them with interrupts off, which the
 * bottom-half model reports (a review's finding). */
static inline unsigned long weft_kx_rht_lock(struct rhashtable *ht,
					     const struct weft_loc *loc)
{
	unsigned long flags;

	weft_kx_rht_live(ht, loc);
	flags = weft_kx_irq_save();
	weft_klock_lock(&ht->lock, loc);
	return flags;
}
static inline void weft_kx_rht_unlock(struct rhashtable *ht,
				      unsigned long flags,
				      const struct weft_loc *loc)
{
	weft_klock_unlock(&ht->lock, loc);
	weft_kx_irq_restore(flags);
}

/* Insert obj at the head of its bucket, unless check and an object with
 * its key (key, or obj's own) is there: that object is returned, else
 * NULL. */
static inline void *weft_kx_rht_insert(struct rhashtable *ht, const void *key,
				       struct rhash_head *obj, bool check,
				       const struct rhashtable_params *p,
				       const struct weft_loc *loc)
{
	void *o = weft_kx_rht_obj(p, obj);
	struct rhash_head **b, *he;
	unsigned long rht_flags_;

	if (!key)
		key = (const char *)o + p->key_offset;
	rht_flags_ = weft_kx_rht_lock(ht, loc);
	b = &ht->buckets[(check || !p->obj_hashfn ? weft_kx_rht_keyhash(p, key)
						  : weft_kx_rht_objhash(p, o)) %
			 WEFT_KX_RHT_BUCKETS];
	he = weft_kx_rht_next(b, WEFT_RCU_PROTECTED, loc);
	for (; check && he;
	     he = weft_kx_rht_next(&he->next, WEFT_RCU_PROTECTED, loc))
		if (!weft_kx_rht_cmp(ht, p, key, weft_kx_rht_obj(p, he))) {
			weft_kx_rht_unlock(ht, rht_flags_, loc);
			return weft_kx_rht_obj(p, he);
		}
	obj->next = (struct rhash_head *)weft_rcu_load((void *const *)b,
						       WEFT_RCU_PROTECTED,
						       loc);
	weft_rcu_store((void **)b, obj, loc);
	weft_katomic_op(&ht->nelems.counter, sizeof ht->nelems.counter,
			WEFT_KA_ADD, 1, 0, "rhashtable_insert", loc);
	weft_kx_rht_unlock(ht, rht_flags_, loc);
	return NULL;
}

/* Unpublish old, or put new in its place: 0, or -ENOENT. */
static inline int weft_kx_rht_remove(struct rhashtable *ht,
				     struct rhash_head *old,
				     struct rhash_head *new_,
				     const struct rhashtable_params *p,
				     const struct weft_loc *loc)
{
	void *o = weft_kx_rht_obj(p, old);
	struct rhash_head **pp, *he;
	unsigned long rht_flags_;

	rht_flags_ = weft_kx_rht_lock(ht, loc);
	pp = &ht->buckets[weft_kx_rht_objhash(p, o) % WEFT_KX_RHT_BUCKETS];
	for (he = weft_kx_rht_next(pp, WEFT_RCU_PROTECTED, loc); he;
	     pp = &he->next,
	    he = weft_kx_rht_next(pp, WEFT_RCU_PROTECTED, loc)) {
		struct rhash_head *next;
		if (he != old)
			continue;
		next = weft_kx_rht_next(&old->next, WEFT_RCU_PROTECTED, loc);
		if (new_)
			new_->next = next;
		weft_rcu_store((void **)pp, new_ ? new_ : next, loc);
		if (!new_)
			weft_katomic_op(&ht->nelems.counter,
					sizeof ht->nelems.counter, WEFT_KA_ADD,
					-1, 0, "rhashtable_remove", loc);
		weft_kx_rht_unlock(ht, rht_flags_, loc);
		return 0;
	}
	weft_kx_rht_unlock(ht, rht_flags_, loc);
	return -ENOENT;
}

static inline int weft_kx_rht_init(struct rhashtable *ht,
				   const struct rhashtable_params *p,
				   const char *name, const struct weft_loc *loc)
{
	memset(ht, 0, sizeof *ht);
	ht->p = *p;
	weft_klock_init(&ht->lock, WEFT_KLOCK_SPIN, name, loc);
	ht->live = 1;
	return 0;
}

/* No reader or writer may run any more (the kernel's rule): each object
 * still in the table goes to free_fn. */
static inline void weft_kx_rht_destroy(struct rhashtable *ht,
				       void (*free_fn)(void *, void *),
				       void *arg, const struct weft_loc *loc)
{
	weft_kx_rht_live(ht, loc);
	for (int i = 0; free_fn && i < WEFT_KX_RHT_BUCKETS; i++) {
		struct rhash_head *he = weft_kx_rht_next(
			&ht->buckets[i], WEFT_RCU_PROTECTED, loc);
		while (he) {
			struct rhash_head *next = weft_kx_rht_next(
				&he->next, WEFT_RCU_PROTECTED, loc);
			free_fn(weft_kx_rht_obj(&ht->p, he), arg);
			he = next;
		}
	}
	ht->live = 2;
}

#define rhashtable_init(ht, params)                                           \
	weft_kx_rht_init((ht), (params), "rhashtable", WEFT_HERE)
#define rhashtable_destroy(ht) weft_kx_rht_destroy((ht), NULL, NULL, WEFT_HERE)
#define rhashtable_free_and_destroy(ht, fn, arg)                              \
	weft_kx_rht_destroy((ht), (fn), (arg), WEFT_HERE)
#define rhashtable_lookup(ht, key, params)                                    \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_lookup((ht), (key), &weft_rp_, WEFT_HERE);        \
	}))
#define rhashtable_lookup_fast(ht, key, params)                               \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_lookup_fast((ht), (key), &weft_rp_, WEFT_HERE);   \
	}))
#define rhashtable_insert_fast(ht, obj, params)                               \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		(void)weft_kx_rht_insert((ht), NULL, (obj), false, &weft_rp_, \
					 WEFT_HERE);                          \
		0;                                                            \
	}))
#define rhashtable_lookup_insert_fast(ht, obj, params)                        \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_insert((ht), NULL, (obj), true, &weft_rp_,        \
				   WEFT_HERE)                                 \
			? -EEXIST                                             \
			: 0;                                                  \
	}))
#define rhashtable_lookup_insert_key(ht, key, obj, params)                    \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_insert((ht), (key), (obj), true, &weft_rp_,       \
				   WEFT_HERE)                                 \
			? -EEXIST                                             \
			: 0;                                                  \
	}))
#define rhashtable_lookup_get_insert_fast(ht, obj, params)                    \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_insert((ht), NULL, (obj), true, &weft_rp_,        \
				   WEFT_HERE);                                \
	}))
#define rhashtable_lookup_get_insert_key(ht, key, obj, params)                \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_insert((ht), (key), (obj), true, &weft_rp_,       \
				   WEFT_HERE);                                \
	}))
#define rhashtable_remove_fast(ht, obj, params)                               \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_remove((ht), (obj), NULL, &weft_rp_, WEFT_HERE);  \
	}))
#define rhashtable_replace_fast(ht, old, new_, params)                        \
	(__extension__({                                                      \
		const struct rhashtable_params weft_rp_ = (params);           \
		weft_kx_rht_remove((ht), (old), (new_), &weft_rp_,            \
				   WEFT_HERE);                                \
	}))

WEFT_KX_UNMODELLED("rhltable and the rhashtable walkers")
int weft_kx_rhltable(void);
#define rhltable_init(hlt, params) weft_kx_rhltable()
#define rhashtable_walk_enter(ht, iter) weft_kx_rhltable()
#define rhashtable_walk_start(iter) weft_kx_rhltable()
#define rhashtable_walk_next(iter) weft_kx_rhltable()
#define rhashtable_walk_stop(iter) weft_kx_rhltable()
#define rhashtable_walk_exit(iter) weft_kx_rhltable()

#endif
