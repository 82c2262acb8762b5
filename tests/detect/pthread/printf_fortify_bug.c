//! expect: bug use-after-free
/* printf_freed_bug.c built with _FORTIFY_SOURCE: printf goes to glibc's
 * checked __printf_chk, which weft checks the same way. */
#define _FORTIFY_SOURCE 2
#include "printf_freed_bug.c"
