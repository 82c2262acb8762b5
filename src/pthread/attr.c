/* src/pthread/attr.c - the thread calls real programs make in passing:
 * scheduling policy and priority, CPU affinity, thread names, a thread's
 * attributes, pthread_kill(t, 0).
 *
 * A weft pthread_t is a small number, not glibc's descriptor, so the real
 * functions would crash on it; these models keep each thread's settings in
 * a per-execution table and give them back.  None of them is a scheduling
 * point or changes what weft explores: priorities and affinities do not
 * restrict interleavings on a real machine either.  pthread_attr_* work on
 * the attribute object alone, so the real functions serve (creation reads
 * the detach state, stack size and scheduling attributes). */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>

#include "pthread/pt.h"
#include "modelled.h"

#define NAME_MAX_ 16 /* the kernel's TASK_COMM_LEN, with the NUL */

struct tattr {
	int policy;
	struct sched_param param;
	bool has_cpus;
	cpu_set_t cpus;
	char name[NAME_MAX_];
	size_t asked;          /* the stack size asked for at creation; 0:
				  the main thread's, weft's own;
				  ASKED_DEFAULT: none, glibc's default */
};
static struct tattr attrs[WEFT__MAX_THREADS];

/* A thread created with no attribute: its size is glibc's default, read
 * only when pthread_getattr_np asks (reading it at every creation took
 * glibc's lock of the defaults and an attribute's set-up each time). */
#define ASKED_DEFAULT ((size_t)-1)

/* The records this execution handed out: the next one clears only those
 * (a new thread's record is written whole when it is created). */
static weft__tset touched;
static bool fresh = true;      /* before the first execution: all of them */

static struct tattr *touch(int tid)
{
	weft__ts_add(&touched, tid);
	return &attrs[tid];
}

static struct tattr *of(pthread_t t)
{
	return weft__pt_valid(t) ? touch((int)t - 1) : NULL;
}

static struct tattr *self_attr(void)
{
	return touch(weft__self());
}

/* A new thread inherits its creator's name (as a new task inherits its
 * comm), scheduling and affinity, or takes attr's explicit scheduling. */
void weft__pt_attr_thread_start(int tid, const pthread_attr_t *attr)
{
	struct tattr *a = touch(tid);
	int inherit = PTHREAD_INHERIT_SCHED;

	*a = *self_attr();
	/* The size the attribute asks for, glibc's default when it asks
	 * none: what glibc's pthread_getattr_np reports (weft's stacks are
	 * larger, by the room its runtime needs). */
	a->asked = ASKED_DEFAULT;
	if (attr)
		pthread_attr_getstacksize(attr, &a->asked);
	if (attr)
		pthread_attr_getinheritsched(attr, &inherit);
	if (attr && inherit == PTHREAD_EXPLICIT_SCHED) {
		pthread_attr_getschedpolicy(attr, &a->policy);
		pthread_attr_getschedparam(attr, &a->param);
	}
}

int __weft_pthread_getschedparam(pthread_t t, int *policy,
				 struct sched_param *param)
{
	struct tattr *a;

	if (!weft__pt_live())
		return pthread_getschedparam(t, policy, param);
	if (!(a = of(t)))
		return ESRCH;
	*policy = a->policy;
	*param = a->param;
	return 0;
}

static bool valid_priority(int policy, int prio)
{
	int lo = sched_get_priority_min(policy);
	int hi = sched_get_priority_max(policy);

	return lo >= 0 && hi >= 0 && prio >= lo && prio <= hi;
}

/* Accepted and remembered (no privilege is checked). */
int __weft_pthread_setschedparam(pthread_t t, int policy,
				 const struct sched_param *param)
{
	struct tattr *a;

	if (!weft__pt_live())
		return pthread_setschedparam(t, policy, param);
	if (!(a = of(t)))
		return ESRCH;
	if (!param || !valid_priority(policy, param->sched_priority))
		return EINVAL;
	a->policy = policy;
	a->param = *param;
	return 0;
}

int __weft_pthread_setschedprio(pthread_t t, int prio)
{
	struct tattr *a;

	if (!weft__pt_live())
		return pthread_setschedprio(t, prio);
	if (!(a = of(t)))
		return ESRCH;
	if (!valid_priority(a->policy, prio))
		return EINVAL;
	a->param.sched_priority = prio;
	return 0;
}

/* A thread's affinity starts as the process's; setting it only changes
 * what getaffinity and sched_getcpu report. */
int __weft_pthread_setaffinity_np(pthread_t t, size_t size,
				  const cpu_set_t *set)
{
	struct tattr *a;

	if (!weft__pt_live())
		return pthread_setaffinity_np(t, size, set);
	if (!(a = of(t)))
		return ESRCH;
	if (!set || CPU_COUNT_S(size, set) == 0)
		return EINVAL;
	CPU_ZERO(&a->cpus);
	memcpy(&a->cpus, set, size < sizeof a->cpus ? size : sizeof a->cpus);
	a->has_cpus = true;
	return 0;
}

int __weft_pthread_getaffinity_np(pthread_t t, size_t size, cpu_set_t *set)
{
	struct tattr *a;

	if (!weft__pt_live())
		return pthread_getaffinity_np(t, size, set);
	if (!(a = of(t)))
		return ESRCH;
	if (!a->has_cpus)
		return sched_getaffinity(0, size, set) ? errno : 0;
	memset(set, 0, size);
	memcpy(set, &a->cpus, size < sizeof a->cpus ? size : sizeof a->cpus);
	return 0;
}

/* The lowest CPU the thread may run on: the same answer in every
 * execution, unlike the CPU the worker happens to be on. */
