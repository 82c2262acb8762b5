//! expect: verified
#define OK
#include "cv_signal_resleep_bug.c"
