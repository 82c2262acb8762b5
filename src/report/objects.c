/* src/report/objects.c - the objects loaded in the process: which of
 * them are the program's own (built with weft-cc), and ELF files mapped
 * for reading their tables (symbols.c reads their symbols). */
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report.h"

struct weft__elf_map weft__elf_map(const char *path)
{
	struct weft__elf_map e = { 0 };
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return e;
	if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof *e.eh) {
		close(fd);
		return e;
	}
	e.len = (size_t)st.st_size;
	e.m = mmap(NULL, e.len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (e.m == MAP_FAILED) {
		e.m = NULL;
		return e;
	}
	e.eh = (const ElfW(Ehdr) *)e.m;
	if (memcmp(e.eh->e_ident, ELFMAG, SELFMAG) != 0 ||
	    e.eh->e_shoff + (size_t)e.eh->e_shnum * sizeof *e.sh > e.len) {
		munmap(e.m, e.len);
		e.m = NULL;
		return e;
	}
	e.sh = (const ElfW(Shdr) *)(e.m + e.eh->e_shoff);
	return e;
}

void weft__elf_unmap(struct weft__elf_map *e)
{
	if (e->m)
		munmap(e->m, e->len);
	e->m = NULL;
}

/* Whether the object in file path imports ThreadSanitizer's entry
 * points: its code was built with weft-cc's instrumentation. */
static bool instrumented(const char *path)
{
	struct weft__elf_map e = weft__elf_map(path);
	bool yes = false;

	if (!e.m)
		return false;
	for (int i = 0; i < e.eh->e_shnum && !yes; i++) {
		const ElfW(Shdr) *ds = &e.sh[i], *str;
		if (ds->sh_type != SHT_DYNSYM || ds->sh_link >= e.eh->e_shnum)
			continue;
		str = &e.sh[ds->sh_link];
		if (ds->sh_offset + ds->sh_size > e.len ||
		    str->sh_offset + str->sh_size > e.len)
			continue;
		const ElfW(Sym) *sym = (const ElfW(Sym) *)(e.m + ds->sh_offset);
		for (size_t k = 0; k < ds->sh_size / sizeof *sym && !yes; k++)
			yes = sym[k].st_shndx == SHN_UNDEF &&
			      sym[k].st_name + 8 < str->sh_size &&
			      !strncmp(e.m + str->sh_offset + sym[k].st_name,
				       "__tsan_", 7);
	}
	weft__elf_unmap(&e);
	return yes;
}

/* The answers so far, per object (a process loads few). */
#define USER_CACHE 32
static struct {
	char path[256];
	bool user;
} user_cache[USER_CACHE];
static int nuser;

bool weft__user_object(const char *path)
{
	static const char *self;
	Dl_info di;
	bool user;

	if (!path || path[0] != '/')
		return false;
	for (int i = 0; i < nuser; i++)
		if (!strcmp(user_cache[i].path, path))
			return user_cache[i].user;
	/* Without reading them: the system's library directories (a
	 * system whose C library lives elsewhere, Nix's store, has it
	 * read, and it imports nothing of the kind), and weft's own. */
	if (!strncmp(path, "/lib/", 5) || !strncmp(path, "/lib64/", 7) ||
	    !strncmp(path, "/usr/lib/", 9) || !strncmp(path, "/usr/lib64/", 11))
		return false;
	if (!self && dladdr((void *)weft__user_object, &di) && di.dli_fname)
		self = di.dli_fname;
	user = (!self || strcmp(path, self) != 0) && instrumented(path);
	if (nuser < USER_CACHE && strlen(path) < sizeof user_cache[0].path) {
		snprintf(user_cache[nuser].path, sizeof user_cache[0].path,
			 "%s", path);
		user_cache[nuser++].user = user;
	}
	return user;
}

struct each {
	void (*f)(struct dl_phdr_info *info, bool main, void *data);
	void *data;
	int seen;
};

static int each_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	struct each *e = data;
	bool main = e->seen++ == 0; /* the first object listed */

	(void)size;
	if (main || weft__user_object(info->dlpi_name))
		e->f(info, main, e->data);
	return 0;
}

void weft__user_objects(void (*f)(struct dl_phdr_info *info, bool main,
				  void *data),
			void *data)
{
	struct each e = { f, data, 0 };

	dl_iterate_phdr(each_cb, &e);
}

