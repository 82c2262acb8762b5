/* linux/weft/hashtable.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  <linux/hash.h> and
 * hashtable.h: plain C over hlists, with the _rcu iterators of
 * rculist.h. */
#ifndef WEFT_KERNEL_LINUX_WEFT_HASHTABLE_H
#define WEFT_KERNEL_LINUX_WEFT_HASHTABLE_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define GOLDEN_RATIO_32 0x61C88647u
#define GOLDEN_RATIO_64 0x61C8864680B583EBull
static inline u32 hash_32(u32 val, unsigned int bits)
{
	return (val * GOLDEN_RATIO_32) >> (32 - bits);
}
static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}
#define hash_long(val, bits) hash_64((u64)(val), bits)
#define hash_ptr(p, bits) hash_long((unsigned long)(p), bits)
#define DEFINE_HASHTABLE(name, bits)                                          \
	struct hlist_head name[1 << (bits)] = { [0 ...((1 << (bits)) - 1)] =  \
							HLIST_HEAD_INIT }
#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))
#define hash_min(val, bits)                                                   \
	(sizeof(val) <= 4 ? hash_32((u32)(val), bits) : hash_long(val, bits))
static inline void weft_kx_hash_init(struct hlist_head *ht, unsigned int sz)
{
	for (unsigned int i = 0; i < sz; i++)
		INIT_HLIST_HEAD(&ht[i]);
}
#define hash_init(ht) weft_kx_hash_init(ht, HASH_SIZE(ht))
#define hash_add(ht, node, key)                                               \
	hlist_add_head(node, &ht[hash_min(key, HASH_BITS(ht))])
#define hash_add_rcu(ht, node, key)                                           \
	hlist_add_head_rcu(node, &ht[hash_min(key, HASH_BITS(ht))])
#define hash_hashed(node) (!hlist_unhashed(node))
static inline bool weft_kx_hash_empty(struct hlist_head *ht, unsigned int sz)
{
	for (unsigned int i = 0; i < sz; i++)
		if (!hlist_empty(&ht[i]))
			return false;
	return true;
}
#define hash_empty(ht) weft_kx_hash_empty(ht, HASH_SIZE(ht))
#define hash_del(node) hlist_del_init(node)
#define hash_del_rcu(node) hlist_del_init_rcu(node)
#define hash_for_each(name, bkt, obj, member)                                 \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);   \
	     (bkt)++)                                                         \
		hlist_for_each_entry(obj, &name[bkt], member)
#define hash_for_each_rcu(name, bkt, obj, member)                             \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);   \
	     (bkt)++)                                                         \
		hlist_for_each_entry_rcu(obj, &name[bkt], member)
#define hash_for_each_safe(name, bkt, tmp, obj, member)                       \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);   \
	     (bkt)++)                                                         \
		hlist_for_each_entry_safe(obj, tmp, &name[bkt], member)
#define hash_for_each_possible(name, obj, member, key)                        \
	hlist_for_each_entry(obj, &name[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each_possible_rcu(name, obj, member, key, ...)               \
	hlist_for_each_entry_rcu(obj, &name[hash_min(key, HASH_BITS(name))],  \
				 member)
#define hash_for_each_possible_rcu_notrace(name, obj, member, key)            \
	hash_for_each_possible_rcu(name, obj, member, key)
#define hash_for_each_possible_safe(name, obj, tmp, member, key)              \
	hlist_for_each_entry_safe(obj, tmp,                                   \
				  &name[hash_min(key, HASH_BITS(name))], member)

#endif
