/* src/detect/race_stuck.c - a test thread stuck in a loop that reaches no
 * scheduling point.
 *
 * A thread that polls a plain variable (while (!done) ;) is compiled at
 * -O1 into one read before the loop and a loop on a register (test %eax,
 * %eax; je back), at -O2 into a jump to itself.  The loop reads nothing:
 * weft never hears from the thread again, and every other thread waited
 * behind it until the time limit (65 s, inconclusive, with no word of
 * where).  Natively the thread spins for ever beside the others.
 *
 * The spin watchdog (race_stall.c) probes the thread when no step has been
 * taken for a while: if the kernel says the thread is running its own
 * code (not in a system call, which the signal could interrupt), a signal
 * stops it, and the handler notes where it is (the time limit's report
 * names the place).  If that is the program's code (its executable or a
 * library, not weft's), the handler runs the
 * thread one instruction at a time (the trap flag) for as long as each
 * instruction touches no memory and writes no register but the flags (a
 * compare, a test, a jump, a nop): such instructions make the thread's
 * next state a function of its program counter and flags alone, so a
 * state seen twice proves the loop never ends.  The thread is then parked
 * as blocked for good, at the loop's line, as it would spin natively: the
 * others run on, the process may still exit, and if nothing else can run
 * the report says which thread loops for ever (deadlock.c).  Anything
 * else (a memory access, a call, 64 instructions) proves nothing and
 * changes nothing.
 *
 * The program's signal masks leave the probe's signal unblocked
 * (pthread/sigmask.c), and the stepping unblocks SIGTRAP while it runs: a
 * trap the program blocked is delivered by force, and killed it.
 *
 * x86_64 only (the instruction decoder); elsewhere a hang stays a time
 * limit. */
#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "detect/race.h"
#include "record.h"

#if defined(__x86_64__)

/* A real-time signal the C library does not keep for itself; a program
 * that installs its own handler for it loses the probe, nothing else. */
#define PROBE_SIG (SIGRTMAX - 3)
#define TRAP_FLAG 0x100
/* The arithmetic flags an instruction may set: with the program counter,
 * the whole state an inert instruction can change. */
#define ARITH_FLAGS 0x8d5
#define MAX_STEPS 64

static pthread_t exec_thread;
static int syscall_fd = -1;     /* /proc/self/task/TID/syscall */
static uintptr_t weft_lo, weft_hi; /* libweft's own image */

/* The stepping in progress (only on the test thread, in its handlers).
 * trap_blocked: the program blocks SIGTRAP, which the stepping unblocks
 * in the thread's mask (a blocked trap is delivered by force with its
 * default action: the process died) and blocks again when it stops. */
static struct {
	bool on, trap_blocked;
	int n;
	uint64_t pc[MAX_STEPS], fl[MAX_STEPS];
	struct sigaction old_trap;
} st;
static uintptr_t stuck_at;      /* the loop's instruction, for the park */
static bool parked_once;        /* read by the watchdog's thread */

static long raw_gettid(void)
{
	long r;

	/* Not syscall(): libweft's own answers a test thread's id. */
	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"((long)SYS_gettid)
			 : "rcx", "r11", "memory");
	return r;
}

/* The length of a ModRM operand (and its SIB and displacement) at q. */
static int modrm_len(const uint8_t *q)
{
	int mod = q[0] >> 6, rm = q[0] & 7, n = 1;

	if (mod == 3)
		return 1;
	if (rm == 4 && (q[n++] & 7) == 5 && mod == 0)
		n += 4;
	if (mod == 0 && rm == 5)
		n += 4;
	return n + (mod == 1 ? 1 : mod == 2 ? 4 : 0);
}

/* The length of the instruction at p when it reads and writes no memory
 * and writes no register but the flags and the program counter (a
 * compare or test of registers or of a register and a constant, a jump,
 * a nop, a pause), else 0.  Bytes are read only as far as the
 * instruction goes, so never past the code the thread is running. */
