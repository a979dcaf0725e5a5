package output

import "qingdan/msg"

// Messages of the folder swap where two folders cannot be exchanged in one
// step (swapByRenames, restoreAside).
var (
	msgRestoreAside = msg.New("output.restore_aside",
		"上次生成在替换网站时被中断，旧网站留在 %s，放回原处失败：%v",
		"a killed build left the previous site in %s, and putting it back failed: %v")
	msgRollback = msg.New("output.rollback",
		"%v；放回旧网站也失败（%v）：旧网站在 %s，下次生成时会先把它放回",
		"%v; putting the previous site back also failed (%v): it is in %s, and the next build puts it back first")
)
