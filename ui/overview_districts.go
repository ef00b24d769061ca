package ui

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// vacantDistricts is the 概览's line of 选区 with a seat nobody holds today (store.DeputyRoll's Vacancies):
// 「缺额：第3选区 1名、县级第2选区 1名」, or "" when every seat of the register is held.
func vacantDistricts(vacant []store.DistrictVacancy) string {
	var parts []string
	for _, r := range vacant {
		name := store.DistrictName(r.Number)
		if r.Level != store.LevelTown {
			name = r.Level + name
		}
		parts = append(parts, fmt.Sprintf("%s %d名", name, r.Vacant))
	}
	if len(parts) == 0 {
		return ""
	}
	return "缺额：" + strings.Join(parts, "、")
}
