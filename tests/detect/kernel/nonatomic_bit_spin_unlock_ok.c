//! expect: verified
#define OK
#include "nonatomic_bit_spin_unlock_bug.c"
