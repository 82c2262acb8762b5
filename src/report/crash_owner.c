/* src/report/crash_owner.c - whose fault a crash of the worker is.
 *
 * A crash in the program's code, or in the C library on its behalf (a
 * memcpy of a null pointer), is the program's bug.  A crash in weft's own
 * code is weft's error: reported as the program's crash, it was a false
 * alarm.  It is inconclusive instead, reason internal, as weft__die is.
 * But weft's models work on the pointers the program gives them, and
 * pthread_mutex_lock(NULL) crashes in weft's model of the call as it
 * crashes in glibc natively: that is the program's misuse, and stays a
 * crash of the program.
 *
 * The frame that decides is the innermost one not in a system library
 * (the C library's code runs on behalf of its caller): the crash is
 * weft's when that frame is in weft's library and
 *   - no test thread was running (the explorer, an execution's set-up and
 *     its end-of-test checks: no call of the program is on that stack), or
 *   - the code is weft's machinery, which never dereferences a pointer of
 *     the program: the scheduler, the explorer, the reports, the worker,
 *     lock-order and deadlock detection, the leak scan (src/sched,
 *     explore, report, cli; src/detect/deadlock, lockorder, leak; the
 *     headers directly in src/), known by the source file of the code
 *     from the library's debug information, or
 *   - weft's own instruction faulted with an arithmetic fault or a trap
 *     (SIGFPE, SIGILL, SIGTRAP), which no pointer explains.
 * A memory fault or an abort in a model (src/pthread, linux, freebsd,
 * sync, tsan), in the heap's or race detector's checks of the program's
 * addresses, or in the context switch (a stack the program gave) stays
 * the program's: there weft cannot tell its own bad pointer from one the
 * program gave it, nor glibc's checks of what weft passed on for the
 * program (a fortified printf aborts on a writable "%n" format) from its
 * checks of weft's own (glibc's realloc aborted on getline's buffer from
 * weft's heap).  So does any crash when the frame cannot be placed (weft
 * linked into the executable, no debug information). */
#include <dlfcn.h>
#include <link.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

/* ---- the rule ------------------------------------------------------------ */

/* Whether a source file of weft's (a path ending in DIR/FILE) is its
 * machinery, which works on weft's own state only. */
bool weft__crash_machinery(const char *path)
{
	static const char *const dirs[] = { "src", "sched", "explore",
					    "report", "cli" };
	static const char *const detect[] = { "deadlock", "lockorder",
					      "leak" };
	const char *base = strrchr(path, '/'), *dir;
	size_t dlen;

	if (!base || base == path)
		return false;
	for (dir = base - 1; dir > path && dir[-1] != '/'; dir--)
		;
	dlen = (size_t)(base - dir);
	base++;
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (dlen == strlen(dirs[i]) && !strncmp(dir, dirs[i], dlen))
			return true;
	if (dlen != 6 || strncmp(dir, "detect", 6))
		return false;
	for (size_t i = 0; i < sizeof detect / sizeof detect[0]; i++)
		if (!strncmp(base, detect[i], strlen(detect[i])))
			return true;
	return false;
}

bool weft__crash_is_weft(const struct weft__crash_facts *f)
{
	if (f->stack_overflow || f->frame != WEFT__FRAME_WEFT)
		return false;
	if (!f->test_thread)
		return true;
	if (f->at_pc && (f->signal == SIGFPE || f->signal == SIGILL ||
			 f->signal == SIGTRAP))
		return true;
	return f->source && weft__crash_machinery(f->source);
}

/* ---- the facts of a crash ------------------------------------------------ */

/* weft's library's code, found once: the object holding this function,
 * unless that is the executable (weft linked into it: no bounds). */
static uintptr_t weft_lo, weft_hi;
static bool weft_looked;

static int weft_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	const Dl_info *me = data;

	(void)size;
	if (info->dlpi_addr != (uintptr_t)me->dli_fbase || !info->dlpi_name ||
	    !info->dlpi_name[0])
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		if (!weft_lo || lo < weft_lo)
			weft_lo = lo;
		if (lo + ph->p_memsz > weft_hi)
			weft_hi = lo + ph->p_memsz;
	}
	return 1;
}

static bool in_weft(uintptr_t a)
{
	Dl_info me;

	if (!weft_looked) {
		weft_looked = true;
		if (dladdr((void *)(uintptr_t)weft_cb, &me))
			dl_iterate_phdr(weft_cb, &me);
	}
	return a >= weft_lo && a < weft_hi;
}

bool weft__crash_pc_in_weft(const void *pc)
{
	return in_weft((uintptr_t)pc);
}

static enum weft__frame where(uintptr_t a)
{
	Dl_info di;

	if (in_weft(a))
		return WEFT__FRAME_WEFT;
	if (weft__in_executable(a))
		return WEFT__FRAME_PROGRAM;
	if (!a || !dladdr((void *)a, &di) || !di.dli_fname)
		return WEFT__FRAME_NOWHERE;
	return weft__user_object(di.dli_fname) ? WEFT__FRAME_PROGRAM
						: WEFT__FRAME_SYSTEM;
}

/* The source file of code at pc in weft's library, from its debug
 * information, into buf; NULL when unknown. */
static const char *source_of(uintptr_t pc, char *buf, size_t n)
{
	char cmd[1024];
	Dl_info di;
	FILE *p;
	char *colon;

	if (!dladdr((void *)pc, &di) || !di.dli_fname || !di.dli_fname[0] ||
	    strchr(di.dli_fname, '\''))
		return NULL;
	snprintf(cmd, sizeof cmd, "addr2line -e '%s' %#lx 2>/dev/null",
		 di.dli_fname,
		 (unsigned long)(pc - (uintptr_t)di.dli_fbase));
	if (!(p = popen(cmd, "r")))
		return NULL;
	if (!fgets(buf, (int)n, p))
		buf[0] = 0;
	pclose(p);
	colon = strrchr(buf, ':');
	if (colon)
		*colon = 0;
	return buf[0] && buf[0] != '?' ? buf : NULL;
}

bool weft__crash_in_weft(const struct weft__verdict *V, uintptr_t *at)
{
	struct weft__crash_facts f = { .signal = V->crash_signal,
				       .stack_overflow =
					       V->crash_stack_overflow,
				       .test_thread = V->crash_tid >= 0,
				       .frame = WEFT__FRAME_NOWHERE };
	uintptr_t a = (uintptr_t)V->crash_pc;
	char src[1024];

	/* The faulting instruction, then the return addresses above it
	 * (a call's own site is the byte before). */
	for (int i = -1; i < 8 && (i < 0 || V->crash_callers[i]); i++) {
		a = i < 0 ? (uintptr_t)V->crash_pc
			  : (uintptr_t)V->crash_callers[i] - 1;
		f.frame = where(a);
		if (f.frame != WEFT__FRAME_SYSTEM)
			break;
	}
	f.at_pc = a == (uintptr_t)V->crash_pc;
	if (f.frame == WEFT__FRAME_WEFT)
		f.source = source_of(a, src, sizeof src);
	*at = a;
	return weft__crash_is_weft(&f);
}
