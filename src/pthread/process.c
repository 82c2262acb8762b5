/* src/pthread/process.c - calls that make or wait for another process.
 *
 * A test's executions run in one process that weft restores between
 * them: a child process would run, for real, in every execution (999
 * posix_spawn children for one verified program), and a wait for one
 * blocks on what weft cannot control.  Inside an execution each is
 * refused, inconclusive (unsupported: CALL), at the program's call;
 * outside one (a constructor, main's code before a test in the core API)
 * it is the C library's. */
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* The refusal, at the program's call ra (taken by each wrapper before
 * anything else: computed in a cold part of its own, a wrapper's return
 * address would name libweft.so). */
static __attribute__((noinline)) void refuse_process(const char *call,
						     uintptr_t ra)
{
	if (weft__pt_live())
		weft__limit(weft__internf("unsupported: %s", call),
			    weft__pc_loc(ra),
			    "weft cannot control another process (a child "
			    "would run in every execution); test the code "
			    "that runs in one process");
}

/* Outside an execution, the program's own fork runs its pthread_atfork
 * handlers, which weft keeps from the C library (atfork.c). */
pid_t __weft_fork(void)
{
	pid_t pid;

	refuse_process("fork()", PT_RA());
	weft__pt_atfork_run(WEFT__PT_ATFORK_PREPARE);
	pid = fork();
	weft__pt_atfork_run(pid == 0 ? WEFT__PT_ATFORK_CHILD
				     : WEFT__PT_ATFORK_PARENT);
	return pid;
}

int __weft_system(const char *cmd)
{
	refuse_process("system()", PT_RA());
	return system(cmd);
}

pid_t __weft_waitpid(pid_t pid, int *st, int opt)
{
	refuse_process("waitpid()", PT_RA());
	return waitpid(pid, st, opt);
}

pid_t __weft_wait(int *st)
{
	refuse_process("wait()", PT_RA());
	return wait(st);
}

/* The other waits for a child, refused as wait and waitpid are: passed
 * through, they saw weft's own processes (waitid with WNOHANG answered
 * 0, as a worker of weft's was running; a blocking one waited until the
 * time limit), and a program with no child of its own was reported
 * where natively it gets ECHILD (a review). */
pid_t __weft_wait3(int *st, int opt, struct rusage *ru)
{
	refuse_process("wait3()", PT_RA());
	return wait3(st, opt, ru);
}

pid_t __weft_wait4(pid_t pid, int *st, int opt, struct rusage *ru)
{
	refuse_process("wait4()", PT_RA());
	return wait4(pid, st, opt, ru);
}

int __weft_waitid(idtype_t type, id_t id, siginfo_t *info, int opt)
{
	refuse_process("waitid()", PT_RA());
	return waitid(type, id, info, opt);
}

void weft__pt_refuse_wait_syscall(const char *call, uintptr_t ra)
{
	refuse_process(call, ra);
}

FILE *__weft_popen(const char *cmd, const char *mode)
{
	refuse_process("popen()", PT_RA());
	return popen(cmd, mode);
}

/* vfork's child would run on the parent's stack, inside an execution:
 * refused there, and a fork elsewhere (the wrapper's frame would be gone
 * under a vfork child returning from it). */
pid_t __weft_vfork(void)
{
	refuse_process("vfork()", PT_RA());
	return fork();
}

int __weft_posix_spawn(pid_t *pid, const char *path,
		       const posix_spawn_file_actions_t *fa,
		       const posix_spawnattr_t *at, char *const argv[],
		       char *const envp[])
{
	refuse_process("posix_spawn()", PT_RA());
	return posix_spawn(pid, path, fa, at, argv, envp);
}

int __weft_posix_spawnp(pid_t *pid, const char *file,
			const posix_spawn_file_actions_t *fa,
			const posix_spawnattr_t *at, char *const argv[],
			char *const envp[])
{
	refuse_process("posix_spawnp()", PT_RA());
	return posix_spawnp(pid, file, fa, at, argv, envp);
}

/* clone's trailing arguments (parent_tid, tls, child_tid) are read only
 * when its flags ask for them: passed on as the caller gave them. */
int __weft_clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	void *ptid, *tls, *ctid;
	va_list ap;

	refuse_process("clone()", PT_RA());
	va_start(ap, arg);
	ptid = va_arg(ap, void *);
	tls = va_arg(ap, void *);
	ctid = va_arg(ap, void *);
	va_end(ap);
	return clone(fn, stack, flags, arg, ptid, tls, ctid);
}

/* The program's parent is the process that started it (a shell, a test
 * harness), not weft's own process that runs its executions: a program
 * that signals its supervisor with kill(getppid(), SIGUSR1) killed weft,
 * and the report was lost (a helper's probe). */
pid_t __weft_getppid(void)
{
	pid_t p = weft__launch_ppid();

	return p > 0 ? p : getppid();
}

/* A signal to another process (the parent, a process group) would be
 * sent again in every execution, and weft cannot take one back: refused
 * inside an execution, as a child process is.  A signal to the process
 * itself, and kill(pid, 0), which sends nothing, are the C library's. */
static __attribute__((noinline)) void refuse_signal(const char *call,
						    pid_t pid, uintptr_t ra)
{
	weft__limit(weft__internf("unsupported: %s", call), weft__pc_loc(ra),
		    "%s to %s %d: a signal to another process would be sent "
		    "in every execution of the search, and weft cannot take "
		    "it back", call, pid > 0 ? "process" : "process group",
		    pid < 0 ? (int)-pid : (int)pid);
}

int __weft_kill(pid_t pid, int sig)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live() && sig != 0 && pid != getpid())
		refuse_signal("kill", pid, ra);
	/* To the process itself it goes to one of its threads, by their
	 * masks (sigmask.c). */
	if (weft__pt_live() && sig != 0)
		return weft__pt_sig_kill_self(sig, weft__pc_loc(ra));
	return kill(pid, sig);
}

/* sigqueue and killpg reach other processes as kill does (a review). */
int __weft_sigqueue(pid_t pid, int sig, const union sigval value)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live() && sig != 0 && pid != getpid())
		refuse_signal("sigqueue", pid, ra);
	/* (SIGKILL and the stop signals to the process itself, as kill's.) */
	if (weft__pt_live())
		weft__pt_sig_uncatchable(sig, "sigqueue", weft__pc_loc(ra));
	return sigqueue(pid, sig, value);
}

int __weft_killpg(pid_t pgrp, int sig)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live() && sig != 0)
		refuse_signal("killpg", pgrp > 0 ? -pgrp : pgrp, ra);
	return killpg(pgrp, sig);
}
