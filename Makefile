# weft - systematic concurrency testing for C.
# `make` builds the runtime library, weft-cc and the examples;
# `make test` builds and runs every test; `make demo` runs the seed catalog.

CC       ?= gcc
PREFIX   ?= /usr/local
BUILD    ?= build
OPT      ?= -O3
# No frame pointer in weft's own code: the rbp the scheduler's functions
# saved and set up at every call was 1.9% of the core workload's
# instructions (bench/instr.sh: 25,870 against 26,364 per execution).
# Reports unwind with the tables -g and the ABI keep, never by frame
# pointers; the two functions that read their own frame's address
# (__tsan_func_entry, main_body) get one regardless, as gcc gives every
# function that calls __builtin_frame_address.
CFLAGS_BASE := -std=c11 $(OPT) -g -Wall -Wextra -Werror -D_GNU_SOURCE \
	-fomit-frame-pointer -fPIC -Iinclude -Isrc
SAN      ?=
# The explorer counts bits of thread sets at every step: on x86_64 use the
# popcnt instruction (every x86_64 processor since 2008 has it) rather than
# libgcc's __popcountdi2 call.
ARCH_CFLAGS := $(if $(filter x86_64,$(shell uname -m)),-mpopcnt)
IS_GCC   := $(shell $(CC) -v 2>&1 | grep '^gcc version')
# gcc's generic x86_64 tuning clears and copies small structures with
# rep stos and rep movs: every struct weft__op initialiser (136 bytes, at
# every step and in most models) became one, about 10 ns more per op than
# vector stores on this project's machines.  Vector loops up to 256 bytes
# instead (gcc only; clang never used rep stos here).  bench/ab.sh-style
# minimum CPU time over 21 rounds: core 1.10x, kernel 1.05x.
GCC_MEMOPS := -mmemset-strategy=vector_loop:256:noalign,libcall:-1:noalign \
	-mmemcpy-strategy=vector_loop:256:noalign,libcall:-1:noalign
ARCH_CFLAGS += $(if $(and $(filter x86_64,$(shell uname -m)),$(IS_GCC)),$(GCC_MEMOPS))
CFLAGS   := $(CFLAGS_BASE) $(ARCH_CFLAGS) $(SAN) $(EXTRA_CFLAGS)
# The runtime is optimised across its files at link time (gcc): models and
# strategies ask the scheduler through small accessor functions, which
# inlining makes as cheap as the field reads they replaced; `make bench`
# measured 1.15-1.35x less CPU time per execution.  Only the core's
# objects are fat (their ordinary code too), since the unit tests link
# them without a link-time compilation: fat, all of them cost 19 of the
# library's 62 s of processor time.  LTO= turns it off (the sanitizer
# and ucontext builds do).
GCC_LTO  := $(if $(IS_GCC),-flto=auto)
LTO      ?= $(GCC_LTO)

