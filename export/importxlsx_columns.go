package export

import "rendadesk/store"

// The columns an import file may have, for each kind: the headers a clerk may write for a field (its label or
// an alias), how its cells are read, and what the template shows for it.

// colKind is how a column's cells are read.
type colKind int

const (
	cText      colKind = iota // text, trimmed
	cName                     // a person's name: 王　芳 (padded to line up) becomes 王芳
	cDate                     // a day: 2024-03-05, 2024年3月5日, 20240305, an Excel date
	cYearMonth                // a birth month: 1968.05, 1968年5月, an Excel date
	cPhone                    // a phone number: digits kept as written
	cBool                     // 是/否, √/×, or the column's own words (职务代表/非职务代表)
	cStars                    // 0–5: 3, 3星, 三星, ★★★
	cList                     // several values: 镇级、县级
	cRef                      // the name of one record, resolved by store.PlanImport
	cRefs                     // the names of several records
	cHave                     // one item of a station's 「六个有」
	cHaves                    // the 「六个有」 as one column: the items met
	cWorkPost                 // 工作单位及职务 in one column
	cSeats                    // 当选日期: one day for every level, or a day per level (镇级2021-12-01、县级2022-03-05)
	cCount                    // a number of ballots (a whole number, 0 or more), or a score into a float field
	cInt                      // a whole number: 3, 3人
	cWhole                    // a whole number: 3, 第3选区, 2名, 1,850 (importxlsx_districts.go)
)

// importColumn is one column an import file may have.
type importColumn struct {
	label    string   // the field's label tag (or 主办单位, 交办日期 …), and the template's header
	aliases  []string // other headers for it
	kind     colKind
	required bool                // marked (必填) in the template
	norm     func(string) string // a clerk's word → the stored value (store/aliases.go); unknown words come back as written
	choices  []string            // the template's drop-down when the values are fixed
	example  string              // the template's example row
	hint     string              // the template's prompt for the cell
	template bool                // in the template (some columns are only read)
	trueWord string              // cBool: the column's own word for yes (职务代表, 新任)
	falseWrd string              // and for no (非职务代表, 连任)
}

var (
	villageAliases = []string{"村(居)", "所在村", "村居", "村(社区)", "所在村(社区)", "社区", "所在社区", "村别", "所属村(居)"}
	phoneAliases   = []string{"手机", "电话", "手机号码", "手机号", "联系方式", "移动电话", "电话号码", "办公电话", "固定电话"}
)

var deputyImportColumns = []importColumn{
	{label: "姓名", aliases: []string{"代表姓名", "名字"}, kind: cName, required: true, example: "王建国(示例)", template: true},
	{label: "性别", norm: store.NormGender, choices: store.Genders, example: "男", template: true},
	{label: "民族", example: "汉族", template: true},
	{label: "出生年月", aliases: []string{"出生日期", "出生年月日", "生日", "出生年份"}, kind: cYearMonth, example: "1968.05", template: true,
		hint: "写成 1968.05 或 1968年5月"},
	{label: "政治面貌", aliases: []string{"党派", "政治身份"}, example: "中共党员", template: true},
	{label: "文化程度", aliases: []string{"学历", "文化", "最高学历"}, example: "大学本科", template: true},
	{label: "工作单位", aliases: []string{"单位", "工作单位名称"}, example: "青山村村民委员会", template: true},
	{label: "职务", aliases: []string{"现任职务", "职业", "职称"}, example: "党支部书记", template: true},
	{label: "工作单位及职务", aliases: []string{"单位及职务", "工作单位和职务", "工作单位、职务", "单位职务", "工作单位职务"}, kind: cWorkPost},
	{label: "联系电话", aliases: phoneAliases, kind: cPhone, example: "13812345678", template: true},
	{label: "所在村(居)", aliases: villageAliases, example: "青山村", template: true},
	{label: "届次", aliases: []string{"届别", "所属届次"}, kind: cRef, example: "第十八届", template: true, hint: "空着表示本届"},
	{label: "选区", aliases: []string{"选区号", "所在选区", "选区编号", "选区名称"}, example: "第1选区", template: true},
	{label: "代表小组", aliases: []string{"小组", "所属小组", "所在小组", "代表组", "所属代表小组"}, kind: cRef, example: "第一代表小组", template: true},
	{label: "代表层级", aliases: []string{"层级", "级别", "代表级别", "代表类别"}, kind: cList, norm: store.NormLevel, example: "镇级", template: true,
		hint: "可填多个，用顿号分开，如：镇级、县级"},
	{label: "当选日期", aliases: []string{"补选日期", "当选(补选)日期", "当选时间", "任职日期", "任职时间", "当选或补选日期"}, kind: cSeats,
		example: "2021-12-01", template: true,
		hint: "空着表示本届开始日期；补选的代表填写补选日期；各级日期不同时写成 镇级2021-12-01、县级2022-03-05"},
	{label: "代表构成", aliases: []string{"构成", "身份", "代表身份", "结构", "代表结构"}, kind: cList, example: "村(社区)干部", template: true,
		hint: "可填多个，用顿号分开"},
	{label: "职务角色", aliases: []string{"角色", "人大职务", "代表职务", "担任职务"}, kind: cList, template: true, hint: "可填多个，用顿号分开"},
	{label: "职务代表", aliases: []string{"是否职务代表", "职务/非职务", "职务或非职务"}, kind: cBool, trueWord: "职务代表", falseWrd: "非职务代表",
		choices: []string{"职务代表", "非职务代表"}, example: "非职务代表", template: true},
	{label: "新任", aliases: []string{"新任/连任", "是否新任", "新任或连任", "新任连任"}, kind: cBool, trueWord: "新任", falseWrd: "连任",
		choices: []string{"新任", "连任"}, example: "新任", template: true},
	{label: "状态", aliases: []string{"在任状态", "代表状态", "任职状态"}, norm: store.NormDeputyStatus, choices: store.DeputyStatuses, example: "在任", template: true},
	{label: "出缺原因", aliases: []string{"缺额原因", "离任原因"}, norm: store.NormVacancyReason, choices: store.VacancyReasons, template: true},
	{label: "出缺日期", aliases: []string{"出缺时间", "离任日期"}, kind: cDate, template: true, hint: "写成 2024-03-05"},
	{label: "进站", aliases: []string{"进站联络站", "所在联络站", "联络站", "家站点", "所进站点", "进站站点"}, kind: cRefs, template: true,
		hint: "联络站名称，可填多个，用顿号分开"},
	{label: "备注", aliases: []string{"说明"}, template: true},
}

