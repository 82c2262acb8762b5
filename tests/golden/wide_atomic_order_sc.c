//! needs: pthread
/* wide_atomic_order.c with seq_cst orders: verified with no qualifier. */
#define SEQ_CST
#include "wide_atomic_order.c"
