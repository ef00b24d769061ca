package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// 培训学习 (issue 22 part 5): the period's trainings — date, 专题, 授课人, 学时, attendance — as a sheet of the
// workbook and as the printed 培训学习情况表 (`rendadesk print training --year Y`), which adds each deputy's hours
// and the new deputies' training before the term's first session. trainingPart writes the printed table into a
// document, so that the assessment pack prints it as one of its parts.

// trainingHeaders are the columns of the trainings' table.
var trainingHeaders = []string{"序号", "日期", "培训名称", "专题", "授课人", "学时", "出席(人)", "请假(人)", "缺席(人)", "材料(件)"}

// trainingCells is one training's row; hours as the clerk entered them (「未登记」 without topics).
func trainingCells(i int, t store.Training) []any {
	var topics []string
	for _, x := range t.Topics {
		topics = append(topics, fmt.Sprintf("%s(%s学时)", x.Topic, store.FormatHours(x.Hours)))
	}
	hours := "未登记"
	if len(t.Topics) > 0 {
		hours = store.FormatHours(t.Hours())
	}
	return []any{fmt.Sprint(i + 1), t.Meeting.Start.Chinese(), t.Meeting.Title, strings.Join(topics, "；"),
		strings.Join(t.Trainers(), "、"), hours, t.Meeting.Present, t.Meeting.Leave, t.Meeting.Absent, t.Materials}
}

// trainingSummary is the line under the trainings: 「培训3次，参训3人次，代表学时合计7.5，在任代表3人，人均学时2.5」.
func trainingSummary(f store.TrainingFigures) string {
	return fmt.Sprintf("培训%d次，参训%d人次；代表学时合计%s，期内在任代表%d人，人均学时%s。", f.Sessions(), f.Attendances,
		store.FormatHours(f.DeputyHours()), len(f.Trainees), store.FormatHours(f.PerDeputy()))
}

// newDeputyLine says which new deputies had no training before the term's first session, or "" when none is
// flagged (the session not held yet, or everyone trained).
func newDeputyLine(c store.NewDeputyCheck) string {
	missed := c.Missed()
	if len(missed) == 0 {
		if c.Held() && len(c.Deputies) > 0 {
			return fmt.Sprintf("%s新任代表%d人均在第一次人代会(%s)前参加了培训。", c.Term.Name(), len(c.Deputies), c.FirstSession.Chinese())
		}
		return ""
	}
	names := make([]string, len(missed))
	for i, d := range missed {
		names[i] = d.Name
		if d.Later != "" {
			names[i] += "(" + d.Later.Chinese() + "补训)"
		}
	}
	return fmt.Sprintf("%s新任代表%d人中，%d人未在第一次人代会(%s)前参加培训：%s。", c.Term.Name(), len(c.Deputies), len(missed),
		c.FirstSession.Chinese(), strings.Join(names, "、"))
}

// tTraining is 培训学习: the window's trainings with a 合计 row; the summary, the new deputies' line and the 口径 below.
func (w Report) tTraining() rtable {
	f := w.Figures.Training
	t := rtable{name: "培训学习", heading: "代表培训学习情况表", headers: trainingHeaders, landscape: true, keyCols: 3,
		wide: map[int]float64{2: 24, 3: 40, 4: 20}, empty: "本期没有登记培训学习(在「会议」中登记类型为「培训学习」的会议活动)。"}
	var present, leave, absent, materials int
	for i, tr := range f.Trainings {
		t.rows = append(t.rows, trow{cells: trainingCells(i, tr)})
		present, leave, absent, materials = present+tr.Meeting.Present, leave+tr.Meeting.Leave, absent+tr.Meeting.Absent, materials+tr.Materials
	}
	if len(t.rows) > 0 {
		var hours float64
		for _, tr := range f.Trainings {
			hours += tr.Hours()
		}
		t.rows = append(t.rows, trow{total: true, cells: []any{"合计", "", fmt.Sprintf("%d次", f.Sessions()), "", "",
			store.FormatHours(hours), present, leave, absent, materials}})
	}
	note := trainingSummary(f)
	if line := newDeputyLine(f.NewDeputies); line != "" {
		note += line
	}
	t.note = note + "口径：" + store.TrainingDefinition
	return t
}

