//! expect: verified
//! args: --strategy=dfs --fair-bound=unbounded
/* The twin of fuzz_outcome_bug.c: the same threads, and an assertion that
 * holds on every schedule (T2's choice is always 0 or 1; T0's
 * fetch-add always adds 2 to a[0]). */
#include <weft/weft.h>
#include <stdio.h>
#include <string.h>
static weft_atomic_t a[2];
static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_sem_t s = WEFT_SEM_INIT(1);
static long r[3][8];
static void T0(void *p) { (void)p; weft_mutex_lock(&m); { long e = 2; r[0][0] = weft_atomic_cas(&a[1], &e, 1) * 10 + e; } weft_mutex_unlock(&m); { long e = 2; r[0][1] = weft_atomic_cas(&a[0], &e, 1) * 10 + e; } r[0][2] = weft_atomic_fetch_add(&a[0], 2); }
static void T1(void *p) { (void)p; { long e = 0; r[1][0] = weft_atomic_cas(&a[0], &e, 1) * 10 + e; } if (weft_sem_trywait(&s) == 0) { weft_atomic_store(&a[1], 2); weft_sem_post(&s); } else r[1][2] = 99; if (weft_mutex_trylock(&m) == 0) { r[1][3] = weft_atomic_load(&a[1]); weft_mutex_unlock(&m); } else r[1][4] = 99; }
static void T2(void *p) { (void)p; weft_sem_wait(&s); r[2][0] = weft_atomic_load(&a[1]); weft_sem_post(&s); weft_sem_wait(&s); r[2][1] = weft_atomic_exchange(&a[1], 2); weft_sem_post(&s); r[2][2] = weft_choose(2); }
WEFT_TEST(fz) {
  weft_thread_t th[3];
  th[0] = weft_spawn(T0, 0);
  th[1] = weft_spawn(T1, 0);
  th[2] = weft_spawn(T2, 0);
  weft_join(th[0]);
  weft_join(th[1]);
  weft_join(th[2]);
  char buf[512]; int n = 0;
  for (int i = 0; i < 2; i++) n += snprintf(buf+n, sizeof buf-n, "%ld,", weft_atomic_load(&a[i]));
  for (int t = 0; t < 3; t++) for (int k = 0; k < 8; k++) n += snprintf(buf+n, sizeof buf-n, "%ld,", r[t][k]);
  buf[n] = 0; weft_assert(r[2][2] == 0 || r[2][2] == 1); weft_assert(n > 0);
}
