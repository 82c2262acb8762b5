// The twin of nondet_wide_limit_bug.c: the count equals the bound.  The
// value UINT_MAX still runs into --max-steps in the wider round, so the
// verdict is inconclusive, not a verification (a smaller step limit and
// budget keep the fallback's random search short).
//! expect: inconclusive step-limit
//! args: max-steps=500 iterations=5000
#define OK
#include "nondet_wide_limit_bug.c"