var stationImportColumns = []importColumn{
	{label: "名称", aliases: []string{"站点名称", "联络站名称", "家站点名称", "站名", "名字", "联络站"}, required: true,
		example: "青山村代表联络站(示例)", template: true},
	{label: "类型", aliases: []string{"站点类型", "类别", "家站点类型"}, required: true, norm: store.NormStationType, choices: store.StationTypes,
		example: "代表联络站", template: true},
	{label: "所在村(居)", aliases: villageAliases, example: "青山村", template: true},
	{label: "地址", aliases: []string{"详细地址", "站点地址", "位置", "所在地址"}, example: "青山村村委会二楼", template: true},
	{label: "建成日期", aliases: []string{"建站日期", "建成时间", "成立日期", "建立时间", "挂牌日期", "挂牌时间", "建站时间"}, kind: cDate,
		example: "2022-06-01", template: true, hint: "写成 2022-06-01 或 2022年6月1日"},
	{label: "联系人", aliases: []string{"负责人", "站长"}, kind: cName, example: "李堃", template: true},
	{label: "联系电话", aliases: phoneAliases, kind: cPhone, example: "0571-88881234", template: true},
	{label: "接待安排", aliases: []string{"接待时间", "接待日", "活动日", "接待日安排", "接待选民时间"}, example: "每月10日", template: true},
	{label: "六个有", aliases: []string{"六有", "六个有情况"}, kind: cHaves},
	{label: "固定场所", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "醒目标识", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "代表信息", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "健全制度", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "活动计划", kind: cHave, choices: []string{"有", "无"}, example: "无", template: true},
	{label: "台账资料", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "星级", aliases: []string{"星级评定", "星级评定结果"}, kind: cStars, choices: []string{"0", "1", "2", "3", "4", "5"}, example: "3", template: true},
	{label: "状态", aliases: []string{"站点状态", "使用状态"}, norm: store.NormStationStatus, choices: store.StationStatuses, example: "在用", template: true},
	{label: "进站代表", aliases: []string{"进站代表名单", "驻站代表", "代表"}, kind: cRefs, example: "王建国、李堃", template: true,
		hint: "代表姓名，可填多个，用顿号分开；同名时写成 张伟(第一代表小组)"},
	{label: "备注", aliases: []string{"说明"}, template: true},
}

