/* linux/percpu.h - weft's kernel header tree.
 *
 * Per-CPU data needs a CPU identity that holds while preemption is off;
 * weft's Linux models give threads none (each thread is a CPU of its own,
 * and preempt_disable only makes the context atomic). */
#error "weft: per-CPU variables (linux/percpu.h) are not modelled"
