//! expect: verified
#define OK
#include "seqcount_assoc_bug.c"
