package store

import (
	"fmt"
	"slices"
)

// New deputies for a 换届 from a roster file (issue 16): the file is read and checked as the 代表 import
// checks it (export.ReadImportFile, PlanImport: names, dictionaries, dates, duplicates), but what it yields is
// the list of 新任 deputies for the wizard's TermChange, written only with the change itself.

// TermNewDeputies returns the deputies of a planned 代表 import as the 新任 of a 换届, and the problems that
// keep the file out: the rows with errors, and rows that match a deputy already recorded (a deputy of the old
// term continues by the choice 连任, not as a new record). The deputies come back only when there is no problem,
// so that a file is taken whole or not at all.
func (p *ImportPlan) TermNewDeputies() ([]Deputy, []ImportProblem) {
	if p == nil || p.Kind != ImportDeputies {
		return nil, []ImportProblem{{Message: "不是代表名册文件"}}
	}
	var out []Deputy
	var problems []ImportProblem
	for _, r := range p.Rows {
		problems = append(problems, r.Errors...)
		if r.ExistingID != 0 {
			problems = append(problems, RowProblem(r.Line, "姓名", fmt.Sprintf("「%s」与已有代表%s相同(%s)；上一届的代表请在上方选择连任，不用导入",
				r.Label, r.Existing, r.Match), false))
			continue
		}
		if len(r.Errors) > 0 || r.Deputy == nil {
			continue
		}
		d := *r.Deputy
		d.ID, d.New, d.Status, d.VacancyDate, d.VacancyReason = 0, true, DeputyActive, "", ""
		if !slices.Contains(d.Levels, LevelTown) {
			d.Levels = append(append([]string(nil), d.Levels...), LevelTown)
		}
		out = append(out, d)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	if len(out) == 0 {
		return nil, []ImportProblem{{Message: "文件中没有代表"}}
	}
	return out, nil
}
