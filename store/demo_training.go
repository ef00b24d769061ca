package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// The demo's 培训学习 (issue 22 part 5): the topics, trainers and hours of every training, and for each term whose
// first session the demo holds, a 新任代表履职培训 a few days before it that most new deputies attend — a few ask
// for leave or are not marked, so that the flag of the new deputies without training has names to show. Drawn
// from a stream of its own (demoTrainingStream), so that the office above stays the same.

// demoTrainingStream is the second word of the PCG state of the training's stream.
const demoTrainingStream uint64 = 0x7C15E2A94D03B8F1

var demoTrainingTopics = []string{"代表法解读", "地方组织法学习", "选举法学习", "监督法学习", "代表建议撰写要点", "预算审查监督基础知识",
	"人大代表履职实务", "乡村振兴政策解读", "基层治理与人大工作", "廉政教育", "农业实用技术", "民法典宣讲"}

var demoTrainers = []string{"县人大常委会法工委 周明", "县人大常委会代表工委 陈静", "镇人大主席团 主席", "县委党校 李教授",
	"县农业农村局 王技术员", "县财政局 赵科长", "镇人大办 刘芳", "县司法局 孙律师"}

// genTraining adds each term's 新任代表履职培训 before its first session (build, after the other meetings).
func (g *demoGen) genTraining() {
	r := rand.New(rand.NewPCG(uint64(g.seed), demoTrainingStream))
	next := int64(len(g.meetings))
	for _, m := range slices.Clone(g.meetings) {
		if m.kind != MeetingCongress || m.sessionNo != 1 || m.term == nil {
			continue
		}
		day := g.workday(m.start.AddDays(-7))
		if day < m.term.start || day > g.today {
			continue
		}
		next++
		t := &demoMeeting{id: next, kind: MeetingTraining, start: day, group: -1, order: len(g.meetings), time: "上午9:00",
			title: fmt.Sprintf("第%s届新任人大代表履职培训", ChineseNumber(m.term.number)), place: "镇人大代表之家", host: "镇人大主席团"}
		t.topic = t.title
		for i, d := range g.deputies {
			if !d.isNew || !d.town() || !d.inOffice(day) {
				continue
			}
			switch x := r.Float64(); {
			case x < 0.06:
				continue // not marked: missed the training
			case x < 0.12:
				t.att = append(t.att, demoAtt{dep: i, status: "请假", reason: "外出务工"})
			default:
				t.att = append(t.att, demoAtt{dep: i, status: "出席"})
			}
		}
		g.meetings = append(g.meetings, t)
	}
}

// writeTraining writes the topics of every training: one to three, each 1 to 3 hours in half hours.
func (g *demoGen) writeTraining(w *demoWriter) {
	r := rand.New(rand.NewPCG(uint64(g.seed), demoTrainingStream^1))
	for _, m := range g.meetings {
		if m.kind != MeetingTraining {
			continue
		}
		n := 1 + r.IntN(3)
		topics := slices.Clone(demoTrainingTopics)
		r.Shuffle(len(topics), func(i, j int) { topics[i], topics[j] = topics[j], topics[i] })
		for k := 0; k < n; k++ {
			hours := float64(2+r.IntN(5)) / 2
			w.exec(`INSERT INTO training_topics (meeting_id, seq, topic, trainer, hours) VALUES (?, ?, ?, ?, ?)`,
				m.id, k+1, topics[k], demoTrainers[r.IntN(len(demoTrainers))], hours)
		}
	}
}