static int inert_len(const uint8_t *p)
{
	const uint8_t *q = p;
	bool opsize = false, rex = false;
	int m, reg;

	if (p[0] == 0xf3)
		return p[1] == 0x90 ? 2 : 0; /* pause */
	for (; (*q == 0x66 || *q == 0x2e) && q - p < 4; q++)
		opsize |= *q == 0x66;
	if ((*q & 0xf0) == 0x40) {
		rex = true;
		q++;
	}
	switch (*q++) {
	case 0x90:
		return rex ? 0 : (int)(q - p); /* nop (REX.B 90 swaps) */
	case 0xeb:
		return (int)(q - p) + 1;
	case 0xe9:
		return (int)(q - p) + 4;
	case 0x0f:
		if (*q >= 0x80 && *q <= 0x8f)
			return (int)(q - p) + 5;
		if (*q == 0x1f && ((q[1] >> 3) & 7) == 0)
			return (int)(q + 1 - p) + modrm_len(q + 1); /* nop r/m */
		return 0;
	case 0x84: case 0x85: case 0x38: case 0x39: case 0x3a: case 0x3b:
		return (*q >> 6) == 3 ? (int)(q - p) + 1 : 0;
	case 0xa8: case 0x3c:
		return (int)(q - p) + 1;
	case 0xa9: case 0x3d:
		return (int)(q - p) + (opsize ? 2 : 4);
	case 0x80: case 0x81: case 0x83: case 0xf6: case 0xf7:
		m = q[-1];
		reg = (*q >> 3) & 7;
		if ((*q >> 6) != 3 || reg != (m == 0xf6 || m == 0xf7 ? 0 : 7))
			return 0;
		return (int)(q - p) + 1 +
		       (m == 0x81 || m == 0xf7 ? (opsize ? 2 : 4) : 1);
	default: /* a conditional jump with a byte's offset, or no such */
		return q[-1] >= 0x70 && q[-1] <= 0x7f ? (int)(q - p) + 1 : 0;
	}
}

/* Whether pc is code of the program's (its executable, its libraries,
 * the C library), not weft's own.  inert_len reads no byte past the
 * instruction the thread is about to run, so any such pc may be read. */
static bool in_program(uintptr_t pc)
{
	return pc && !(pc >= weft_lo && pc < weft_hi);
}

static int stuck_desc(const struct weft__op *op, char *buf, size_t n)
{
	(void)op;
	snprintf(buf, n, "nothing: it loops for ever, reading no memory");
	return -1;
}

static const char stuck_obj = 0;

/* Where the handler sends the stuck thread, as a call from its loop: it
 * blocks for good, as the loop would spin for ever.  The others run on;
 * the execution ends when the process does, or in the report of a thread
 * that loops for ever when nothing else can run. */
_Noreturn void weft__stuck_park_as(int (*desc)(const struct weft__op *,
					      char *, size_t),
				   void *arg)
{
	struct weft__op op = {
		.name = "loop", .obj = &stuck_obj, .access = WEFT__ACC_READ,
		.ready = weft__never_ready, .waitdesc = desc, .stuck = true,
		.arg = arg, .loc = weft__pc_loc(stuck_at + 1) };

	weft__visible(&op);
	weft__die("a thread that loops for ever was resumed");
}

static _Noreturn void stuck_park(void)
{
	weft__stuck_park_as(stuck_desc, NULL);
}

uintptr_t weft__stuck_pc(void)
{
	return stuck_at;
}

/* The thread returns from the signal into fn, as a call from pc (its
 * loop), on its own stack below the red zone its code may use, with the
 * flags a C function may assume on entry (no trap, direction and
 * alignment check clear: a loop that spun with the direction flag set
 * crashed weft's own code). */
#define DIRECTION_FLAG 0x400
#define ALIGN_CHECK 0x40000
static void redirect(ucontext_t *uc, uintptr_t pc, void (*fn)(void))
{
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t sp = ((uintptr_t)g[REG_RSP] - 128) & ~(uintptr_t)15;

	stuck_at = pc;
	g[REG_EFL] &= ~(greg_t)(TRAP_FLAG | DIRECTION_FLAG | ALIGN_CHECK);
	sp -= 8;
	*(uintptr_t *)sp = pc;
	g[REG_RSP] = (greg_t)sp;
	g[REG_RIP] = (greg_t)(uintptr_t)fn;
}

static void step_stop(ucontext_t *uc)
{
	st.on = false;
	sigaction(SIGTRAP, &st.old_trap, NULL);
	if (st.trap_blocked)
		sigaddset(&uc->uc_sigmask, SIGTRAP);
}

/* The state (pc, flags) again: the loop never ends.  The thread returns
 * from the signal into stuck_park, on its own stack below the red zone
 * its code may use, with the loop as its return address. */
static void park(ucontext_t *uc, uintptr_t pc)
{
	step_stop(uc);
	__atomic_store_n(&parked_once, true, __ATOMIC_RELAXED);
	redirect(uc, pc, stuck_park);
}

