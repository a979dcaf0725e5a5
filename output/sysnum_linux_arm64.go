package output

import "syscall"

// sysRenameat2 is the renameat2(2) system call number.
const sysRenameat2 = syscall.SYS_RENAMEAT2

// sysSyncfs is the syncfs(2) system call number; package syscall does not
// define it.
const sysSyncfs = 267
