//! expect: verified
#define OK
#include "rcu_section_leak_bug.c"
