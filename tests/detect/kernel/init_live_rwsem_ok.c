// init_live_rwsem_bug.c re-initialising only after the user is joined.
//! expect: verified
#define OK
#include "init_live_rwsem_bug.c"
