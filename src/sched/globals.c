/* src/sched/globals.c - the program's writable data: saved once in the
 * worker, put back before every execution.
 *
 * The writable parts of the executable's segments (.data, .bss, minus the
 * RELRO part that becomes read-only), and those of the program's own
 * shared libraries, are the program's state outside the heap and the
 * stacks.  weft itself is a shared library, so its own state
 * is not in them.  The blocks the program allocated before main are the
 * rest of that state: the tracked heap saves them at the same moment and
 * puts them back when it is rewound (detect/heap.h).
 *
 * Copying every byte back costs as much as the program's data is large: a
 * program with a 1.6 MB array spent more than half of each execution in
 * that copy.  Where the kernel can tell which pages were written since the
 * last restore (written.c), only those are copied.  Anything unexpected
 * (no such system call, a kernel without it, a file descriptor the
 * program closed, a failed self-test) falls back to the full copy, which
 * is always correct.  WEFT_RESTORE=copy forces the full copy;
 * WEFT_RESTORE=check tracks whatever the data's size and compares every
 * byte after each restore, stopping weft if tracking missed a write;
 * check:N does so for the first N restores (the test suite runs its
 * programs that way); WEFT_RESTORE=status says on standard error which
 * way the worker restores.  A program that discards pages of its
 * own data (madvise MADV_DONTNEED) changes them without writing: that is
 * outside what tracking sees, and needs WEFT_RESTORE=copy. */
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sched.h"
#include "detect/heap.h"
#include "report/report.h"

#define MAX_REGIONS 64
static struct weft__region regions[MAX_REGIONS];
static int nregions;
static size_t data_bytes;

bool weft__in_static_data(const void *p)
{
	const char *a = p;

	for (int i = 0; i < nregions; i++)
		if (a >= regions[i].addr && a < regions[i].addr + regions[i].len)
			return true;
	return false;
}

static void add_region(char *lo, char *hi)
{
	if (hi <= lo)
		return;
	if (nregions == MAX_REGIONS)
		weft__die("more than %d writable segments in the program and "
			  "its own libraries", MAX_REGIONS);
	regions[nregions].addr = lo;
	regions[nregions].len = (size_t)(hi - lo);
	nregions++;
}

/* The executable (the first object listed) and the program's own shared
 * libraries (built with weft-cc: a library under test linked to its
 * test), whose statics are the program's state as much as its globals. */
static void object_regions(struct dl_phdr_info *info, bool main, void *data)
{
	char *relro_lo = NULL, *relro_hi = NULL;

	(void)main;
	(void)data;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_GNU_RELRO) {
			relro_lo = (char *)(info->dlpi_addr + ph->p_vaddr);
			relro_hi = relro_lo + ph->p_memsz;
		}
	}
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		char *lo, *hi;
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
			continue;
		lo = (char *)(info->dlpi_addr + ph->p_vaddr);
		hi = lo + ph->p_memsz;
		if (relro_lo && relro_lo <= lo && relro_hi > lo)
			lo = relro_hi;
		add_region(lo, hi);
	}
}

/* Copying a whole data segment crosses AddressSanitizer's redzones
 * between globals, which is intended here: under ASan the copy is
 * uninstrumented and does not go through the intercepted memcpy. */
#if defined(__SANITIZE_ADDRESS__)
#define WEFT_SEG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WEFT_SEG_ASAN 1
#endif
#endif

#ifdef WEFT_SEG_ASAN
__attribute__((no_sanitize_address)) static void segcopy(char *dst,
							 const char *src,
							 size_t n)
{
	volatile char *d = dst;
	size_t i = 0;

	if (((uintptr_t)dst | (uintptr_t)src) % sizeof(long) == 0)
		for (; i + sizeof(long) <= n; i += sizeof(long))
			*(volatile long *)(void *)(dst + i) =
				*(const long *)(const void *)(src + i);
	for (; i < n; i++)
		d[i] = src[i];
}

__attribute__((no_sanitize_address)) static bool segsame(const char *a,
							 const char *b,
							 size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (((const volatile char *)a)[i] != b[i])
			return false;
	return true;
}
#define SEGCOPY(d, s, n) segcopy((d), (s), (n))
#define SEGSAME(a, b, n) segsame((a), (b), (n))
#else
#define SEGCOPY(d, s, n) memcpy((d), (s), (n))
#define SEGSAME(a, b, n) (memcmp((a), (b), (n)) == 0)
#endif

/* ---- when to copy only the written pages ------------------------------ */

/* Below this much data the copy is cheaper than asking the kernel (two
 * system calls, about 3-6 us here, against a copy at ~10 GB/s). */
#define TRACK_MIN_BYTES (64 * 1024)

