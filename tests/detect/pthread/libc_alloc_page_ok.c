//! expect: verified
/* libc_alloc_page_bug.c with the block freed after the join. */
#define OK
#include "libc_alloc_page_bug.c"
