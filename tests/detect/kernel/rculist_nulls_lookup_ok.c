// rculist_nulls_lookup_bug.c's lookup checks the key again after taking
// its reference, and starts again when its walk ended on another chain's
// nulls value (Documentation/RCU/rculist_nulls.rst).
//! expect: verified
#define FIXED
#include "rculist_nulls_lookup_bug.c"