static struct {
	bool on;    /* restores copy only the written pages (written.c) */
	/* WEFT_RESTORE=check or check:N: the comparisons of everything
	 * after a restore still to make (-1: all of them), else 0. */
	long checks_left;
	bool reprotect; /* this restore protects the pages it copies */
	const char *off_why;
} trk;

static size_t written; /* bytes copied back by this restore */

static void copy_back(const struct weft__region *r, char *at, size_t n)
{
	SEGCOPY(at, r->saved + (at - r->addr), n);
	written += n;
}

/* A written page costs its first write a fault (1-3 us here, more in a
 * virtual machine) where copying it back costs a tenth of that.  So the
 * pages copied back stay unprotected, and count as written, for the next
 * 31 restores: the pages a program writes in every execution are copied
 * without a fault, and the pages it wrote once drop out of the set at the
 * next protection.  A program that writes most of its data over a window
 * of 32 restores gets the full copy for good: it saves the scans. */
#define WINDOW 32

static void keep_worthwhile(size_t total)
{
	static size_t sum;
	static int n;

	sum += written;
	written = 0;
	trk.reprotect = ++n == WINDOW;
	if (n < WINDOW)
		return;
	if (sum / WINDOW > total / 4 * 3 && !trk.checks_left) {
		weft__written_stop();
		trk.on = false;
		trk.off_why = "most of the data is written in every execution";
	}
	sum = 0;
	n = 0;
}

/* ---- snapshot and restore --------------------------------------------- */

long weft__restore_checks(const char *how)
{
	char *end;
	long n;

	if (!strcmp(how, "check"))
		return -1;
	if (strncmp(how, "check:", 6) || how[6] < '1' || how[6] > '9')
		return 0;
	n = strtol(how + 6, &end, 10);
	return *end || n <= 0 || n == LONG_MAX ? 0 : n;
}

/* check:N has made its N comparisons: the rest of the run restores as
 * it would without WEFT_RESTORE, by the full copy when tracking was on
 * only for the check (small data).  The test suite checks this way: a
 * write that tracking misses shows within the first executions of any
 * test that makes it, and a long search no longer pays a system call
 * and the faults at every restore for the check. */
static void checks_done(void)
{
	if (trk.on && data_bytes < TRACK_MIN_BYTES) {
		weft__written_stop();
		trk.on = false;
		trk.off_why = "the program's data is small";
	}
}

void weft__globals_snapshot(void)
{
	const char *how = getenv("WEFT_RESTORE");
	size_t total = 0;

	if (!how)
		how = "";
	weft__written_stop();
	trk.on = false;
	nregions = 0;
	weft__user_objects(object_regions, NULL);
	for (int i = 0; i < nregions; i++)
		total += regions[i].len;
	data_bytes = total;
	trk.checks_left = weft__restore_checks(how);
	trk.off_why = "WEFT_RESTORE=copy";
	if (strcmp(how, "copy"))
		trk.off_why = "the program's data is small";
	/* Protected before the copy is taken, so no write falls between. */
	if (nregions && strcmp(how, "copy") &&
	    (total >= TRACK_MIN_BYTES || trk.checks_left)) {
		trk.off_why = weft__written_start(regions, nregions);
		trk.on = trk.reprotect = !trk.off_why;
	}
	if (!strcmp(how, "status"))
		fprintf(stderr, "weft: restore: %zu bytes of data, %s%s%s\n",
			total, trk.on ? "written pages only" : "full copy (",
			trk.on ? "" : trk.off_why, trk.on ? "" : ")");
	for (int i = 0; i < nregions; i++) {
		regions[i].saved = weft__persistent_alloc(regions[i].len);
		SEGCOPY(regions[i].saved, regions[i].addr, regions[i].len);
	}
	weft__heap_snapshot();
}

void weft__globals_restore(void)
{
	for (int i = 0; trk.on && i < nregions; i++)
		if (!weft__written_each(&regions[i], copy_back, trk.reprotect)) {
			weft__written_stop();
			trk.on = false;
		}
	if (trk.on)
		keep_worthwhile(data_bytes);
	else
		for (int i = 0; i < nregions; i++)
			SEGCOPY(regions[i].addr, regions[i].saved,
				regions[i].len);
	for (int i = 0; trk.checks_left && i < nregions; i++)
		if (!SEGSAME(regions[i].addr, regions[i].saved, regions[i].len))
			weft__die("WEFT_RESTORE=check: the program's data at "
				  "%p differs from its snapshot after a restore: "
				  "a write the kernel did not report (memory "
				  "pinned by io_uring or RDMA, or discarded with "
				  "madvise); run with WEFT_RESTORE=copy",
				  (void *)regions[i].addr);
	if (trk.checks_left > 0 && --trk.checks_left == 0)
		checks_done();
}