CORE_DIRS := arch sched explore sync detect report cli
ifeq ($(CORE_ONLY),1)
LIB_C    := $(sort $(foreach d,$(CORE_DIRS),$(wildcard src/$(d)/*.c)))
LIB_C    := $(filter-out src/detect/race%,$(LIB_C))
else
LIB_C    := $(sort $(wildcard src/*/*.c))
endif
ARCH     := $(shell uname -m)
ifeq ($(ARCH),x86_64)
LIB_S    := src/arch/switch_x86_64.S
else
LIB_S    :=
endif
LIB_OBJ  := $(LIB_C:%.c=$(BUILD)/obj/%.o) $(LIB_S:%.S=$(BUILD)/obj/%.o)
# The runtime is a shared library so that restoring the program's data
# segments before each execution never touches weft's own state;
# weft_main.o is linked into programs.  The static archive is the fuzz
# build's (tools/fuzz.sh: the core, without LTO), built on demand.
LIB      := $(BUILD)/lib/libweft.a
SOLIB    := $(BUILD)/lib/libweft.so
MAINOBJ  := $(BUILD)/lib/weft_main.o
WEFTCC   := $(BUILD)/bin/weft-cc

# The directories of the objects and test programs, made by one mkdir
# before any of them is built: a mkdir in every rule was a process start
# per program, about 1,100 in make test.  They are the targets, grouped
# (&:), so that a directory removed or added later is made again.
# (The test programs' sources are found here, before their rules: the
# list is a prerequisite, expanded as each rule is read.)
WEFT_PROGS_SRC := $(sort $(wildcard tests/detect/*/*.c tests/golden/*.c tests/cli/*.c examples/*.c examples/seeds/*/*.c examples/kernel_driver/*.c bench/*.c))
WEFT_CXX_SRC   := $(sort $(wildcard tests/detect/*/*.cpp))
DIRS := $(sort $(patsubst %/,%,$(dir $(LIB_OBJ) \
	$(addprefix $(BUILD)/,$(WEFT_PROGS_SRC) $(WEFT_CXX_SRC)))))
$(DIRS) &:
	mkdir -p $(DIRS)

.PHONY: all lib test test-all test-main test-sanitize test-ucontext demo bench install clean examples
all: lib $(WEFTCC) $(BUILD)/include examples

lib: $(SOLIB) $(MAINOBJ)

$(BUILD)/obj/%.o: %.c $(wildcard include/weft/*.h include/weft/*/*.h) include/kernel/linux/weft_ext.h $(wildcard src/*.h src/*.def src/*/*.h src/*/*.def) | $(DIRS)
	$(CC) $(CFLAGS) $(LTO) $(FAT) -c $< -o $@

# pthread_once's cleanup (src/pthread/keys.c) runs as a C++ exception
# leaves the initializer.
$(BUILD)/obj/src/pthread/keys.o: CFLAGS += -fexceptions

$(BUILD)/obj/%.o: %.S | $(DIRS)
	$(CC) $(CFLAGS) -c $< -o $@

# Without the objects' LTO sections: a program linking the archive gets
# the ordinary code, not a link-time compilation under weft's flags.
$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^
	$(if $(LTO),objcopy --wildcard -R '.gnu.lto_*' -R '.gnu.debuglto_*' $@)

# weft-cc links a program of one source with ld --wrap=NAME for each call
# it redirects (tools/weft-cc): the program's calls of NAME become calls of
# __wrap_NAME, which this linker script defines as weft's model of NAME
# (__weft_NAME, or __tsan_NAME for the memory intrinsics).  The core-only
# builds (sanitizer, ucontext) have no models: no such names.
# The names are src/modelled.def's (MODELLED_NAME matches an entry and
# keeps its name) and weft-cc's list of memory intrinsics.
MODELLED_NAME := ^WEFT__MODELLED([^,]*, *\([A-Za-z0-9_]*\),.*
WRAP_LD := $(if $(filter 1,$(CORE_ONLY)),,$(BUILD)/lib/wrap.ld)
$(BUILD)/lib/wrap.ld: src/modelled.def tools/weft-cc
	@mkdir -p $(dir $@)
	{ sed -n 's/$(MODELLED_NAME)/__wrap_\1 = __weft_\1;/p' src/modelled.def && \
	  for n in $$(sed -n 's/^intrinsics=(\(.*\))$$/\1/p' tools/weft-cc); do \
		echo "__wrap_$$n = __tsan_$$n;"; done; } > $@.tmp && mv $@.tmp $@

$(SOLIB): $(LIB_OBJ) src/libweft.map $(WRAP_LD)
	@mkdir -p $(dir $@)
	$(CC) -shared $(SAN) $(OPT) $(LTO) -Wl,--version-script=src/libweft.map -o $@ $(LIB_OBJ) $(WRAP_LD) -lpthread -ldl -lm

$(MAINOBJ): src/wrap_main.c src/cli/options.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/include:
	@mkdir -p $(BUILD)
	ln -sfn ../include $@

# weft-cc's list of calls to rename is the names of src/modelled.def.
$(WEFTCC): tools/weft-cc src/modelled.def tools/weft-c++ tools/weft $(SOLIB) $(MAINOBJ) | $(BUILD)/include
	@mkdir -p $(dir $@)
	names=$$(sed -n 's/$(MODELLED_NAME)/\1/p' src/modelled.def | tr '\n' ' ') && \
	[ -n "$$names" ] && sed -e "s/@MODELLED@/$$names/" -e "s/@WRAP@/$(if $(WRAP_LD),1,0)/" tools/weft-cc > $@ && chmod +x $@
	cp tools/weft-c++ $(BUILD)/bin/weft-c++ && chmod +x $(BUILD)/bin/weft-c++
	cp tools/weft $(BUILD)/bin/weft && chmod +x $(BUILD)/bin/weft

# Test programs compiled the way a user compiles them: with weft-cc, and
# with the compilers make was given (exported to weft-cc's environment
# rather than set on its command line, so that make starts weft-cc itself
# and not a shell to run it).
$(BUILD)/%: export WEFT_CC := $(CC)
$(BUILD)/%: export WEFT_CXX := $(CXX)
WEFT_PROGS     := $(WEFT_PROGS_SRC:%.c=$(BUILD)/%)
$(BUILD)/%: %.c $(WEFTCC) $(SOLIB) $(MAINOBJ) | $(DIRS)
	$(WEFTCC) $(SAN) -O1 -g -Wall -Wextra -Werror $< -o $@

# A test and its twin (x_ok.c and x_bug.c) often share one source, one
# including the other: each is rebuilt when the other changes.
TWIN_SRC := $(filter tests/detect/%,$(WEFT_PROGS_SRC))
$(foreach f,$(filter %_ok.c,$(TWIN_SRC)),$(if $(filter $(f:_ok.c=_bug.c),$(TWIN_SRC)),$(eval $(BUILD)/$(f:.c=): $(f:_ok.c=_bug.c))))
$(foreach f,$(filter %_bug.c,$(TWIN_SRC)),$(if $(filter $(f:_bug.c=_ok.c),$(TWIN_SRC)),$(eval $(BUILD)/$(f:.c=): $(f:_bug.c=_ok.c))))

# C++ test programs (tests/detect/cxx/), compiled with weft-c++.
WEFT_PROGS     += $(WEFT_CXX_SRC:%.cpp=$(BUILD)/%)
$(BUILD)/%: %.cpp $(WEFTCC) $(SOLIB) $(MAINOBJ) | $(DIRS)
	$(BUILD)/bin/weft-c++ $(SAN) -O1 -g -Wall -Wextra -Werror $< -o $@
# C++20's waits (tests/detect/cxx20/): std::atomic::wait, latches,
# semaphores and barriers, which libstdc++ builds on the futex.
$(BUILD)/tests/detect/cxx20/%: tests/detect/cxx20/%.cpp $(WEFTCC) $(SOLIB) $(MAINOBJ) | $(DIRS)
	$(BUILD)/bin/weft-c++ $(SAN) -std=c++20 -O1 -g -Wall -Wextra -Werror $< -o $@

# Kernel source (tests/detect/kernel/) compiles against the kernel header
# tree, include/kernel, as weft-cc --kernel=linux selects it.
$(BUILD)/tests/detect/kernel/%: tests/detect/kernel/%.c $(WEFTCC) $(SOLIB) $(MAINOBJ) $(wildcard include/kernel/*/*.h include/kernel/*/*/*.h) | $(DIRS)
	$(WEFTCC) $(SAN) --kernel=linux -O1 -g -Wall -Wextra -Werror $< -o $@

# FreeBSD kernel source (tests/detect/bsdkernel/) against the same tree's
# <sys/*.h>, as weft-cc --kernel=freebsd selects it.
$(BUILD)/tests/detect/bsdkernel/%: tests/detect/bsdkernel/%.c $(WEFTCC) $(SOLIB) $(MAINOBJ) $(wildcard include/kernel/sys/*.h include/kernel/machine/*.h include/kernel/vm/*.h) | $(DIRS)
	$(WEFTCC) $(SAN) --kernel=freebsd -O1 -g -Wall -Wextra -Werror $< -o $@

# So does the example driver (examples/kernel_driver/README.md).
$(BUILD)/examples/kernel_driver/%: examples/kernel_driver/%.c $(WEFTCC) $(SOLIB) $(MAINOBJ) $(wildcard include/kernel/*/*.h include/kernel/*/*/*.h) | $(DIRS)
	$(WEFTCC) $(SAN) --kernel=linux -O1 -g -Wall -Wextra -Werror $< -o $@

examples: $(filter $(BUILD)/examples/%,$(WEFT_PROGS))

# Unit tests link the core's objects directly (no interposed allocator).
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
CORE_OBJ := $(filter $(foreach d,$(CORE_DIRS),$(BUILD)/obj/src/$(d)/%),$(LIB_OBJ))
CORE_OBJ := $(filter-out $(BUILD)/obj/src/detect/race%,$(CORE_OBJ))
$(CORE_OBJ): FAT := $(if $(LTO),-ffat-lto-objects)
$(BUILD)/tests/unit: $(UNIT_SRC) $(CORE_OBJ) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fno-lto $(UNIT_SRC) $(CORE_OBJ) -ldl -o $@

$(BUILD)/tests/runner: tests/runner.c tests/runner_replay.c tests/runner.h \
		src/unexplored.def
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-unknown-warning-option -Wno-format-truncation tests/runner.c tests/runner_replay.c -o $@

# make test is one graph run on every processor: the main build's
# programs, then its runner; the oracles, which need only the library and
# weft-cc; the sanitizer and ucontext builds and their runs.  Run one after
# another they left a processor idle for a fifth of the time (the runner's
# cases that wait, each phase's last long step); as one graph each fills
# the others' gaps.  Each target's output is printed whole when it ends
# (--output-sync), so the runs' reports do not interleave.
TEST_JOBS := $(shell nproc 2>/dev/null || echo 2)
# A sub-make under make test's jobserver shares its processors; run alone
# (make test-sanitize), it takes them all.
SUB_JOBS = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(TEST_JOBS))
test:
	$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target test-all

