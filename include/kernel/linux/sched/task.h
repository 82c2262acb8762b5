/* linux/sched/task.h - weft's kernel header tree (see linux/weft_kernel.h). */
#ifndef WEFT_KERNEL_LINUX_SCHED_TASK_H
#define WEFT_KERNEL_LINUX_SCHED_TASK_H
#include <linux/weft_kernel.h>
#endif