// TrainingTable prints the 培训学习情况表 of a year as of asOf (`rendadesk print training --year Y`), signed by
// the office on signed.
func TrainingTable(path string, st store.Settings, year int, asOf store.Date, f store.TrainingFigures, signed store.Date) error {
	d := newDocument(st.OfficeName, "培训学习情况表", true)
	trainingPart(d, st.OfficeName, year, asOf, f)
	d.signature(st.OfficeName, signed.Chinese())
	return d.save(path)
}

// trainingPart writes the 培训学习情况表 into d as a part of its own (a new page, numbered on its own): the
// trainings, then each deputy's hours, then the new deputies' training.
func trainingPart(d *document, office string, year int, asOf store.Date, f store.TrainingFigures) {
	d.startPart("培训学习情况表")
	d.title(fmt.Sprintf("%s%d年度代表培训学习情况表", office, year))
	d.subtitle(fmt.Sprintf("（统计截至%s）", asOf.Chinese()))
	trainingBody(d, f)
}

// trainingBody is the 培训学习情况表 below its title: its own part's, or a section of the 考评材料.
func trainingBody(d *document, f store.TrainingFigures) {
	cols := []column{{"序号", 0, "C"}, {"日期", 0, "C"}, {"培训名称", 26, "L"}, {"专题", 44, "L"}, {"授课人", 22, "L"},
		{"学时", 0, "C"}, {"出席(人)", 0, "C"}, {"请假(人)", 0, "C"}, {"缺席(人)", 0, "C"}, {"材料(件)", 0, "C"}}
	if len(f.Trainings) == 0 {
		d.paragraph("本年度没有登记培训学习。", paraStyle{})
	} else {
		var rows [][]string
		for i, t := range f.Trainings {
			var line []string
			for _, c := range trainingCells(i, t) {
				line = append(line, fmt.Sprint(c))
			}
			rows = append(rows, line)
		}
		d.table(cols, rows)
	}
	d.moveDown(2)
	d.paragraph(trainingSummary(f), paraStyle{size: 10})

	d.heading("代表培训学时")
	if len(f.Trainees) == 0 {
		d.paragraph("本年度没有在任代表。", paraStyle{size: 10})
	} else {
		// Two deputies a line: a township's seventy deputies on two pages rather than four.
		half := (len(f.Trainees) + 1) / 2
		var rows [][]string
		for i := 0; i < half; i++ {
			line := traineeCells(i, f.Trainees[i])
			if j := i + half; j < len(f.Trainees) {
				line = append(line, traineeCells(j, f.Trainees[j])...)
			} else {
				line = append(line, "", "", "", "", "")
			}
			rows = append(rows, line)
		}
		one := []column{{"序号", 0, "C"}, {"姓名", 14, "L"}, {"代表小组", 18, "L"}, {"培训(次)", 0, "C"}, {"学时", 0, "C"}}
		d.table(append(one, one...), rows)
	}

	if c := f.NewDeputies; len(c.Deputies) > 0 {
		d.heading(fmt.Sprintf("%s新任代表会前培训", c.Term.Name()))
		session := "第一次人代会尚未召开"
		if c.FirstSession != "" {
			session = "第一次人代会：" + c.FirstSession.Chinese()
		}
		untrained := c.Untrained()
		d.paragraph(fmt.Sprintf("届次开始：%s；%s。新任代表%d人，会前已培训%d人，未培训%d人。", c.From.Chinese(), session,
			len(c.Deputies), len(c.Deputies)-len(untrained), len(untrained)), paraStyle{size: 10})
		if len(untrained) > 0 {
			var rows [][]string
			for i, n := range untrained {
				state := "会前未培训"
				switch {
				case !c.Held():
					state = "尚未培训"
				case n.Later != "":
					state = "会前未培训，" + n.Later.Chinese() + "补训"
				}
				rows = append(rows, []string{itoa(i + 1), n.Name, n.GroupName, n.Start.Chinese(), state})
			}
			d.table([]column{{"序号", 0, "C"}, {"姓名", 20, "L"}, {"代表小组", 26, "L"}, {"当选日期", 0, "C"}, {"培训情况", 40, "L"}}, rows)
		}
	}
	d.moveDown(2)
	d.paragraph("口径："+store.TrainingDefinition, paraStyle{size: 10})
}

// traineeCells is one deputy's line of the hours table.
func traineeCells(i int, t store.TraineeHours) []string {
	return []string{itoa(i + 1), t.Name, t.GroupName, itoa(t.Sessions), store.FormatHours(t.Hours)}
}
