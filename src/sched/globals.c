/* src/sched/globals.c - the program's writable data: saved once in the
 * worker, put back before every execution.
 *
 * The writable parts of the executable's segments (.data, .bss, minus the
 * RELRO part that becomes read-only) are the program's state outside the
 * heap and the stacks.  weft itself is a shared library, so its own state
 * is not in them.  The blocks the program allocated before main are the
 * rest of that state: the tracked heap saves them at the same moment and
 * puts them back when it is rewound (detect/heap.h).
 *
 * Copying every byte back costs as much as the program's data is large: a
 * program with a 1.6 MB array spent more than half of each execution in
 * that copy.  Where the kernel offers it (Linux 6.7 and later), weft asks
 * it which pages were written since the last restore and copies only
 * those: the pages are registered with a userfaultfd in asynchronous
 * write-protect mode, the kernel marks a page written on its first write
 * (by the program, by weft, or by a system call such as read() into a
 * global buffer) without stopping anyone, and the PAGEMAP_SCAN ioctl lists
 * the marked pages.  Anything unexpected (no such system call, a kernel
 * without the ioctl, a file descriptor the program closed, a scan that
 * fails its self-test) falls back to the full copy, which is always
 * correct.  WEFT_RESTORE=copy forces the full copy; WEFT_RESTORE=check
 * tracks whatever the data's size and compares every byte after each
 * restore, stopping weft if tracking missed a write (the test suite runs
 * its programs that way); WEFT_RESTORE=status says on standard error
 * which way the worker restores.  A program that discards pages of its
 * own data (madvise MADV_DONTNEED) changes them without writing: that is
 * outside what tracking sees, and needs WEFT_RESTORE=copy. */
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sched.h"
#include "detect/heap.h"

struct region {
	char *addr;
	size_t len;
	char *saved;
};
#define MAX_REGIONS 8
static struct region regions[MAX_REGIONS];
static int nregions;
static size_t data_bytes;

static void add_region(char *lo, char *hi)
{
	if (hi <= lo)
		return;
	if (nregions == MAX_REGIONS)
		weft__die("too many writable segments in the program");
	regions[nregions].addr = lo;
	regions[nregions].len = (size_t)(hi - lo);
	nregions++;
}

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	char *relro_lo = NULL, *relro_hi = NULL;

	(void)size;
	(void)data;
	/* The first object is the main program. */
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
	return 1; /* stop after the main program */
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

/* ---- which pages were written (Linux userfaultfd + PAGEMAP_SCAN) ------- */

/* The kernel's ABI, spelled here because the C library's headers may be
 * older than the kernel (linux/userfaultfd.h, linux/fs.h of Linux 6.7). */
#define UFFD_API_ 0xAAULL
#define UFFD_USER_MODE_ONLY_ 1
#define UFFD_FEATURE_WP_UNPOPULATED_ (1ULL << 13)
#define UFFD_FEATURE_WP_ASYNC_ (1ULL << 15)
#define UFFDIO_REGISTER_MODE_WP_ (1ULL << 1)
#define UFFDIO_WRITEPROTECT_MODE_WP_ (1ULL << 0)
struct uffd_range_ {
	uint64_t start, len;
};
struct uffd_api_ {
	uint64_t api, features, ioctls;
};
struct uffd_register_ {
	struct uffd_range_ range;
	uint64_t mode, ioctls;
};
struct uffd_writeprotect_ {
	struct uffd_range_ range;
	uint64_t mode;
};
#define UFFDIO_API_ _IOWR(0xAA, 0x3F, struct uffd_api_)
#define UFFDIO_REGISTER_ _IOWR(0xAA, 0x00, struct uffd_register_)
#define UFFDIO_WRITEPROTECT_ _IOWR(0xAA, 0x06, struct uffd_writeprotect_)

struct page_region_ {
	uint64_t start, end, categories;
};
struct pm_scan_arg_ {
	uint64_t size, flags, start, end, walk_end, vec, vec_len, max_pages,
		category_inverted, category_mask, category_anyof_mask,
		return_mask;
};
#define PAGEMAP_SCAN_ _IOWR('f', 16, struct pm_scan_arg_)
#define PAGE_IS_WRITTEN_ (1ULL << 1)
#define PM_SCAN_WP_MATCHING_ (1ULL << 0)
#define PM_SCAN_CHECK_WPASYNC_ (1ULL << 1)

/* Below this much data the copy is cheaper than asking the kernel (two
 * system calls, about 3-6 us here, against a copy at ~10 GB/s). */
#define TRACK_MIN_BYTES (64 * 1024)

static struct {
	bool on;    /* restores copy only the written pages */
	const char *off_why;
	bool check; /* WEFT_RESTORE=check: compare everything afterwards */
	int uffd, pagemap;
	uintptr_t page;
} trk = { .uffd = -1, .pagemap = -1, .page = 4096 };

static uintptr_t page_lo(const struct region *r)
{
	return (uintptr_t)r->addr & ~(trk.page - 1);
}

static uintptr_t page_hi(const struct region *r)
{
	return ((uintptr_t)r->addr + r->len + trk.page - 1) & ~(trk.page - 1);
}

static bool uffd_call(unsigned long req, void *arg)
{
	return ioctl(trk.uffd, req, arg) == 0;
}

static bool protect(uintptr_t lo, uintptr_t hi)
{
	struct uffd_writeprotect_ wp = {
		.range = { lo, hi - lo }, .mode = UFFDIO_WRITEPROTECT_MODE_WP_ };

	return uffd_call(UFFDIO_WRITEPROTECT_, &wp);
}

static void track_off(void)
{
	if (trk.uffd >= 0)
		close(trk.uffd); /* unregisters every range */
	if (trk.pagemap >= 0)
		close(trk.pagemap);
	trk.uffd = trk.pagemap = -1;
	trk.on = false;
}

