//! expect: verified
#define FIXED
#include "pcatch_sig_bug.c"
