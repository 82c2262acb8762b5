//! expect: bug leak
/* libc_alloc_page_ok.c with canonicalize_file_name's string never freed. */
#define OK
#define LEAK
#include "libc_alloc_page_bug.c"
