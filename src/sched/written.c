/* src/sched/written.c - which pages of the program's data were written
 * since the last look: Linux's userfaultfd in asynchronous write-protect
 * mode, read with the PAGEMAP_SCAN ioctl (Linux 6.7 and later).
 *
 * The pages are registered once; the kernel marks a page written on its
 * first write, by the program, by weft or by a system call (read() into a
 * global buffer), without stopping anyone; a scan lists the marked pages
 * and can protect them again.  Root may use a userfaultfd freely; other
 * users only with UFFD_USER_MODE_ONLY, which still sees the kernel's own
 * writes, since asynchronous write protection is resolved by the kernel
 * whoever faults.  globals.c decides when to use it. */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sched.h"

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

static struct {
	int uffd, pagemap;
	ino_t uffd_ino, pagemap_ino; /* to know them again (weft__written_stop) */
	uintptr_t page;
} trk = { .uffd = -1, .pagemap = -1, .page = 4096 };

static uintptr_t page_lo(const struct weft__region *r)
{
	return (uintptr_t)r->addr & ~(trk.page - 1);
}

static uintptr_t page_hi(const struct weft__region *r)
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

/* fd is still the file it was when opened: a program may close every
 * descriptor (a daemon does) and open its own under the same number,
 * which weft must then leave alone. */
static bool still_ours(int fd, ino_t ino)
{
	struct stat st;

	return fd >= 0 && fstat(fd, &st) == 0 && st.st_ino == ino;
}

void weft__written_stop(void)
{
	weft__fd_release(trk.uffd);
	weft__fd_release(trk.pagemap);
	if (still_ours(trk.uffd, trk.uffd_ino))
		close(trk.uffd); /* unregisters every range */
	if (still_ours(trk.pagemap, trk.pagemap_ino))
		close(trk.pagemap);
	trk.uffd = trk.pagemap = -1;
}

/* Move fd high, out of the way of the numbers a program uses and closes
 * in loops (3, 4, ...), and note what it is. */
static int keep(int fd, ino_t *ino)
{
	struct stat st;

	if (fd < 0)
		return fd;
	fd = weft__fd_keep(fd, 900);
	*ino = fstat(fd, &st) == 0 ? st.st_ino : 0;
	return fd;
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

bool weft__written_each(const struct weft__region *r,
			void (*fn)(const struct weft__region *, char *, size_t),
			bool reprotect)
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
	/* fn (a copy back) wrote the pages itself: protect them only now. */
	return !reprotect || protect_written(lo, hi);
}

static volatile char *probe;

static bool probe_seen;

static void count_pages(const struct weft__region *r, char *at, size_t n)
{
	(void)r;
	if ((char *)probe >= at && (char *)probe < at + n)
		probe_seen = true;
}

const char *weft__written_start(const struct weft__region *regions,
				int nregions)
{
	struct uffd_api_ api = { .api = UFFD_API_,
				 .features = UFFD_FEATURE_WP_ASYNC_ |
					     UFFD_FEATURE_WP_UNPOPULATED_ };

	trk.page = (uintptr_t)sysconf(_SC_PAGESIZE);
	weft__written_stop();
	trk.uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (trk.uffd < 0 && (errno == EPERM || errno == EACCES))
		trk.uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK |
							 UFFD_USER_MODE_ONLY_);
	const char *why = "no userfaultfd with asynchronous write protection";

	trk.uffd = keep(trk.uffd, &trk.uffd_ino);
	trk.pagemap = keep(open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC),
			   &trk.pagemap_ino);
	if (trk.uffd < 0 || trk.pagemap < 0 || !uffd_call(UFFDIO_API_, &api))
		goto off;
	for (int i = 0; i < nregions; i++) {
		struct uffd_register_ reg = {
			.range = { page_lo(&regions[i]),
				   page_hi(&regions[i]) - page_lo(&regions[i]) },
			.mode = UFFDIO_REGISTER_MODE_WP_ };
		why = "the kernel refused to write-protect the data";
		if (!uffd_call(UFFDIO_REGISTER_, &reg) ||
		    !protect(page_lo(&regions[i]), page_hi(&regions[i])))
			goto off;
	}
	/* The self-test: a write of a byte's own value must be seen. */
	probe = regions[0].addr;
	*probe = *probe;
	probe_seen = false;
	why = "the kernel's PAGEMAP_SCAN did not report a write";
	if (!weft__written_each(&regions[0], count_pages, true) || !probe_seen)
		goto off;
	return NULL;
off:
	weft__written_stop();
	return why;
}
