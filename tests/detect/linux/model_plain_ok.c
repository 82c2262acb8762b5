//! expect(plain_read_of_rcu_pointer): verified
//! expect(plain_publish_of_rcu_pointer): verified
//! expect(plain_walk_of_rcu_list): verified
//! expect(nonatomic_bit_beside_atomic): verified
//! expect(plain_read_of_atomic): verified
/* model_plain_bug.c fixed: rcu_dereference, rcu_assign_pointer, the RCU
 * iterator, set_bit and atomic_read, so every access of the shared
 * memory is marked. */
#define WEFT_MODEL_PLAIN_FIXED 1
#include "model_plain_bug.c"