/* One more instruction: true while the stepping goes on. */
static bool step(ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t pc = (uintptr_t)g[REG_RIP];
	uint64_t fl = (uint64_t)g[REG_EFL] & ARITH_FLAGS;

	for (int i = 0; i < st.n; i++)
		if (st.pc[i] == pc && st.fl[i] == fl) {
			park(uc, pc);
			return false;
		}
	if (st.n == MAX_STEPS || !in_program(pc) ||
	    !inert_len((const uint8_t *)pc)) {
		step_stop(uc);
		g[REG_EFL] &= ~TRAP_FLAG;
		return false;
	}
	st.pc[st.n] = pc;
	st.fl[st.n++] = fl;
	g[REG_EFL] |= TRAP_FLAG;
	return true;
}

static void on_trap(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	step(uc);
}

/* The return addresses above pc, for a thread found in the C library's
 * code (a loop of printf calls): the time limit's report names the
 * program's call, where it named glibc's genops.c.  The unwinder was
 * loaded before the worker started (weft__unwinder_prime), so nothing
 * here allocates; it walks through the signal frame, pc first. */
static void note_callers(uintptr_t pc)
{
	void *f[40], **out = weft__S->v.stuck_callers;
	int n = backtrace(f, 40), k = 0, i = 0;

	while (i < n && (uintptr_t)f[i] != pc)
		i++;
	for (i++; i < n && k < 8; i++)
		out[k++] = f[i];
	if (k < 8)
		out[k] = NULL;
}

static void on_probe(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	struct sigaction sa;
	int tid = weft__running.tid;

	(void)sig;
	(void)si;
	if (tid < 0 || st.on || !weft__S)
		return;
	/* Code of weft's own (an access's check) is no spin on assembly
	 * either: asm_spinning sees every probe of the stall. */
	if (weft__asm_spinning(pc)) {
		redirect(uc, pc, weft__asm_stop);
		return;
	}
	if (!in_program(pc))
		return;
	weft__S->v.stuck_pc = (void *)pc;
	weft__S->v.stuck_tid = tid;
	note_callers(pc);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_trap;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTRAP, &sa, &st.old_trap))
		return;
	st.on = true;
	st.n = 0;
	st.trap_blocked = sigismember(&uc->uc_sigmask, SIGTRAP) == 1;
	sigdelset(&uc->uc_sigmask, SIGTRAP);
	step(uc);
}

/* libweft's own image, from its loaded segments. */
static int weft_image(struct dl_phdr_info *info, size_t size, void *data)
{
	uintptr_t self = (uintptr_t)weft__stuck_setup, lo = UINTPTR_MAX,
		  hi = 0;

	(void)size;
	(void)data;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t a = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type != PT_LOAD)
			continue;
		lo = a < lo ? a : lo;
		hi = a + ph->p_memsz > hi ? a + ph->p_memsz : hi;
	}
	if (self < lo || self >= hi)
		return 0;
	weft_lo = lo;
	weft_hi = hi;
	return 1;
}

int weft__stuck_signal(void)
{
	return PROBE_SIG;
}

bool weft__stuck_parked(void)
{
	return __atomic_load_n(&parked_once, __ATOMIC_RELAXED);
}

void weft__stuck_setup(void)
{
	char path[64];
	struct sigaction sa;
	long tid = raw_gettid();

	if (syscall_fd >= 0)
		return;
	snprintf(path, sizeof path, "/proc/self/task/%ld/syscall", tid);
	syscall_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (syscall_fd < 0)
		return;
	exec_thread = pthread_self();
	dl_iterate_phdr(weft_image, NULL);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_probe;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(PROBE_SIG, &sa, NULL);
}

void weft__stuck_probe(int quiet_ms, int stall_ms)
{
	char buf[16];
	ssize_t n;

	if (syscall_fd < 0)
		return;
	weft__asm_spin_stall(quiet_ms, stall_ms);
	/* "running": in its own code, where the signal interrupts no
	 * system call (one it could not restart would fail with EINTR). */
	n = pread(syscall_fd, buf, sizeof buf - 1, 0);
	if (n < 7 || memcmp(buf, "running", 7)) {
		/* Blocked in a system call: the place noted when it last
		 * ran its own code is not where it hangs (a loop of raw
		 * sleeps was named by the moment between two, and two runs'
		 * reports differed). */
		if (weft__S && weft__S->v.stuck_pc)
			weft__S->v.stuck_pc = NULL;
		return;
	}
	pthread_kill(exec_thread, PROBE_SIG);
}

#else

int weft__stuck_signal(void)
{
	return 0;
}

bool weft__stuck_parked(void)
{
	return false;
}

void weft__stuck_setup(void)
{
}

void weft__stuck_probe(int quiet_ms, int stall_ms)
{
	(void)quiet_ms;
	(void)stall_ms;
}

#endif
