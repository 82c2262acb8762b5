/* src/wrap_main.c - linked statically into every weft program.
 *
 * weft-cc links with -Wl,--wrap=main, so the C runtime's call to main
 * arrives here; __real_main is the program's own main, if it has one (the
 * reference is weak, so a program made only of WEFT_TESTs links too). */
#include "cli/options.h"

int __real_main(int argc, char **argv) __attribute__((weak));

int __wrap_main(int argc, char **argv)
{
	return weft__entry(argc, argv, __real_main);
}
