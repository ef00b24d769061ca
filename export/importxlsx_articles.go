package export

import "rendadesk/store"

// articleImportColumns are the columns of a 宣传稿件 list (issue 22 part 6): the list a clerk keeps of the year's
// pieces for the 宣传 reward and the assessment, one piece a row.
var articleImportColumns = []importColumn{
	{label: "刊发日期", aliases: []string{"日期", "发表日期", "采用日期", "刊登日期", "播出日期", "发稿日期", "时间"}, kind: cDate, required: true,
		example: "2024-03-05", template: true, hint: "写成 2024-03-05 或 2024年3月5日"},
	{label: "标题", aliases: []string{"稿件标题", "题目", "篇名", "信息标题", "稿件名称"}, required: true, example: "镇人大开展代表活动日活动(示例)",
		template: true},
	{label: "媒体/平台", aliases: []string{"媒体", "平台", "刊发媒体", "采用媒体", "发表媒体", "刊物", "报刊", "媒体名称", "刊发单位"}, required: true,
		example: "县人大网站", template: true},
	{label: "级别", aliases: []string{"媒体级别", "层级", "采用级别", "刊发级别"}, norm: store.NormOutletLevel, required: true,
		choices: store.OutletLevels, example: store.OutletCounty, template: true},
	{label: "类型", aliases: []string{"稿件类型", "类别", "种类"}, choices: store.ArticleKinds, example: store.ArticlePublicity, template: true,
		hint: "空着为宣传稿件"},
	{label: "作者", aliases: []string{"作者姓名", "撰稿人", "通讯员", "供稿人", "信息员"}, example: "刘芳、王建国", template: true,
		hint: "代表或工作人员，多人用顿号分开"},
	{label: "备注", aliases: []string{"说明"}, template: true},
}

// ArticleList is the pieces as an exported list whose columns are the import's (刊发日期, 标题, 媒体/平台, 级别,
// 类型, 作者, 备注), so that a list exported, corrected in Excel and imported again updates the same pieces.
func ArticleList(as []store.Article) (headers []string, rows [][]string) {
	for _, c := range articleImportColumns {
		headers = append(headers, c.label)
	}
	for _, a := range as {
		rows = append(rows, []string{string(a.Date), a.Title, a.Outlet, a.Level, a.Kind, a.Authors, a.Notes})
	}
	return headers, rows
}
