//! expect: verified
#define FIXED
#include "device_release_bug.c"
