package output

import (
	"testing"

	"qingdan/msg"
)

func TestCatalogue(t *testing.T) { msg.Check(t) }

func TestStatsInBothLanguages(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	st := Stats{Written: 3, Changed: 1, Unchanged: 2}
	if got := st.String(); got != "3 个文件：1 个有变化，2 个未变，0 个删除" {
		t.Errorf("zh: %s", got)
	}
	msg.SetLang(msg.EN)
	if got := st.String(); got != "3 files: 1 changed, 2 unchanged, 0 removed" {
		t.Errorf("en: %s", got)
	}
}