/* Write-protect again the written pages of [lo, hi): one walk of the page
 * tables, whatever the number of written ranges. */
static bool protect_written(uintptr_t lo, uintptr_t hi)
{
	struct pm_scan_arg_ a = {
		.size = sizeof a,
		.flags = PM_SCAN_WP_MATCHING_ | PM_SCAN_CHECK_WPASYNC_,
		.start = lo, .end = hi, .category_mask = PAGE_IS_WRITTEN_ };

	return ioctl(trk.pagemap, PAGEMAP_SCAN_, &a) >= 0;
}

/* Whether this restore write-protects the pages it copies back. */
static bool reprotect = true;

/* Call fn on each written page range of r (clipped to r), then, if
 * reprotect, write-protect those pages again.  False if the kernel could
 * not say. */
static bool each_written(const struct region *r,
			 void (*fn)(const struct region *, char *, size_t))
{
	static struct page_region_ vec[256];
	uintptr_t lo = page_lo(r), hi = page_hi(r);

	for (uintptr_t at = lo; at < hi;) {
		struct pm_scan_arg_ a = {
			.size = sizeof a, .flags = PM_SCAN_CHECK_WPASYNC_,
			.start = at, .end = hi, .vec = (uintptr_t)vec,
			.vec_len = sizeof vec / sizeof vec[0],
			.category_mask = PAGE_IS_WRITTEN_,
			.return_mask = PAGE_IS_WRITTEN_ };
		long n = ioctl(trk.pagemap, PAGEMAP_SCAN_, &a);
		if (n < 0 || a.walk_end <= at || a.walk_end > hi)
			return false;
		for (long i = 0; i < n; i++) {
			char *s = (char *)vec[i].start, *e = (char *)vec[i].end;
			if (s < r->addr)
				s = r->addr;
			if (e > r->addr + r->len)
				e = r->addr + r->len;
			if (s < e)
				fn(r, s, (size_t)(e - s));
		}
		at = a.walk_end;
	}
	/* The copy itself wrote the pages: protect them again only now, and
	 * only once in a while (see keep_worthwhile). */
	return !reprotect || protect_written(lo, hi);
}

static size_t written; /* bytes copied back by this restore */

static void copy_back(const struct region *r, char *at, size_t n)
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
	reprotect = ++n == WINDOW;
	if (n < WINDOW)
		return;
	if (sum / WINDOW > total / 4 * 3 && !trk.check) {
		track_off();
		trk.off_why = "most of the data is written in every execution";
	}
	sum = 0;
	n = 0;
}

static volatile char *probe;

static void count_pages(const struct region *r, char *at, size_t n)
{
	(void)r;
	if ((char *)probe >= at && (char *)probe < at + n)
		trk.on = true; /* the self-test saw its write */
}

/* Register every region for asynchronous write protection and check, with
 * a write of a byte's own value, that a write is seen. */
static void track_start(void)
{
	struct uffd_api_ api = { .api = UFFD_API_,
				 .features = UFFD_FEATURE_WP_ASYNC_ |
					     UFFD_FEATURE_WP_UNPOPULATED_ };

	trk.page = (uintptr_t)sysconf(_SC_PAGESIZE);
	trk.uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (trk.uffd < 0 && (errno == EPERM || errno == EACCES))
		trk.uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK |
							 UFFD_USER_MODE_ONLY_);
	trk.pagemap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	trk.off_why = "no userfaultfd with asynchronous write protection";
	if (trk.uffd < 0 || trk.pagemap < 0 || !uffd_call(UFFDIO_API_, &api))
		goto off;
	for (int i = 0; i < nregions; i++) {
		struct uffd_register_ reg = {
			.range = { page_lo(&regions[i]),
				   page_hi(&regions[i]) - page_lo(&regions[i]) },
			.mode = UFFDIO_REGISTER_MODE_WP_ };
		trk.off_why = "the kernel refused to write-protect the data";
		if (!uffd_call(UFFDIO_REGISTER_, &reg) ||
		    !protect(page_lo(&regions[i]), page_hi(&regions[i])))
			goto off;
	}
	probe = regions[0].addr;
	*probe = *probe;
	trk.off_why = "the kernel's PAGEMAP_SCAN did not report a write";
	if (!each_written(&regions[0], count_pages) || !trk.on)
		goto off;
	trk.off_why = NULL;
	return;
off:
	track_off();
}

/* ---- snapshot and restore --------------------------------------------- */

void weft__globals_snapshot(void)
{
	const char *how = getenv("WEFT_RESTORE");
	size_t total = 0;

	if (!how)
		how = "";
	track_off();
	nregions = 0;
	dl_iterate_phdr(phdr_cb, NULL);
	for (int i = 0; i < nregions; i++)
		total += regions[i].len;
	data_bytes = total;
	trk.check = !strcmp(how, "check");
	trk.off_why = "WEFT_RESTORE=copy";
	if (strcmp(how, "copy"))
		trk.off_why = "the program's data is small";
	/* Protected before the copy is taken, so no write falls between. */
	if (nregions && strcmp(how, "copy") &&
	    (total >= TRACK_MIN_BYTES || trk.check))
		track_start();
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
		if (!each_written(&regions[i], copy_back))
			track_off();
	if (trk.on)
		keep_worthwhile(data_bytes);
	else
		for (int i = 0; i < nregions; i++)
			SEGCOPY(regions[i].addr, regions[i].saved,
				regions[i].len);
	for (int i = 0; trk.check && i < nregions; i++)
		if (!SEGSAME(regions[i].addr, regions[i].saved, regions[i].len))
			weft__die("the program's data at %p differs from its "
				  "snapshot after a restore",
				  (void *)regions[i].addr);
}
