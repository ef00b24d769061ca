package export

import (
	"strconv"
	"strings"

	"rendadesk/store"
)

// The 选区 register as a workbook (设置 → 选区 → 导出, `rendadesk export districts`): the columns of the 选区
// import, so that the file can be corrected and imported again (rows matched by 层级 and 选区编号), and two
// columns of the register's own that the import passes over: who holds its seats and how many are vacant.

const (
	districtHoldersHeader = "现任代表"
	districtVacantHeader  = "缺额"
)

// DistrictsTitle is the register's title and file name: 青山镇人大代表选区名册.
func DistrictsTitle(township string) string { return township + "人大代表选区名册" }

// DistrictsXLSX writes the register, rolls as store.DistrictRolls gives them for a day (the seats held then),
// to path: a title row, the header, one 选区 a row.
func DistrictsXLSX(path, title string, rolls []store.DistrictRoll) error {
	headers := []string{"层级", "选区编号", "片区名称", "所辖村(居)", "应选代表名额", "选民数", districtHoldersHeader, districtVacantHeader, "备注"}
	rows := make([][]string, 0, len(rolls))
	for _, r := range rolls {
		var names []string
		for _, s := range r.Seats {
			names = append(names, s.Name)
		}
		voters, vacant := "", ""
		if r.Voters > 0 {
			voters = strconv.Itoa(r.Voters)
		}
		if n := r.Vacant(); n > 0 {
			vacant = strconv.Itoa(n)
		}
		rows = append(rows, []string{r.Level, strconv.Itoa(r.Number), r.Name, r.Villages, strconv.Itoa(r.District.Seats), voters,
			strings.Join(names, "、"), vacant, r.Notes})
	}
	return ListXLSX(path, title, headers, rows)
}
