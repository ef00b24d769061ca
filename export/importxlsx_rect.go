package export

import "rendadesk/store"

// rectImportColumns are the columns of a 整改事项 sheet (issue 17): the 整改清单 a 主席团 keeps, or the one a
// campaign or an inquiry handed over, one item a row.
var rectImportColumns = []importColumn{
	{label: "整改事项", aliases: []string{"整改意见", "问题", "存在问题", "整改内容", "意见建议", "问题清单"}, required: true,
		example: "群众办事排队时间长，窗口服务效率不高(示例)", template: true},
	{label: "责任单位", aliases: []string{"整改单位", "承办单位", "牵头单位", "责任部门"}, kind: cRef, required: true, example: "镇派出所",
		template: true, hint: "承办单位名册中的单位名称"},
	{label: "来源", aliases: []string{"整改来源", "问题来源"}, choices: store.RectSources, example: store.RectFromCampaign, template: true},
	{label: "整改阶段", aliases: []string{"阶段", "整改类别", "整改期限类别"}, choices: store.RectPhases, required: true,
		example: store.PhaseAtOnce, template: true},
	{label: "提出日期", aliases: []string{"交办日期", "提出时间", "日期"}, kind: cDate, example: "2024-06-28", template: true,
		hint: "空着为今天"},
	{label: "整改时限", aliases: []string{"完成时限", "整改期限", "时限"}, kind: cDate, template: true, hint: "空着按整改阶段推算"},
	{label: "整改要求", aliases: []string{"要求", "具体要求"}, template: true},
	{label: "备注", aliases: []string{"说明"}, template: true},
}