/* An object's image: from its load address to the end of its last
 * loadable segment. */
static uintptr_t image_end(const struct dl_phdr_info *info)
{
	uintptr_t hi = info->dlpi_addr;

	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t end = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
		if (ph->p_type == PT_LOAD && end > hi)
			hi = end;
	}
	return hi;
}

/* The executable's image, found once (it is the first object listed,
 * and reading only it keeps this cheap enough for the allocator before
 * main).  The layout is the same in the parent and its forked workers. */
static uintptr_t exe_lo, exe_hi;

static int exe_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	exe_lo = info->dlpi_addr;
	exe_hi = image_end(info);
	return 1;
}

uintptr_t weft__exe_image(uintptr_t *hi)
{
	if (!exe_hi)
		dl_iterate_phdr(exe_cb, NULL);
	*hi = exe_hi;
	return exe_lo;
}

bool weft__in_executable(uintptr_t a)
{
	uintptr_t hi, lo = weft__exe_image(&hi);

	return a >= lo && a < hi;
}

struct images {
	uintptr_t *lo, *hi;
	int n, max;
};

static void image_of(struct dl_phdr_info *info, bool main, void *data)
{
	struct images *im = data;

	(void)main;
	if (im->n == im->max)
		return;
	im->lo[im->n] = info->dlpi_addr;
	im->hi[im->n] = image_end(info);
	im->n++;
}

/* Found once per process: every execution's start stores its replay
 * context, which names sites by these (race_report.c), and the objects
 * loaded do not change while a worker runs.  The parent, which loads a
 * library a test opened (cli/jobs.c), finds them again after it. */
#define MAX_IMAGES 16
static uintptr_t img_lo[MAX_IMAGES], img_hi[MAX_IMAGES];
static int nimg = -1;

void weft__user_images_forget(void)
{
	nimg = -1;
}

int weft__user_images(uintptr_t *lo, uintptr_t *hi, int max)
{
	if (nimg < 0) {
		struct images im = { img_lo, img_hi, 0, MAX_IMAGES };
		weft__user_objects(image_of, &im);
		nimg = im.n;
	}
	for (int i = 0; i < nimg && i < max; i++) {
		lo[i] = img_lo[i];
		hi[i] = img_hi[i];
	}
	return nimg < max ? nimg : max;
}

/* ---- libraries weft does not see ------------------------------------------ */

/* The C runtime's libraries, whose calls weft models by name (or which
 * hold no shared state of the program's): not named in the note below. */
static bool runtime_lib(const char *base)
{
	static const char *const known[] = {
		"libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so",
		"libgcc_s.so", "libstdc++.so", "ld-linux", "libweft.so",
		"linux-vdso", "libasan.so", "libubsan.so", "libatomic.so",
		"libresolv.so", "libutil.so", "libcrypt.so", "libanl.so",
		"libnss_", "libmvec.so",
	};

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (!strncmp(base, known[i], strlen(known[i])))
			return true;
	return false;
}

struct unseen {
	const char *first;
	int n, seen;
};

static int unseen_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	struct unseen *u = data;
	const char *path = info->dlpi_name, *base;

	(void)size;
	if (u->seen++ == 0 || !path || !path[0] || weft__user_object(path))
		return 0;
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (runtime_lib(base))
		return 0;
	if (!u->n++)
		u->first = weft__intern(base);
	return 0;
}

void weft__unseen_libs_note(void)
{
	struct unseen u = { NULL, 0, 0 };
	char msg[WEFT__NOTE_LEN];

	dl_iterate_phdr(unseen_cb, &u);
	if (!u.n)
		return;
	/* A lost update through a library's atomics was verified with no
	 * word of the library (a probe of programs using APR, GLib,
	 * liburcu). */
	snprintf(msg, sizeof msg,
		 "the program is linked with %s%s, not built with weft-cc: "
		 "weft sees none of its memory accesses, atomics or locks "
		 "(it refuses the synchronisation calls it knows of), so a "
		 "verdict covers the program's own code, and a race on "
		 "memory such a library guards may be a false alarm",
		 u.first,
		 u.n > 1 ? weft__internf(" and %d other librar%s", u.n - 1,
					 u.n > 2 ? "ies" : "y")
			 : "");
	weft__verdict_note(0x554e5345454e4c42ull, msg);
}
