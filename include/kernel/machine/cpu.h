/* machine/cpu.h - weft's FreeBSD kernel header tree: cpu_spinwait(), the
 * pause of a spin loop, as a round of a spin for weft's spin detection
 * (cpu_relax's counterpart in the Linux tree).  Not a blocking call: the
 * scheduler may run another thread there. */
#ifndef WEFT_KERNEL_MACHINE_CPU_H
#define WEFT_KERNEL_MACHINE_CPU_H

#include <sys/weft_freebsd.h>

#define cpu_spinwait() weft_yield_at(WEFT_HERE)

#endif
