/* src/arch/switch_x86_64.S - fiber context switch for x86_64 (System V).
 *
 * The System V ABI makes rbx, rbp, r12-r15 callee-saved; the x87 control
 * word and MXCSR control bits are callee-saved as well.  Everything else is
 * clobbered by a call, so the compiler has already spilled it.  A suspended
 * fiber's stack therefore holds, from its saved stack pointer upwards:
 *
 *     sp+0   MXCSR (4 bytes) and x87 control word (2 bytes), in 8 bytes
 *     sp+8   r15
 *     sp+16  r14
 *     sp+24  r13
 *     sp+32  r12
 *     sp+40  rbx
 *     sp+48  rbp
 *     sp+56  return address (where the fiber resumes)
 *
 * weft__ctx_switch(from = rdi, to = rsi): push the callee-saved state on the
 * current stack, store rsp in from->sp, load to->sp, pop the state saved
 * there and return into the other fiber.
 *
 * The thread pointer (the %fs base) is part of a context when fibers have
 * their own TLS blocks (src/arch/tls.c): the current one, read from the
 * TCB's self pointer at %fs:0, is saved in from->tp, and to->tp, when set
 * and different, becomes the %fs base, with wrfsbase where the kernel
 * allows it (weft__tls_wrfsbase) and arch_prctl(ARCH_SET_FS) otherwise.
 * A context with no tp of its own (0) keeps the current one.
 *
 * r9 and r10 carry the MXCSR and control word just saved over the switch
 * of stacks (the system call clobbers rax, rcx and r11 only), so that the
 * resumed fiber's are loaded only when they differ.
 */
#ifndef WEFT_USE_UCONTEXT /* the fallback replaces this file */
/* Set by src/arch/tls.c when the CPU and kernel allow wrfsbase. */
	.data
	.globl	weft__tls_wrfsbase
	.hidden	weft__tls_wrfsbase
	.type	weft__tls_wrfsbase, @object
	.size	weft__tls_wrfsbase, 1
weft__tls_wrfsbase:
	.byte	0

	.text
	.globl	weft__ctx_switch
	.type	weft__ctx_switch, @function
weft__ctx_switch:
	.cfi_startproc
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movl	(%rsp), %r9d		/* the current MXCSR and control */
	movzwl	4(%rsp), %r10d		/* word, kept past the syscall */
	movq	%rsp, (%rdi)
	movq	%fs:0, %rax
	movq	%rax, 8(%rdi)
	movq	8(%rsi), %rdx
	testq	%rdx, %rdx
	jz	2f
	cmpq	%rax, %rdx
	je	2f
	cmpb	$0, weft__tls_wrfsbase(%rip)
	je	1f
	wrfsbase %rdx
	jmp	2f
1:	movq	%rsi, %r8		/* the syscall clobbers rcx and r11 */
	movl	$158, %eax		/* SYS_arch_prctl */
	movl	$0x1002, %edi		/* ARCH_SET_FS */
	movq	%rdx, %rsi
	syscall
	movq	%r8, %rsi
2:	movq	(%rsi), %rsp
	/* Loading MXCSR or the control word costs more than the rest of
	 * the switch, and fibers nearly always have the same ones: load
	 * only a value that differs. */
	cmpl	(%rsp), %r9d
	je	3f
	ldmxcsr (%rsp)
3:	cmpw	4(%rsp), %r10w
	je	4f
	fldcw	4(%rsp)
4:	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.cfi_endproc
	.size	weft__ctx_switch, .-weft__ctx_switch

/* First entry of a new fiber: weft__ctx_make leaves entry in r12 and its
 * argument in r13 and points the return address here.  The stack is 16-byte
 * aligned at the call, as the ABI requires; entry never returns. */
	.globl	weft__ctx_trampoline
	.type	weft__ctx_trampoline, @function
weft__ctx_trampoline:
	.cfi_startproc
	.cfi_undefined rip
	movq	%r13, %rdi
	callq	*%r12
	ud2
	.cfi_endproc
	.size	weft__ctx_trampoline, .-weft__ctx_trampoline

#endif

	.section .note.GNU-stack,"",@progbits
