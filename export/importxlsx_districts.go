package export

import (
	"strconv"
	"strings"

	"rendadesk/store"
)

// districtImportColumns are the columns of a 选区 sheet (issue 16): the register a clerk keeps before an
// election, one 选区 a row. 现任代表 and 缺额, which DistrictsXLSX adds, are the register's own and not read.
var districtImportColumns = []importColumn{
	{label: "层级", aliases: []string{"代表层级", "选区层级"}, norm: store.NormLevel, choices: store.DeputyLevels, example: store.LevelTown,
		template: true, hint: "空着为镇级"},
	{label: "选区编号", aliases: []string{"选区", "编号", "选区号", "选区序号"}, kind: cWhole, required: true, example: "3(示例)", template: true,
		hint: "写成 3 或 第3选区"},
	{label: "片区名称", aliases: []string{"片区", "选区名称", "名称"}, example: "联霞片区", template: true},
	{label: "所辖村(居)", aliases: []string{"所辖村", "包含村(居)", "所辖村(社区)", "村(居)", "范围", "选区范围"}, example: "青山村、河东村",
		template: true},
	{label: "应选代表名额", aliases: []string{"应选名额", "名额", "代表名额", "应选人数", "应选代表数"}, kind: cWhole, required: true,
		example: "2", template: true},
	{label: "选民数", aliases: []string{"选民人数", "登记选民数", "选民"}, kind: cWhole, example: "1850", template: true, hint: "可以空着"},
	{label: "备注", aliases: []string{"说明"}, template: true},
}

// parseCount reads a whole number as clerks write it: 3, 第3选区, 2名, 1,850, 十二 (ok false for none).
func parseCount(s string) (int, bool) {
	s = strings.NewReplacer(",", "", "，", "", " ", "").Replace(foldFullWidth(s))
	if strings.ContainsAny(s, ".-") { // 1.5, -2: not a count
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 0
	}
	n := store.ParseDistrict(s)
	return n, n > 0
}
