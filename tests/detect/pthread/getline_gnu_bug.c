//! expect: bug data-race
//! args: --strategy=dfs
/* getline_ptr_race_bug.c compiled with _GNU_SOURCE: at -O1 glibc's
 * stdio.h then makes getline an inline call of __getdelim, which weft did
 * not model.  The race was verified, and a getline growing a buffer from
 * the program's malloc aborted in glibc's realloc, as before the model.
 * getline_gnu_ok.c is the correct twin, with _GNU_SOURCE too. */
#define _GNU_SOURCE
#include "getline_ptr_race_bug.c"
