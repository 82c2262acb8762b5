//! expect: verified
#define FIXED
#include "tmpname_race_bug.c"
