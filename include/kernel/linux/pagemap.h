/* linux/pagemap.h - weft's kernel header tree: the page-size constants
 * drivers take from it; the page cache itself (pages, folios, their
 * locks and references) is not modelled, and its calls fail to compile
 * with a message that says so. */
#ifndef WEFT_KERNEL_LINUX_PAGEMAP_H
#define WEFT_KERNEL_LINUX_PAGEMAP_H
#include <linux/weft_kernel.h>
#include <linux/fs.h>

#ifndef PAGE_SHIFT
#define PAGE_SHIFT 12
#endif
#ifndef PAGE_SIZE
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#endif
#ifndef PAGE_MASK
#define PAGE_MASK (~(PAGE_SIZE - 1))
#endif

struct page;
struct address_space;
#define WEFT_KX_PAGECACHE                                                     \
	WEFT_KX_UNMODELLED("the page cache (pages and their locks and "       \
			   "references)")
WEFT_KX_PAGECACHE struct page *find_get_page(struct address_space *m,
					     unsigned long index);
WEFT_KX_PAGECACHE struct page *find_lock_page(struct address_space *m,
					      unsigned long index);
WEFT_KX_PAGECACHE void lock_page(struct page *page);
WEFT_KX_PAGECACHE void unlock_page(struct page *page);
WEFT_KX_PAGECACHE void get_page(struct page *page);
WEFT_KX_PAGECACHE void put_page(struct page *page);
#endif
