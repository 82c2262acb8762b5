# The kernel models' explanations name the line that made the bug: a
# spin_unlock_irq inside spin_lock_irqsave enabled interrupts under the
# outer lock, which the report had blamed instead ("took it without
# disabling interrupts").
. tests/cli/common.inc
X=$B/tests/detect/kernel/irqsave_unlock_irq_bug
out=$($X) && fail "irqsave_unlock_irq_bug: exit status 0: $out"
printf '%s\n' "$out" | grep -q '^== unlock_irq_inside_irqsave: bug (deadlock)' || fail "verdict: $out"
printf '%s\n' "$out" | grep -q 'took it at .*irqsave_unlock_irq_bug.c:46, then enabled interrupts again at .*irqsave_unlock_irq_bug.c:36 while holding it' ||
	fail "the spin_unlock_irq is not named: $out"
printf '%s\n' "$out" | grep -q 'without disabling interrupts' && fail "the irqsave is blamed: $out"
# A race inside list helpers inlined from weft's kernel headers is drawn
# at the program's lines that used them, not at list.h's.  list_empty is
# the kernel's READ_ONCE, a macro drawn at the caller's line (it was a
# plain read inside the inline list_empty).
X=$B/tests/detect/kernel/list_check_unlocked_bug
out=$($X) && fail "list_check_unlocked_bug: exit status 0: $out"
printf '%s\n' "$out" | grep -q '^data-race: data race on the_evt between post_event[#0-9]* (atomic read at list_check_unlocked_bug.c:31) and post_event[#0-9]* (write at list_check_unlocked_bug.c:33)' ||
	fail "the race is not at the program's lines: $out"
# The write, inlined from __list_add, is named after the program's line.
printf '%s\n' "$out" | grep -q '^  previous write of 8 bytes by thread post_event[#0-9]* at .*list_check_unlocked_bug.c:33 (post_event), inside __list_add at list.h:[0-9]*$' ||
	fail "the access is not placed at the program's line, inside __list_add: $out"
# Two irqsave locks let go in the wrong order: the outer one's restore
# turns interrupts and softirqs on with the inner one held, and a timer
# taking the inner one deadlocks.  The message named only where the lock
# was taken, "with softirqs enabled", which was an irqsave (a probe of
# driver code); it names the restore.
d=$(mktemp -d)
cat >"$d/iro.c" <<'EOT'
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
static DEFINE_SPINLOCK(a);
static DEFINE_SPINLOCK(b);
static struct timer_list tm;
static int v;
static void tm_fn(struct timer_list *t)
{
	(void)t;
	spin_lock(&b);
	v++;
	spin_unlock(&b);
}
WEFT_TEST(nested_irqsave)
{
	unsigned long f1, f2;
	timer_setup(&tm, tm_fn, 0);
	mod_timer(&tm, jiffies + 1);
	spin_lock_irqsave(&a, f1);
	spin_lock_irqsave(&b, f2);
	spin_unlock_irqrestore(&a, f1);
	v++;
	spin_unlock_irqrestore(&b, f2);
	timer_delete_sync(&tm);
}
EOT
$B/bin/weft-cc --kernel=linux "$d/iro.c" -o "$d/iro" || fail "iro.c did not build"
out=$("$d/iro")
rm -rf "$d"
printf '%s\n' "$out" | grep -q '^    nested_irqsave took it at .*iro.c:21, then enabled interrupts and softirqs again at .*iro.c:22 while holding it' ||
	fail "the restore is not named: $out"
echo ok
