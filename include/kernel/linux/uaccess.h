/* linux/uaccess.h - weft's kernel header tree: copying between a driver
 * and the user's buffer.  A test plays the user process, so a user
 * buffer is memory the test passes in: the copies are copies of it
 * (weft checks them as it checks memcpy: a freed or too short buffer is
 * reported), and they never fault, so they return 0 (every byte copied).
 * As the kernel's, they may fault and sleep (might_fault): in atomic
 * context, under a spinlock, they are misuse. */
#ifndef WEFT_KERNEL_LINUX_UACCESS_H
#define WEFT_KERNEL_LINUX_UACCESS_H
#include <linux/weft_kernel.h>

#define access_ok(p, n) ((void)(p), (void)(n), 1)

static inline unsigned long weft_kx_copy_user(void *to, const void *from,
					      unsigned long n, const char *what,
					      const struct weft_loc *loc)
{
	weft_might_sleep(what, NULL, loc);
	memcpy(to, from, n);
	return 0;
}
#define copy_to_user(to, from, n)                                             \
	weft_kx_copy_user((void *)(to), (const void *)(from), (n),            \
			  "copy_to_user", WEFT_HERE)
#define copy_from_user(to, from, n)                                           \
	weft_kx_copy_user((void *)(to), (const void *)(from), (n),            \
			  "copy_from_user", WEFT_HERE)
#define __copy_to_user(to, from, n) copy_to_user(to, from, n)
#define __copy_from_user(to, from, n) copy_from_user(to, from, n)
#define clear_user(to, n)                                                     \
	(weft_might_sleep("clear_user", NULL, WEFT_HERE),                      \
	 memset((void *)(to), 0, (n)), 0UL)
#define get_user(x, ptr)                                                      \
	(weft_might_sleep("get_user", NULL, WEFT_HERE), (x) = *(ptr), 0)
#define put_user(x, ptr)                                                      \
	(weft_might_sleep("put_user", NULL, WEFT_HERE), *(ptr) = (x), 0)
#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)

WEFT_KX_UNMODELLED("strncpy_from_user/strnlen_user (copy with "
		   "copy_from_user and a length)")
long strncpy_from_user(char *dst, const char __user *src, long count);

#endif