test-all: test-main test-oracle test-sanitize test-ucontext

# The main build's cases restore the programs' data by written pages
# whatever its size, and compare all of it after each of the first 2,048
# restores of every worker (src/sched/globals.c); after those, as without
# WEFT_RESTORE.  A write that tracking misses shows in the first
# executions of the test that makes it; checking every restore of the
# long searches cost a sixth of the runner's processor time.  The
# sanitizer and ucontext builds keep the default, where small data is
# copied whole.
test-main: all $(WEFT_PROGS) $(BUILD)/tests/unit $(BUILD)/tests/runner
	WEFT_RESTORE=check:2048 $(BUILD)/tests/runner $(BUILD)

# The differential oracle (tools/oracle/): random programs checked against
# a brute-force enumerator written apart from the engine.
include tools/oracle/oracle.mk

# The core's tests under AddressSanitizer and UndefinedBehaviorSanitizer
# (test programs built without weft's TSan-style instrumentation, which
# cannot be combined with ASan).  This build and the ucontext one compile
# the library at -O1, the sanitizers' usual level: at -O3 they cost a
# tenth of make test's processor time more.
SAN_BUILD := $(BUILD)-sanitize
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
# Golden programs marked '//! needs: pthread' (C11 atomics, pthreads) are
# left out of the core-only builds; their runner skips them there.
CORE_GOLDEN := $(filter-out $(shell grep -l '^//! needs: pthread' tests/golden/*.c),$(wildcard tests/golden/*.c))
SAN_PROGS := $(patsubst %.c,$(SAN_BUILD)/%,$(wildcard tests/detect/core/*.c) $(CORE_GOLDEN) tests/cli/prog.c)
test-sanitize:
	WEFT_NO_INSTRUMENT=1 $(MAKE) --no-print-directory $(SUB_JOBS) CORE_ONLY=1 BUILD=$(SAN_BUILD) SAN="$(SAN_FLAGS)" LTO= OPT=-O1 \
		$(SAN_BUILD)/tests/unit $(SAN_BUILD)/tests/runner $(SAN_PROGS)
	ASAN_OPTIONS=detect_leaks=0 $(SAN_BUILD)/tests/runner $(SAN_BUILD) 'unit/*' 'detect/core/*' 'golden/*'

# The core's tests on the portable ucontext context switch (what machines
# other than x86_64 use), built on this one.
UC_BUILD := $(BUILD)-ucontext
UC_PROGS := $(patsubst %.c,$(UC_BUILD)/%,$(wildcard tests/detect/core/*.c) $(CORE_GOLDEN) tests/cli/prog.c)
test-ucontext:
	WEFT_NO_INSTRUMENT=1 $(MAKE) --no-print-directory $(SUB_JOBS) CORE_ONLY=1 BUILD=$(UC_BUILD) EXTRA_CFLAGS=-DWEFT_USE_UCONTEXT LTO= OPT=-O1 \
		$(UC_BUILD)/tests/unit $(UC_BUILD)/tests/runner $(UC_PROGS)
	$(UC_BUILD)/tests/runner $(UC_BUILD) 'unit/*' 'detect/core/*' 'golden/*'

demo: all $(filter $(BUILD)/examples/seeds/%,$(WEFT_PROGS))
	sh examples/seeds/demo.sh $(BUILD)

$(BUILD)/bench/ctxswitch: bench/native/ctxswitch.c $(BUILD)/obj/src/arch/ctx_make.o $(LIB_S:%.S=$(BUILD)/obj/%.o)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fno-lto $^ -lpthread -o $@

bench: all $(filter $(BUILD)/bench/%,$(WEFT_PROGS)) $(BUILD)/bench/ctxswitch
	sh bench/run.sh $(BUILD)

VERSION := $(shell sed -n 's/^\#define WEFT_VERSION "\(.*\)"/\1/p' include/weft/weft.h)

# Also a CMake package (find_package(weft): weft::weft, weft_add_test) and
# the man pages weft(1) and weft-cc(1).
install: all
	install -d $(PREFIX)/bin $(PREFIX)/lib/pkgconfig $(PREFIX)/include/weft \
		$(PREFIX)/lib/cmake/weft $(PREFIX)/share/man/man1
	install -m 644 include/weft/*.h $(PREFIX)/include/weft/
	install -d $(PREFIX)/include/weft/linux
	install -m 644 include/weft/linux/*.h $(PREFIX)/include/weft/linux/
	for d in include/kernel/*/ include/kernel/*/*/; do \
		r=$${d#include/kernel/} && \
		install -d $(PREFIX)/include/weft/kernel/$$r && \
		install -m 644 $$d*.h $(PREFIX)/include/weft/kernel/$$r || exit 1; \
	done
	install -m 644 $(SOLIB) $(MAINOBJ) $(PREFIX)/lib/
	install -m 755 $(WEFTCC) $(PREFIX)/bin/weft-cc
	install -m 755 tools/weft-c++ $(PREFIX)/bin/weft-c++
	install -m 755 tools/weft $(PREFIX)/bin/weft
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' tools/weft.pc.in > $(PREFIX)/lib/pkgconfig/weft.pc
	install -m 644 cmake/weftConfig.cmake $(PREFIX)/lib/cmake/weft/
	sed -e 's|@VERSION@|$(VERSION)|' cmake/weftConfigVersion.cmake.in > $(PREFIX)/lib/cmake/weft/weftConfigVersion.cmake
	install -m 755 cmake/weft-launch $(PREFIX)/lib/cmake/weft/
	install -m 644 man/weft.1 man/weft-cc.1 $(PREFIX)/share/man/man1/

# libFuzzer on the replay-token decoder and the option parser, FUZZ_TIME
# seconds each (tools/fuzz.sh; says how to get libFuzzer when clang
# cannot link it).
FUZZ_TIME ?= 60
.PHONY: fuzz
fuzz:
	MAKE="$(MAKE)" sh tools/fuzz.sh $(BUILD)-fuzz $(FUZZ_TIME)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(UC_BUILD)
