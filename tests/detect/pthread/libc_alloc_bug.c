//! expect: bug double-free
/* libc_alloc_ok.c with the asprintf buffer freed twice. */
#define FREE_TWICE
#include "libc_alloc_ok.c"
