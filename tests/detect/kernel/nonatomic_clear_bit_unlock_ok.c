//! expect: verified
#define OK
#include "nonatomic_clear_bit_unlock_bug.c"
