// cache_destroy_bug.c fixed: the object goes back before its cache.
//! expect: verified
#define CACHE_FIXED 1
#include "cache_destroy_bug.c"
