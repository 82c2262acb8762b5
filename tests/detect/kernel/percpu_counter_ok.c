// percpu_counter_bug.c with this_cpu_inc (and __this_cpu_inc under
// preempt_disable): each thread counts in its own CPU's slot, and the
// sum after both are done is exact.  initial_copies checks that every
// CPU's copy of a DEFINE_PER_CPU variable starts with its initial value
// and that alloc_percpu memory is zeroed, one copy per CPU.
//! expect(count_events): verified
//! expect(initial_copies): verified
#define OK
#include "percpu_counter_bug.c"

struct stats {
	long rx, tx;
};

static DEFINE_PER_CPU(int, quota) = 5;

WEFT_TEST(initial_copies)
{
	struct stats __percpu *st = alloc_percpu(struct stats);
	long rx = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		WARN_ON(per_cpu(quota, cpu) != 5);
		per_cpu(quota, cpu) = cpu;
		per_cpu_ptr(st, cpu)->rx = cpu + 1;
	}
	for_each_online_cpu(cpu) {
		WARN_ON(per_cpu(quota, cpu) != cpu);
		WARN_ON(per_cpu_ptr(st, cpu)->tx != 0);
		rx += per_cpu_ptr(st, cpu)->rx;
	}
	WARN_ON(rx != (long)num_possible_cpus() * (num_possible_cpus() + 1) / 2);
	free_percpu(st);
}
