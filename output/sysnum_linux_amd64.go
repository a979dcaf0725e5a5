package output

// sysRenameat2 is the renameat2(2) system call number; package syscall does
// not define it for amd64.
const sysRenameat2 = 316

// sysSyncfs is the syncfs(2) system call number; package syscall does not
// define it.
const sysSyncfs = 306
