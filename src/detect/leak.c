/* src/detect/leak.c - leaks, as LeakSanitizer defines them.
 *
 * At the end of a test a live block is a leak only when nothing reachable
 * points into it: the roots are the program's writable data (its globals),
 * and the stacks, saved registers, __thread variables and thread-specific
 * values (pthread_setspecific, tss_set) of the threads still alive (main
 * calling exit() or returning keeps its locals, its TLS and its values,
 * as at a native exit; a thread that ended has lost them), and the
 * argument each live thread's start function was handed (a thread not
 * started yet holds it only there; glibc keeps it in the descriptor), and
 * what the C library holds of the program's (the strings putenv put in
 * the environment, the buffer setvbuf gave a stream still open, the
 * arguments of on_exit and __cxa_atexit: src/pthread/libc_roots.c).  Marking
 * follows every aligned word of the roots and of each block reached,
 * conservatively (any value that points into a block keeps it).  Memory still reachable from a global is
 * not reported, as with LeakSanitizer's default; --leaks=all reports every
 * live block, --leaks=off none.  A leak is a non-fatal finding: it never
 * stops the search for other bugs, and the verdict puts more severe
 * findings first. */
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "arch/tls.h"
#include "detect/heap.h"

#define MAX_ROOTS 16

struct range {
	const char *lo, *hi;
};
static struct range data[MAX_ROOTS];
static int ndata = -1;

/* The executable's static TLS block (its __thread variables): its size,
 * the OS thread's copy, and how far below a thread pointer a fiber's copy
 * lies.  Fibers have blocks of their own only on x86_64, where static TLS
 * lies under the thread pointer and glibc's pthread_self() is the OS
 * thread's pointer, on any fiber (each fiber's TCB keeps that "self",
 * src/arch/tls.c).  A distance beyond TLS_BELOW_MAX is not believed. */
#define TLS_BELOW_MAX ((size_t)16 << 20)
static size_t tls_size;
static const char *tls_os;
static size_t tls_below;

/* The thread-specific values of thread tid (src/pthread/keys.c): the
 * number of them at *vals.  Builds without the pthread layer have none. */
__attribute__((weak)) int weft__pt_key_values(int tid,
					      const void *const **vals)
{
	(void)tid;
	(void)vals;
	return 0;
}

/* The start argument of pthread tid (src/pthread/thread.c), for builds
 * without the pthread layer: none. */
__attribute__((weak)) const void *weft__pt_start_arg(int tid)
{
	(void)tid;
	return NULL;
}

/* The C library's memory that holds the program's blocks
 * (src/pthread/libc_roots.c), for builds without the pthread layer:
 * none. */
__attribute__((weak)) void weft__pt_libc_roots(
	void (*root)(void *ctx, const char *lo, const char *hi), void *ctx)
{
	(void)root;
	(void)ctx;
}

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	(void)arg;
	ndata = 0;
	for (int i = 0; i < info->dlpi_phnum && ndata < MAX_ROOTS; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_TLS && info->dlpi_tls_data) {
			tls_size = ph->p_memsz;
			tls_os = info->dlpi_tls_data;
			tls_below = (size_t)((const char *)pthread_self() -
					     tls_os);
		}
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
			continue;
		data[ndata].lo = (const char *)(info->dlpi_addr + ph->p_vaddr);
		data[ndata].hi = data[ndata].lo + ph->p_memsz;
		ndata++;
	}
	return 1; /* the main program only */
}

/* The marking state of one check. */
struct marks {
	unsigned char *mark;
	long *stack;
	long n;
};

/* Scanning a data segment crosses AddressSanitizer's redzones between
 * globals, which is intended here: under ASan the scan is uninstrumented
 * (as the copy of the segments in sched/exec.c is). */
#if defined(__SANITIZE_ADDRESS__)
#define WEFT_LEAK_NOASAN __attribute__((no_sanitize_address))
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WEFT_LEAK_NOASAN __attribute__((no_sanitize_address))
#endif
#endif
#ifndef WEFT_LEAK_NOASAN
#define WEFT_LEAK_NOASAN
#endif

WEFT_LEAK_NOASAN static const void *word_at(const char *p)
{
	return *(const void *const volatile *)(const void *)p;
}

static void scan(struct marks *m, const char *lo, const char *hi)
{
	const char *p = (const char *)(((uintptr_t)lo + 7) & ~(uintptr_t)7);

	for (; p + sizeof(void *) <= hi; p += sizeof(void *)) {
		const void *v = word_at(p);
		long i;
		if (!weft__is_tracked(v))
			continue;
		i = weft__heap_index(v);
		if (i < 0 || m->mark[i])
			continue;
		m->mark[i] = 1;
		m->stack[m->n++] = i;
	}
}

