/* linux/weft/slab.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The GFP flags and allocators of
 * <linux/slab.h>, gfp.h, vmalloc.h and string.h beyond <weft/linux.h>:
 * every allocation is a block of weft's checked heap, so a use after
 * kfree is found wherever the memory came from. */
#ifndef WEFT_KERNEL_LINUX_WEFT_SLAB_H
#define WEFT_KERNEL_LINUX_WEFT_SLAB_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define GFP_USER WEFT_GFP_KERNEL
#define GFP_HIGHUSER WEFT_GFP_KERNEL
#define GFP_KERNEL_ACCOUNT WEFT_GFP_KERNEL
#define GFP_DMA WEFT_GFP_ATOMIC
#define GFP_DMA32 WEFT_GFP_ATOMIC
#define __GFP_NOWARN 0u
#define __GFP_HIGH 0u
#define __GFP_ACCOUNT 0u
#define __GFP_COMP 0u
#define __GFP_DMA 0u
#define __GFP_DMA32 0u
#define __GFP_HIGHMEM 0u
#define __GFP_MEMALLOC 0u
#define __GFP_NOMEMALLOC 0u
#define __GFP_DIRECT_RECLAIM WEFT_GFP_KERNEL
#define __GFP_KSWAPD_RECLAIM 0u
#define __GFP_RECLAIM WEFT_GFP_KERNEL
#define __GFP_ATOMIC 0u
#define gfpflags_allow_blocking(g) (((g) & WEFT_GFP_KERNEL) != 0)
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
#define SLAB_HWCACHE_ALIGN 0u
#define SLAB_PANIC 0u
#define SLAB_ACCOUNT 0u
#define SLAB_RECLAIM_ACCOUNT 0u
#define SLAB_TYPESAFE_BY_RCU 0x80000u
#define ARCH_KMALLOC_MINALIGN 8

static inline size_t weft_kx_mul(size_t n, size_t size)
{
	size_t r;
	return __builtin_mul_overflow(n, size, &r) ? (size_t)-1 : r;
}
#undef kcalloc
#undef kmalloc_array
#define kcalloc(n, size, gfp)                                                 \
	weft_kmalloc(weft_kx_mul((n), (size)), (gfp) | WEFT_GFP_ZERO,         \
		     "kcalloc", WEFT_HERE)
#define kmalloc_array(n, size, gfp)                                           \
	weft_kmalloc(weft_kx_mul((n), (size)), (gfp), "kmalloc_array",        \
		     WEFT_HERE)
#define kmalloc_node(n, gfp, node) kmalloc(n, gfp)
#define kzalloc_node(n, gfp, node) kzalloc(n, gfp)
#define kvmalloc_array(n, size, gfp) kmalloc_array(n, size, gfp)
#define kvcalloc(n, size, gfp) kcalloc(n, size, gfp)
#define kvmalloc_node(n, gfp, node) kvmalloc(n, gfp)
#define kvzalloc_node(n, gfp, node) kvzalloc(n, gfp)
#define vmalloc_node(n, node) vmalloc(n)
#define vzalloc_node(n, node) vzalloc(n)
#define krealloc(p, n, gfp) weft_kx_krealloc((p), (n), (gfp), WEFT_HERE)
#define krealloc_array(p, n, size, gfp)                                       \
	weft_kx_krealloc((p), weft_kx_mul((n), (size)), (gfp), WEFT_HERE)
#define kvrealloc(p, n, gfp) krealloc(p, n, gfp)
#define kzfree(p) kfree(p)
#define kstrdup(s, gfp)                                                       \
	(__extension__({                                                      \
		const char *weft_s_ = (s);                                    \
		char *weft_d_ = NULL;                                         \
		if (weft_s_) {                                                \
			size_t weft_n_ = strlen(weft_s_) + 1;                 \
			weft_d_ = weft_kmalloc(weft_n_, (gfp), "kstrdup",     \
					       WEFT_HERE);                    \
			if (weft_d_)                                          \
				memcpy(weft_d_, weft_s_, weft_n_);            \
		}                                                             \
		weft_d_;                                                      \
	}))
#define kstrdup_const(s, gfp) kstrdup(s, gfp)
#define kfree_const(p) kfree(p)
#define kstrndup(s, max, gfp)                                                 \
	(__extension__({                                                      \
		const char *weft_s_ = (s);                                    \
		char *weft_d_ = NULL;                                         \
		if (weft_s_) {                                                \
			size_t weft_n_ = strnlen(weft_s_, (max));             \
			weft_d_ = weft_kmalloc(weft_n_ + 1, (gfp), "kstrndup", \
					       WEFT_HERE);                    \
			if (weft_d_) {                                        \
				memcpy(weft_d_, weft_s_, weft_n_);            \
				weft_d_[weft_n_] = 0;                         \
			}                                                     \
		}                                                             \
		weft_d_;                                                      \
	}))
