//! expect: verified
/* krealloc_empty_bug.c storing each item after the array grew. */
#define KREALLOC_EMPTY_OK
#include "krealloc_empty_bug.c"
