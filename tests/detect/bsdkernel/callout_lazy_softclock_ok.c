//! expect: verified
//! args: --strategy=dfs
/* callout_lazy_softclock_bug.c with A's store under the softc lock. */
#define FIXED
#include "callout_lazy_softclock_bug.c"