/* A live thread's __thread variables and thread-specific values.  With
 * TLS blocks of their own (src/arch/tls.c) a fiber's variables are in the
 * block under its thread pointer; without, all threads share the OS
 * thread's, scanned once by the caller. */
static void scan_thread_data(struct marks *m, int tid, const char *tp)
{
	const void *const *vals;
	int n = weft__pt_key_values(tid, &vals);
	const void *arg = weft__pt_start_arg(tid);

	/* A pthread's start argument, which its descriptor holds natively;
	 * for a thread that has not started yet, the only place it is. */
	scan(m, (const char *)&arg, (const char *)(&arg + 1));
	if (n > 0)
		scan(m, (const char *)vals, (const char *)(vals + n));
	if (tp && tls_size && tls_below >= tls_size &&
	    tls_below <= TLS_BELOW_MAX)
		scan(m, tp - tls_below, tp - tls_below + tls_size);
}

static void scan_root(void *ctx, const char *lo, const char *hi)
{
	scan(ctx, lo, hi);
}

static void mark_from_roots(struct marks *m)
{
	if (ndata < 0)
		dl_iterate_phdr(phdr_cb, NULL);
	for (int i = 0; i < ndata; i++)
		scan(m, data[i].lo, data[i].hi);
	weft__pt_libc_roots(scan_root, m);
	if (tls_size && !weft__tls_enabled())
		scan(m, tls_os, tls_os + tls_size);
	for (int t = 0; t < weft__nthreads(); t++) {
		struct weft__thread_mem tm;
		if (!weft__thread_mem(t, &tm))
			continue;
		scan_thread_data(m, t, tm.tp);
		/* The argument the scheduler starts the thread with (for a
		 * pthread, the pthread layer's record, which names the
		 * program's argument: scan_thread_data). */
		scan(m, (const char *)&tm.arg, (const char *)(&tm.arg + 1));
		if (!tm.stack_lo)
			continue;
		scan(m, tm.stack_lo, tm.stack_hi);
		scan(m, tm.regs_lo, tm.regs_hi);
	}
}

static void mark_closure(struct marks *m)
{
	while (m->n > 0) {
		struct weft__block_view b;
		weft__heap_block((size_t)m->stack[--m->n], &b);
		if (b.live)
			scan(m, b.p, b.p + b.n);
	}
}

static uint64_t site_key(const struct weft_loc *l)
{
	uint64_t h = 1469598103934665603ull;

	for (const char *s = l && l->file ? l->file : ""; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ^ (uint64_t)(l ? l->line : 0) * 0x9e3779b97f4a7c15ull;
}

static const char *where(const struct weft_loc *l)
{
	return l && l->file ? weft__internf("%s:%d", l->file, l->line)
			    : "an unknown site";
}

/* One finding per allocation site of the first leaked block. */
static void report(const unsigned char *mark, size_t nb, bool all)
{
	struct weft__block_view b, first;
	size_t leaked = 0, bytes = 0;
	char msg[900];
	int len;

	for (size_t i = 0; i < nb; i++) {
		weft__heap_block(i, &b);
		if (!b.live || (!all && mark[i]))
			continue;
		if (leaked++ == 0)
			first = b;
		bytes += b.n;
	}
	if (!leaked)
		return;
	len = snprintf(msg, sizeof msg,
		       "%zu block%s (%zu bytes) %s at the end of the test; "
		       "the first, %zu bytes, allocated by %s at %s",
		       leaked, leaked == 1 ? "" : "s", bytes,
		       all ? "still allocated" : "unreachable", first.n,
		       weft__thread_name(first.atid), where(first.aloc));
	(void)len;
	weft__note_finding(WEFT__K(LEAK), site_key(first.aloc), msg);
}

void weft__leak_check(void)
{
	size_t nb = weft__heap_nblocks();
	struct marks m;

	if (!nb || weft__opts.leaks == WEFT__LEAKS_OFF)
		return;
	/* Nothing live, nothing to mark: the common case costs one pass
	 * over the blocks, not a scan of the roots. */
	{
		struct weft__block_view b;
		size_t i;
		for (i = 0; i < nb; i++) {
			weft__heap_block(i, &b);
			if (b.live)
				break;
		}
		if (i == nb)
			return;
	}
	m.mark = weft__exec_alloc(nb);
	m.stack = weft__exec_alloc(sizeof *m.stack * nb);
	m.n = 0;
	if (weft__opts.leaks != WEFT__LEAKS_ALL) {
		mark_from_roots(&m);
		mark_closure(&m);
	}
	report(m.mark, nb, weft__opts.leaks == WEFT__LEAKS_ALL);
}
