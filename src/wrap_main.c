/* src/wrap_main.c - linked statically into every weft program.
 *
 * weft-cc links with -Wl,--wrap=main, so the C runtime's call to main
 * arrives here; __real_main is the program's own main, if it has one (the
 * reference is weak, so a program made only of WEFT_TESTs links too).
 * The linker's bounds of the executable's .fini_array (its destructors)
 * are visible only here, in the executable; weak, for a linker that
 * defines none.  So are the bounds of its section weft_wake: the call
 * sites that complete or wake an object (WEFT_WAKE_HERE, <weft/loc.h>). */
#include <weft/loc.h>

#include "cli/options.h"

int __real_main(int argc, char **argv) __attribute__((weak));
extern void (*const __fini_array_start[])(void) __attribute__((weak));
extern void (*const __fini_array_end[])(void) __attribute__((weak));
void weft__program_fini(void (*const *start)(void),
			void (*const *end)(void)) __attribute__((weak));
extern const struct weft_wake_site __start_weft_wake[] __attribute__((weak));
extern const struct weft_wake_site __stop_weft_wake[] __attribute__((weak));
void weft__wake_sites(const struct weft_wake_site *start,
		      const struct weft_wake_site *end) __attribute__((weak));

/* Before the program's own constructors (the executable's others have
 * the default priority, which runs after 101): one that crashes or calls
 * exit() is weft's one line and exit status 2 (src/cli/premain.c).
 * Weak, as above. */
void weft__premain_guard(void) __attribute__((weak));

__attribute__((constructor(101))) static void premain_guard(void)
{
	if (weft__premain_guard)
		weft__premain_guard();
}

int __wrap_main(int argc, char **argv)
{
	if (weft__program_fini && __fini_array_start && __fini_array_end)
		weft__program_fini(__fini_array_start, __fini_array_end);
	if (weft__wake_sites && __start_weft_wake && __stop_weft_wake)
		weft__wake_sites(__start_weft_wake, __stop_weft_wake);
	return weft__entry(argc, argv, __real_main);
}
