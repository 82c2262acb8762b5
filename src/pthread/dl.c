/* src/pthread/dl.c - dlopen of a library of the program's own.
 *
 * A library built with weft-cc (a plugin under test) that the test opens
 * with dlopen would otherwise be loaded in the first execution and stay
 * loaded: its statics would carry over from one execution to the next (a
 * counter a correct test checks fails in the second one), its constructors
 * would allocate in the first execution's heap, and reports could not name
 * its globals.  So the first time a test opens such a library that is not
 * loaded yet, the worker stops, and the parent loads the library itself
 * (cli/jobs.c) and explores the test again from the start.  The library
 * is then loaded before main as far as the program can tell, as a library
 * linked to it is: its data is restored before every execution, its
 * constructors' blocks are among those from before main, and the test's
 * own dlopen finds it loaded.  The one difference from a real process is
 * when its constructors run: once, before main, rather than at the call.
 *
 * Other libraries (the system's, or one built without weft-cc), and a
 * dlopen outside any execution, are the C library's own business.  Never
 * blocks; not a scheduling point. */
#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <stdlib.h>

#include "pthread/pt.h"
#include "cli/options.h"
#include "modelled.h"
#include "report/report.h"

void *__weft_dlopen(const char *file, int mode)
{
	struct link_map *lm;
	char path[PATH_MAX];
	void *h;

	if (!file || !weft__pt_live())
		return dlopen(file, mode);
	/* Loaded already (linked, loaded by the parent, or opened earlier
	 * in this execution): nothing to learn. */
	h = dlopen(file, RTLD_LAZY | RTLD_NOLOAD);
	if (h) {
		dlclose(h);
		return dlopen(file, mode);
	}
	h = dlopen(file, mode);
	if (!h || dlinfo(h, RTLD_DI_LINKMAP, &lm) != 0 || !lm->l_name ||
	    !realpath(lm->l_name, path) || !weft__user_object(path))
		return h;
	weft__preload_restart(path, mode & ~RTLD_NOLOAD);
}
