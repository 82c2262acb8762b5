/* linux/fcntl.h - weft's kernel header tree: the open flags a driver
 * tests in file->f_flags (O_NONBLOCK, O_RDWR, ...), which are the C
 * library's values, as both take them from the uapi headers. */
#ifndef WEFT_KERNEL_LINUX_FCNTL_H
#define WEFT_KERNEL_LINUX_FCNTL_H
#include <linux/weft_kernel.h>
#include <fcntl.h>
#endif
