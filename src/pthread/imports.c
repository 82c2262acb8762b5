/* src/pthread/imports.c - whether the program calls a function at all,
 * from the dynamic relocations of its objects.
 *
 * A model may need a scheduling point only for programs that call some
 * other function: a pthread_join's claim of its thread matters only to a
 * program that detaches threads (thread.c).  weft-cc turns the
 * program's calls into calls of weft's models (__weft_NAME, or __wrap_NAME
 * for a program it links with ld --wrap), which the executable and the
 * program's own shared libraries then import by name: a
 * relocation against that symbol, in the procedure linkage table's
 * (DT_JMPREL) or the other (DT_RELA), shows a call.  weft's own library
 * is skipped; the names asked for are weft's or the program's, which no
 * other library imports (libstdc++ imports pthread_detach for
 * std::thread::detach: a C++ program's own import of that names it).
 * An object with relocations of the other format (DT_REL, 32-bit
 * machines) counts as a call, which only costs steps.  Read once, before
 * the first execution; never blocks. */
#include <link.h>
#include <string.h>

#include "pthread/pt.h"

struct scan {
	const char *const *names;
	bool found;
};

/* A name asked for as __weft_NAME is imported under that name from an
 * object weft-cc renamed, or as __wrap_NAME from a program it linked with
 * ld --wrap=NAME (tools/weft-cc). */
static bool wanted(const struct scan *s, const char *name)
{
	bool wrapped = strncmp(name, "__wrap_", 7) == 0;

	for (const char *const *n = s->names; *n; n++)
		if (strcmp(*n, name) == 0 ||
		    (wrapped && strncmp(*n, "__weft_", 7) == 0 &&
		     strcmp(*n + 7, name + 7) == 0))
			return true;
	return false;
}

/* The relocations at rel (n bytes), against the symbols at sym whose
 * names are at str. */
static bool scan_relocs(const struct scan *s, const ElfW(Rela) *rel,
			size_t n, const ElfW(Sym) *sym, const char *str)
{
	for (size_t i = 0; i < n / sizeof *rel; i++) {
		size_t k = ELF64_R_SYM(rel[i].r_info);
		if (k && wanted(s, str + sym[k].st_name))
			return true;
	}
	return false;
}

static int object_cb(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct scan *s = arg;
	const ElfW(Rela) *jmprel = NULL, *rela = NULL;
	const ElfW(Sym) *sym = NULL;
	const char *str = NULL;
	size_t njmp = 0, nrela = 0;
	const ElfW(Dyn) *dyn = NULL;

	(void)size;
	if (strstr(info->dlpi_name, "libweft"))
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
			dyn = (const ElfW(Dyn) *)(info->dlpi_addr +
						  info->dlpi_phdr[i].p_vaddr);
	if (!dyn)
		return 0;
	/* The dynamic linker has made these addresses absolute. */
	for (; dyn->d_tag != DT_NULL; dyn++) {
		switch (dyn->d_tag) {
		case DT_SYMTAB: sym = (const void *)dyn->d_un.d_ptr; break;
		case DT_STRTAB: str = (const void *)dyn->d_un.d_ptr; break;
		case DT_JMPREL: jmprel = (const void *)dyn->d_un.d_ptr; break;
		case DT_PLTRELSZ: njmp = dyn->d_un.d_val; break;
		case DT_RELA: rela = (const void *)dyn->d_un.d_ptr; break;
		case DT_RELASZ: nrela = dyn->d_un.d_val; break;
		case DT_REL:
			s->found = true;
			return 1;
		default: break;
		}
	}
	if (!sym || !str)
		return 0;
	if ((jmprel && scan_relocs(s, jmprel, njmp, sym, str)) ||
	    (rela && scan_relocs(s, rela, nrela, sym, str))) {
		s->found = true;
		return 1;
	}
	return 0;
}

bool weft__pt_imports(const char *const *names)
{
	struct scan s = { .names = names, .found = false };

	dl_iterate_phdr(object_cb, &s);
	return s.found;
}

bool weft__pt_imports_once(int *known, const char *const *names)
{
	if (!*known)
		*known = weft__pt_imports(names) ? 2 : 1;
	return *known == 2;
}