var suggestionImportColumns = []importColumn{
	{label: "编号", aliases: []string{"建议编号", "案号", "建议号"}, example: "", template: true, hint: "空着时自动编号"},
	{label: "标题", aliases: []string{"建议标题", "案由", "题目", "建议名称", "事由", "建议题目"}, required: true,
		example: "关于修缮青山村村道的建议(示例)", template: true},
	{label: "类型", aliases: []string{"建议类型", "种类"}, norm: store.NormKind, choices: store.SuggestionKinds, example: store.KindSuggestion, template: true},
	{label: "提出时段", aliases: []string{"时段", "提出时间段", "会期", "提出时期"}, norm: store.NormPeriod, choices: store.Periods, example: store.PeriodRecess, template: true},
	{label: "人代会", aliases: []string{"人代会会议", "所属会议", "会次", "大会会次"}, kind: cRef, template: true, hint: "人代会期间提出的，填写是哪次会议，如：十八届三次"},
	{label: "来源", aliases: []string{"建议来源", "来源渠道"}, example: "代表提出", template: true},
	{label: "来源活动", aliases: []string{"来源会议", "活动名称", "来源活动名称"}, kind: cRef, template: true},
	{label: "来源联络站", aliases: []string{"联络站", "家站点", "来源站点", "来源家站点"}, kind: cRef, template: true},
	{label: "领衔代表", aliases: []string{"提出代表", "领衔人", "提出人", "代表", "代表姓名", "建议人"}, kind: cRef, example: "王建国", template: true,
		hint: "选民意见建议可空着；同名时写成 张伟(第一代表小组)"},
	{label: "联名代表", aliases: []string{"附议代表", "附议人", "附议", "联名"}, kind: cRefs, template: true, hint: "可填多个，用顿号分开"},
	{label: "选民姓名", aliases: []string{"选民", "反映人", "反映人姓名"}, kind: cName, template: true},
	{label: "选民联系方式", aliases: []string{"选民电话", "选民联系电话", "反映人电话"}, template: true},
	{label: "内容", aliases: []string{"建议内容", "主要内容", "具体内容", "正文", "内容摘要"}, example: "村道破损严重，雨天积水，建议尽快修缮。", template: true},
	{label: "类别", aliases: []string{"分类", "建议类别", "所属类别", "内容类别"}, required: true, example: "城乡建设", template: true},
	{label: "涉及层面", aliases: []string{"层面", "层级", "涉及层级", "所属层面"}, required: true, norm: store.NormScope, example: "镇级", template: true},
	{label: "重点/一般", aliases: []string{"重点", "是否重点", "重点建议", "重点或一般", "优先级"}, norm: store.NormPriority, choices: store.Priorities,
		example: "一般", template: true},
	{label: "收到日期", aliases: []string{"提出日期", "收到时间", "提出时间", "登记日期", "日期", "收件日期"}, kind: cDate, required: true,
		example: "2024-03-05", template: true, hint: "写成 2024-03-05 或 2024年3月5日"},
	{label: "主办单位", aliases: []string{"承办单位", "主办", "交办单位"}, kind: cRef, template: true, hint: "已交办的填写；同时要填交办日期"},
	{label: "协办单位", aliases: []string{"协办"}, kind: cRefs, template: true},
	{label: "交办日期", aliases: []string{"交办时间"}, kind: cDate, template: true},
	{label: "办理时限", aliases: []string{"办结时限", "时限", "办理期限"}, kind: cDate, template: true, hint: "空着时按设置的办理时限计算"},
}

// importColumns returns the columns of a kind.
func importColumns(kind store.ImportKind) []importColumn {
	switch kind {
	case store.ImportDeputies:
		return deputyImportColumns
	case store.ImportStations:
		return stationImportColumns
	case store.ImportSuggestions:
		return suggestionImportColumns
	case store.ImportRectifications:
		return rectImportColumns // importxlsx_rect.go
	case store.ImportEvalTargets:
		return targetImportColumns // importxlsx_targets.go
	case store.ImportPetitions:
		return petitionImportColumns // importxlsx_petition.go
	case store.ImportDistricts:
		return districtImportColumns // importxlsx_districts.go
	case store.ImportArticles:
		return articleImportColumns // importxlsx_articles.go (issue 22 part 6)
	}
	return nil
}

// keyColumn is the column a row cannot do without: the name, or the title.
func keyColumn(kind store.ImportKind) string {
	if kind == store.ImportSuggestions || kind == store.ImportArticles {
		return "标题"
	}
	if kind == store.ImportStations {
		return "名称"
	}
	if kind == store.ImportRectifications {
		return "整改事项"
	}
	if kind == store.ImportEvalTargets {
		return "被评议单位"
	}
	if kind == store.ImportPetitions {
		return "事由"
	}
	if kind == store.ImportDistricts {
		return "选区编号"
	}
	return "姓名"
}
