// downgrade_write_race_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "downgrade_write_race_bug.c"
