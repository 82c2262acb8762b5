/* linux/errno.h - weft's kernel header tree.  glibc's <errno.h> includes
 * <linux/errno.h> itself, so this is the system's file plus the
 * kernel-only error numbers, and nothing else. */
#include_next <linux/errno.h>
#ifndef WEFT_KERNEL_LINUX_ERRNO_H
#define WEFT_KERNEL_LINUX_ERRNO_H
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER 517
#define EOPENSTALE 518
#define ENOPARAM 519
#define EBADHANDLE 521
#define ENOTSYNC 522
#define EBADCOOKIE 523
#define ENOTSUPP 524
#define ETOOSMALL 525
#define ESERVERFAULT 526
#define EBADTYPE 527
#define EJUKEBOX 528
#define EIOCBQUEUED 529
#define ERECALLCONFLICT 530
#endif
