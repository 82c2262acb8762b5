# tools/oracle/oracle.mk - make targets for the differential oracle.
#
# Meant to be included by the top-level Makefile after WEFTCC is defined:
#     include tools/oracle/oracle.mk
# and `test-oracle` added to the prerequisites (or the recipe) of `test`.
#
#   make test-oracle                 the fixed cases and seeds 0-299, with
#                                    the preemption-bound checks; then the
#                                    cases and seeds 0-49 explored in parts
#                                    by 2 jobs (--split=16 --jobs=2); then
#                                    kernel-style programs of seeds 0-59
#                                    (gen_kernel.py); then
#                                    the cases and seeds 0-99 comparing
#                                    final states (--outcomes, 7-15 s);
#                                    then weak.py's litmus programs of C11
#                                    atomics (seeds 0-199 and two that once
#                                    disagreed, 0-49 in parts and 0-99
#                                    with --stale-bound=1)
#   make fuzz-soundness N=5000       N fresh random seeds (the base is printed;
#                                    reproduce one with check.py --show SEED)

# The runs of test-oracle share their builds (buildcache.py): the later
# runs check seeds the first ones built.  Emptied first, so that every
# program is built by this weft.
ORACLE_CACHE := $(BUILD)/oracle-cache
ORACLE       := python3 tools/oracle/check.py --weft-cc $(WEFTCC) --jobs 2 --bound-checks
ORACLE_SEEDS ?= 0-299
# --outcomes: each program prints its final state, and a verified search
# must print exactly the states brute.py reaches (outcomes.py).  Its
# programs are built apart from the runs above (their C prints).
ORACLE_OUTCOMES := python3 tools/oracle/check.py --weft-cc $(WEFTCC) --jobs 2 --outcomes
OUTCOME_SEEDS ?= 0-99
WEAK_ORACLE  := python3 tools/oracle/weak.py --weft-cc $(WEFTCC) --jobs 2
# 86478787 and 86478825: fresh seeds weft once verified (a seq_cst fence
# before another thread's seq_cst store; tests/detect/weak/fence_early_*).
WEAK_SEEDS   ?= 0-199,86478787,86478825
N            ?= 1000
# gen_kernel.py's programs (weft's Linux models), built one by one.
KERNEL_SEEDS ?= 0-59

.PHONY: test-oracle fuzz-soundness
test-oracle: all
	@command -v python3 >/dev/null || { echo "test-oracle: python3 is needed (apt-get install python3-minimal)" >&2; exit 1; }
	rm -rf $(ORACLE_CACHE)
	$(ORACLE) --cache $(ORACLE_CACHE) --cases --seeds $(ORACLE_SEEDS)
	$(ORACLE) --cache $(ORACLE_CACHE) --cases --seeds 0-49 --weft-options "split=16 jobs=2"
	$(ORACLE) --cache $(ORACLE_CACHE) --kernel --seeds $(KERNEL_SEEDS)
	$(ORACLE_OUTCOMES) --cache $(ORACLE_CACHE) --cases --seeds $(OUTCOME_SEEDS)
	$(WEAK_ORACLE) --cache $(ORACLE_CACHE) --seeds $(WEAK_SEEDS)
	$(WEAK_ORACLE) --cache $(ORACLE_CACHE) --seeds 0-49 --weft-options "split=16 jobs=2"
	$(WEAK_ORACLE) --cache $(ORACLE_CACHE) --seeds 0-99 --stale-bound 1
	rm -rf $(ORACLE_CACHE)

fuzz-soundness: all
	@command -v python3 >/dev/null || { echo "fuzz-soundness: python3 is needed (apt-get install python3-minimal)" >&2; exit 1; }
	$(ORACLE) --fresh $(N)
	$(ORACLE) --kernel --fresh $(N)
	$(ORACLE_OUTCOMES) --fresh $(N)
	$(WEAK_ORACLE) --fresh $(N)