#define kmemdup_nul(s, n, gfp) kstrndup(s, n, gfp)
#define strscpy(d, s, n)                                                      \
	(__extension__({                                                      \
		size_t weft_n_ = (n), weft_l_ = strnlen((s), weft_n_);        \
		ssize_t weft_r_ = (ssize_t)weft_l_;                           \
		if (weft_l_ == weft_n_) {                                     \
			weft_r_ = -E2BIG;                                     \
			weft_l_ = weft_n_ ? weft_n_ - 1 : 0;                  \
		}                                                             \
		if (weft_n_) {                                                \
			memcpy((d), (s), weft_l_);                            \
			(d)[weft_l_] = 0;                                     \
		}                                                             \
		weft_r_;                                                      \
	}))

/* kmem_cache: a size and a name over kmalloc (every object is its own
 * tracked block, so use-after-free is caught per object). */
struct kmem_cache {
	size_t size;
	const char *name;
	unsigned int flags;
	void (*ctor)(void *);
	struct weft_slab_rcu rcu; /* SLAB_TYPESAFE_BY_RCU's freed objects */
};
#define KMEM_CACHE(s, flags)                                                  \
	kmem_cache_create(#s, sizeof(struct s), 0, (flags), NULL)
#define kmem_cache_create(nm, sz, align, fl, ctor_)                           \
	(__extension__({                                                      \
		struct kmem_cache *weft_c_ = weft_kmalloc(                    \
			sizeof *weft_c_, WEFT_GFP_KERNEL, "kmem_cache_create", \
			WEFT_HERE);                                           \
		weft_c_->size = (sz);                                         \
		weft_c_->name = (nm);                                         \
		weft_c_->flags = (fl);                                        \
		weft_c_->ctor = (ctor_);                                      \
		(void)(align);                                                \
		weft_c_;                                                      \
	}))
#define kmem_cache_create_usercopy(nm, sz, al, fl, uo, us, ctor_)             \
	kmem_cache_create(nm, sz, al, fl, ctor_)
/* A SLAB_TYPESAFE_BY_RCU cache waits for the grace periods of its
 * objects' frees before it goes, as kmem_cache_destroy does; an object
 * still allocated then is misuse (src/linux/kmem_cache.c). */
#define kmem_cache_destroy(c)                                                 \
	do {                                                                  \
		struct kmem_cache *weft_c_ = (c);                             \
		if (weft_c_) /* slab_mutex */                                 \
			weft_might_sleep("kmem_cache_destroy", weft_c_->name, \
					 WEFT_HERE);                          \
		if (weft_c_ && (weft_c_->flags & SLAB_TYPESAFE_BY_RCU))       \
			weft_rcu_barrier(WEFT_HERE);                          \
		if (weft_c_)                                                  \
			weft_kmem_cache_destroy_check(weft_c_, weft_c_->name, \
						      WEFT_HERE);             \
		kfree(weft_c_);                                               \
	} while (0)
#define kmem_cache_alloc(c, gfp)                                              \
	(__extension__({                                                      \
		struct kmem_cache *weft_c_ = (c);                             \
		void *weft_o_;                                                \
		if (weft_c_->flags & SLAB_TYPESAFE_BY_RCU) {                  \
			weft_o_ = weft_slab_rcu_alloc(&weft_c_->rcu,          \
						      weft_c_->size, (gfp),   \
						      weft_c_->ctor,          \
						      WEFT_HERE);             \
		} else {                                                      \
			weft_o_ = weft_kmalloc(weft_c_->size, (gfp),          \
					       "kmem_cache_alloc", WEFT_HERE); \
			if (weft_o_ && weft_c_->ctor)                         \
				weft_c_->ctor(weft_o_);                       \
		}                                                             \
		weft_kmem_cache_note(weft_c_, weft_o_);                       \
		weft_o_;                                                      \
	}))
#define kmem_cache_zalloc(c, gfp) kmem_cache_alloc(c, (gfp) | WEFT_GFP_ZERO)
#define kmem_cache_alloc_node(c, gfp, node) kmem_cache_alloc(c, gfp)
/* Freeing into a cache reads the cache: after kmem_cache_destroy, a
 * use-after-free of the cache, at the caller's line. */
#define kmem_cache_free(c, p)                                                 \
	do {                                                                  \
		struct kmem_cache *weft_c_ = (c);                             \
		(void)*(const volatile size_t *)&weft_c_->size;               \
		if (weft_c_->flags & SLAB_TYPESAFE_BY_RCU)                    \
			weft_slab_rcu_free(&weft_c_->rcu, (p), WEFT_HERE);    \
		else                                                          \
			kfree(p);                                             \
	} while (0)

#endif
