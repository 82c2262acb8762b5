//! expect: verified
#define OK
#include "atomic_publish_bug.c"
