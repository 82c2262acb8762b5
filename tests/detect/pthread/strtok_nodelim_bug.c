//! expect: bug data-race
/* strtok_nodelim_ok.c with a delimiter in the string: strtok_r writes a
 * terminator over it while the other thread reads the string. */
#define BUG
#include "strtok_nodelim_ok.c"
