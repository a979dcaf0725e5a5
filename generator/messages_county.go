package generator

import "qingdan/msg"

// The problems of the list's history (changes.toml's [[change.adjust]],
// content/published.json) and of a county's departments.
var (
	histKindUnknown   = msg.New("history.kind_unknown", "没有 %q 这种条目类别", "unknown kind of entry %q")
	histKindFix       = msg.New("history.kind_unknown.hint", "kind 只能是：%s（单位、主要职责、具体工作事项、职责边界事项、公共服务事项、监督管理制度）", "kind is one of %s")
	histActionUnknown = msg.New("history.action_unknown", "没有 %q 这种调整", "unknown action %q")
	histActionFix     = msg.New("history.action_unknown.hint", "action 只能是：新增、调整、取消、改号、合并", "action is one of 新增 (added), 调整 (changed), 取消 (removed), 改号 (renamed), 合并 (merged)")
	histToMissing     = msg.New("history.to_missing", "%s的条目 %q 没有写 to", "%s of %q does not say what it became")
	histToMissingFix  = msg.New("history.to_missing.hint", "%s时写 to = \"新编号\"：承接它的同类条目的编号", "for %s write to = \"id\": the id of the entry of the same kind that takes its place")
	histToUnused      = msg.New("history.to_unused", "%s时不写 to", "to is not used with %s")
	histToUnusedFix   = msg.New("history.to_unused.hint", "删掉 to；只有取消、改号、合并的条目才写承接它的编号", "remove to; only entries that are removed, renamed or merged name where their work went")
	histStillThere    = msg.New("history.still_there", "%s %q 还在清单里，调整记录却写着“%s”", "%s %q is still in the list, but its adjustment says %s")
	histStillThereFix = msg.New("history.still_there.hint", "确实取消了就从内容文件中删掉它；没有取消就改正这条调整记录。编号永不复用：恢复一个取消的条目，要再加一条 action = \"新增\" 的调整记录", "if it was removed, delete it from the content; if not, correct this adjustment. Ids are never reused: to bring a removed entry back, add an adjustment with action = \"新增\"")
	histNotThere      = msg.New("history.not_there", "%s %q 不在清单里，最后一条调整记录是“%s”", "%s %q is not in the list, but its last adjustment is %s")
	histNotThereFix   = msg.New("history.not_there.hint", "检查编号有没有写错；条目已取消的，加一条 action = \"取消\" 的调整记录", "check the id; if the entry was removed, add an adjustment with action = \"取消\"")
	histToUnknown     = msg.New("history.to_unknown", "to = %q 不是清单里的%s", "to = %q is not a %s of the list")
	histToUnknownFix  = msg.New("history.to_unknown.hint", "写承接它的%s的编号，它必须在清单里；没有承接的条目就删掉 to", "write the id of the %s that takes its work, which must be in the list; if none does, remove to")
	histUnrecorded    = msg.New("history.unrecorded", "已发布的%s %q（%s）不在清单里了，也没有取消它的调整记录", "the published %s %q (%s) is no longer in the list, and no adjustment removes it")
	histUnrecordedFix = msg.New("history.unrecorded.hint",
		"发布过的编号是公开记录，不能悄悄删掉。在 changes.toml 最上面加一条 [[change]]（写 date、title、notice = \"文号\"），其下加 [[change.adjust]]：kind = %q、id = %q、action = \"取消\"（工作转给了别的条目就加 to = \"它的编号\"；只是改了编号写 action = \"改号\"）。删错了就把它恢复",
		"published ids are a public record and never silently disappear. Add a [[change]] at the top of changes.toml (date, title, notice = \"文号\") with a [[change.adjust]]: kind = %q, id = %q, action = \"取消\" (add to = \"id\" when another entry takes its work; for a new id write action = \"改号\"). If it was deleted by mistake, restore it")
	histMoved    = msg.New("history.moved", "具体工作事项 %q 发布时在主要职责 %q 下，现在移到了 %q 下，却没有调整记录", "work item %q was published under duty %q and is now under %q, but no adjustment records the move")
	histMovedFix = msg.New("history.moved.hint",
		"发布过的网址是公开记录：原职责页面会保留这一事项的位置，说明它移到了哪里、依据哪个文件。在 changes.toml 最上面加一条 [[change]]（写 date、title、notice = \"文号\"），其下加 [[change.adjust]]：kind = \"item\"、id = %q、action = \"调整\"",
		"published URLs are a public record: the old duty's page keeps the item's place, saying where it went and by which notice. Add a [[change]] at the top of changes.toml (date, title, notice = \"文号\") with a [[change.adjust]]: kind = \"item\", id = %q, action = \"调整\"")

	manifestTooBig     = msg.New("manifest.too_big", "已发布编号记录有 %d MB，超过上限 %d MB", "the record of published ids is %d MB, more than the limit of %d MB")
	manifestUnreadable = msg.New("manifest.unreadable", "读不出已发布编号记录：%v", "cannot read the record of published ids: %v")
	manifestBadEntry   = msg.New("manifest.bad_entry", "已发布编号记录中有一条写法不对（kind %q，id %q）", "an entry of the record of published ids is not valid (kind %q, id %q)")
	manifestBrokenFix  = msg.New("manifest.broken.hint", "这个文件由 qingdan build 生成，请勿手改；从版本库恢复它：git checkout -- content/published.json", "qingdan build writes this file; never edit it. Restore it from the repository: git checkout -- content/published.json")

	boundaryMissing    = msg.New("county.boundary_missing", "%s的职责边界事项“%s”写了%s的职责，但%s的清单里没有这一事项", "%s's boundary matter %s says what %s does, but %s's list has no such matter")
	boundaryMissingFix = msg.New("county.boundary_missing.hint", "请%s在其 boundaries.toml 中加上“%s”（事项名称两边一致），或核对本条的部门名称；该部门的职责边界见 %sboundaries/", "ask %s to add %s to its boundaries.toml (with the same title), or check the department's name here; its boundaries are at %sboundaries/")
	boundaryNoLead     = msg.New("county.boundary_no_lead", "%s的职责边界事项“%s”没有写明它自己的职责（lead = true 的一行）", "%s's boundary matter %s does not mark its own role (lead = true)")
	boundaryNoLeadFix  = msg.New("county.boundary_no_lead.hint", "该事项在 %s", "the matter is at %s")
	boundaryDiffer     = msg.New("county.boundary_differ", "职责边界事项“%s”：%s写%s的职责是“%s”，该部门的清单（%s）写的是“%s”", "boundary matter %s: %s says %s does %s, but that department's list (%s) says %s")
	boundaryDifferFix  = msg.New("county.boundary_differ.hint", "两边的文字要一字不差：和 %s（%s）商定后，改正其中一处", "both lists must say it word for word: agree with the other side (%s, %s) and correct one of them")
)
