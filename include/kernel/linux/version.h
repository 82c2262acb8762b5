/* linux/version.h - weft's kernel header tree: the version the models
 * follow.  They follow Linux 6.8 where versions differ (a kthread_stop
 * leaves a signal pending from 6.1 on, tasklet_enable returns whether
 * the tasklet is enabled again), so code that tests LINUX_VERSION_CODE
 * takes the branch for the kernel weft models. */
#ifndef WEFT_KERNEL_LINUX_VERSION_H
#define WEFT_KERNEL_LINUX_VERSION_H
#define KERNEL_VERSION(a, b, c)                                               \
	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 8
#define LINUX_VERSION_SUBLEVEL 0
#define LINUX_VERSION_CODE                                                    \
	KERNEL_VERSION(LINUX_VERSION_MAJOR, LINUX_VERSION_PATCHLEVEL,         \
		       LINUX_VERSION_SUBLEVEL)
#endif