int __weft_sched_getcpu(void)
{
	cpu_set_t set;

	if (!weft__pt_live())
		return sched_getcpu();
	if (__weft_pthread_getaffinity_np(PT_ID(weft__self()), sizeof set,
					  &set) != 0)
		return 0;
	for (int i = 0; i < CPU_SETSIZE; i++)
		if (CPU_ISSET(i, &set))
			return i;
	return 0;
}

/* ---- names ------------------------------------------------------------- */

int __weft_pthread_setname_np(pthread_t t, const char *name)
{
	struct tattr *a;

	if (!weft__pt_live())
		return pthread_setname_np(t, name);
	if (!(a = of(t)))
		return ESRCH;
	if (strlen(name) >= NAME_MAX_)
		return ERANGE;
	strcpy(a->name, name);
	return 0;
}

int __weft_pthread_getname_np(pthread_t t, char *buf, size_t len)
{
	struct tattr *a;

	if (!weft__pt_live())
		return pthread_getname_np(t, buf, len);
	if (!(a = of(t)))
		return ESRCH;
	if (len < strlen(a->name) + 1)
		return ERANGE;
	strcpy(buf, a->name);
	return 0;
}

/* prctl's thread-name options act on the calling test thread; the other
 * options go to the kernel. */
int __weft_prctl(int option, ...)
{
	unsigned long arg[4];
	va_list ap;

	va_start(ap, option);
	for (int i = 0; i < 4; i++)
		arg[i] = va_arg(ap, unsigned long);
	va_end(ap);
	if (weft__pt_live() && option == PR_SET_NAME) {
		struct tattr *a = self_attr();
		strncpy(a->name, (const char *)arg[0], NAME_MAX_ - 1);
		a->name[NAME_MAX_ - 1] = 0;
		return 0;
	}
	if (weft__pt_live() && option == PR_GET_NAME) {
		memcpy((char *)arg[0], self_attr()->name, NAME_MAX_);
		return 0;
	}
	return prctl(option, arg[0], arg[1], arg[2], arg[3]);
}

/* ---- a thread's attributes ------------------------------------------------ */

/* The attributes the thread runs with: its fiber stack (the size the
 * program asked for), its detach state, its scheduling.  A step only
 * where the detach state can change (weft__pt_detached). */
int __weft_pthread_getattr_np(pthread_t t, pthread_attr_t *attr)
{
	struct tattr *a;
	void *base;
	size_t size, asked;

	if (!weft__pt_live())
		return pthread_getattr_np(t, attr);
	if (!(a = of(t)))
		return ESRCH;
	weft__thread_stack((int)t - 1, &base, &size);
	pthread_attr_init(attr);
	asked = a->asked;
	if (asked == ASKED_DEFAULT)
		pthread_attr_getstacksize(attr, &asked);
	/* The top of the stack the thread runs on, as large as the program
	 * asked (its frames are near the top): glibc reports the size asked
	 * for, and a program that checked it read weft's larger one. */
	if (base && asked && asked <= size) {
		base = (char *)base + (size - asked);
		size = asked;
	}
	if (base)
		pthread_attr_setstack(attr, base, size);
	/* Created detached or detached since, as glibc reports it (weft
	 * said joinable always). */
	pthread_attr_setdetachstate(attr, weft__pt_detached(t, PT_LOC())
						  ? PTHREAD_CREATE_DETACHED
						  : PTHREAD_CREATE_JOINABLE);
	pthread_attr_setschedpolicy(attr, a->policy);
	pthread_attr_setschedparam(attr, &a->param);
	return 0;
}

/* Signal 0 asks whether the thread exists; signals are not modelled. */
int __weft_pthread_kill(pthread_t t, int sig)
{
	if (!weft__pt_live())
		return pthread_kill(t, sig);
	if (sig == 0)
		return weft__pt_valid(t) ? 0 : ESRCH;
	/* To the calling thread it is raise (glibc's raise is this call):
	 * the handler runs at once, on this thread, as natively, unless the
	 * thread blocks the signal (sigmask.c). */
	if (t == PT_ID(weft__self()) && weft__pt_valid(t))
		return weft__pt_sig_raise(sig, PT_LOC()) == 0 ? 0 : errno;
	/* SIGKILL and a stop act on the whole process, whichever thread is
	 * named (sigmask.c). */
	if (weft__pt_valid(t))
		weft__pt_sig_uncatchable(sig, "pthread_kill", PT_LOC());
	weft__limit("unsupported: pthread_kill", PT_LOC(),
		    "pthread_kill with signal %d is not supported by weft",
		    sig);
}

int __weft_pthread_getcpuclockid(pthread_t t, clockid_t *clock)
{
	if (!weft__pt_live())
		return pthread_getcpuclockid(t, clock);
	if (!weft__pt_valid(t))
		return ESRCH;
	*clock = CLOCK_THREAD_CPUTIME_ID;
	return 0;
}

/* A record as an execution starts with it: the test body's (record 0)
 * has the program's name and the default policy, the others nothing. */
static void reset(int tid)
{
	memset(&attrs[tid], 0, sizeof attrs[0]);
	if (tid > 0)
		return;
	attrs[0].policy = SCHED_OTHER;
	strncpy(attrs[0].name, program_invocation_short_name, NAME_MAX_ - 1);
}

/* Only the records the last execution touched can differ from their
 * starting state: an execution that changed none (the common case) costs
 * nothing here, where the copy of the program's name into record 0 and
 * its clearing showed in the profile of an empty test. */
void weft__pthread_attr_begin(void)
{
	if (fresh) {
		memset(attrs, 0, sizeof attrs);
		touched = weft__ts_one(0);
	}
	fresh = false;
	if (weft__ts_empty(touched))
		return;
	WEFT__TS_EACH(t, &touched)
		reset(t);
	touched = weft__ts_none();
}
