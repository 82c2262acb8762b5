//! expect(critical_pcpu): bug assertion
//! expect(critical_other_cpu): bug assertion
/* critical_enter(9): no preemption on the CPU until critical_exit, so no
 * other thread runs there meanwhile and curcpu stays the thread's CPU:
 * the per-CPU statistics idiom (critical_enter; pcpu[curcpu]++;
 * critical_exit) needs no atomics.  weft's threads share the virtual
 * CPUs (thread id modulo mp_ncpus), and its critical sections only
 * counted their nesting, so two threads of one CPU lost an update (a
 * false report of a FreeBSD probe).  critical_pcpu's bug twin counts
 * without the section, and loses one (the correct twin,
 * critical_pcpu_ok.c, counts in it).  A section keeps out only its own
 * CPU's threads: critical_other_cpu's bug twin, which counts in one
 * shared word from threads of two CPUs, still loses one (the correct
 * twin counts per CPU). */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>

static u_long pcpu_pkts[MAXCPU];

static void rx(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2; i++) {
#ifdef OK
		critical_enter();
		pcpu_pkts[curcpu]++;
		critical_exit();
#else
		pcpu_pkts[curcpu]++;
#endif
	}
}

/* Threads 1 and 3 share CPU 1 of the two; thread 2 is on CPU 0. */
WEFT_TEST(critical_pcpu)
{
	weft_thread_t t[3];
	u_long sum = 0;

	for (int i = 0; i < 3; i++)
		t[i] = weft_spawn(rx, NULL);
	for (int i = 0; i < 3; i++)
		weft_join(t[i]);
	for (int i = 0; i < mp_ncpus; i++)
		sum += pcpu_pkts[i];
	KASSERT(sum == 6, ("lost packets"));
}

static u_long total;

static void count(void *arg)
{
	(void)arg;
	critical_enter();
#ifdef OK
	pcpu_pkts[curcpu]++;
#else
	total++;
#endif
	critical_exit();
}

/* Thread 1 is on CPU 1, the test's own thread on CPU 0. */
WEFT_TEST(critical_other_cpu)
{
	weft_thread_t t = weft_spawn(count, NULL);

	count(NULL);
	weft_join(t);
	KASSERT(total + pcpu_pkts[0] + pcpu_pkts[1] == 2, ("lost"));
}
