// The twin of callout_returnunlocked_free_bug.c: the callout is
// initialised with CALLOUT_RETURNUNLOCKED, so its handler may destroy the
// lock and free the request.
//! expect: verified
#define OK
#include "callout_returnunlocked_free_bug.c"
