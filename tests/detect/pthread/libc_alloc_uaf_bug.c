//! expect: bug use-after-free
/* libc_alloc_ok.c with the asprintf buffer freed before the reader is
 * joined (and again after: the first report is the reader's use). */
#define FREE_EARLY
#include "libc_alloc_ok.c"
