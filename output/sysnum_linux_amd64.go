package output

// sysRenameat2 is the renameat2(2) system call number; package syscall does
// not define it for amd64.
const sysRenameat2 = 316
