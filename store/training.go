package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// 培训学习 (issue 22 part 5, domain.md §2.21, §4.1 D10): a training is a meeting of kind 培训学习 with its topics
// (专题, 授课人, 学时) and, as every meeting, its attendance and attached materials. 口径:
//   - A training's hours are the sum of its topics' hours; a training without topics has no hours yet.
//   - A deputy's training hours are the hours of every training they attended (出席); 请假, 缺席 and 列席 earn none.
//   - 培训次数: trainings held in the window; 参训人次: their 出席 marks; 人均学时: the hours of the deputies who
//     held a seat during the window, divided by their number (the per-deputy table's column over its rows).
//   - 新任代表 (NewDeputyCheck): the town deputies whose seat in a term is marked 新任, elected by its first
//     人民代表大会会议; each should attend a training between the term's start and that session (inclusive:
//     the morning's training before the opening counts). A deputy elected later (补选) is not checked.

// TrainingTopic is one 专题 of a training: what was taught, by whom, for how many hours.
type TrainingTopic struct {
	ID      int64
	Topic   string  `label:"专题"`
	Trainer string  `label:"授课人"`
	Hours   float64 `label:"学时"`
}

// TrainingTopics are a training's topics in order.
type TrainingTopics []TrainingTopic

// maxTrainingHours is the most hours one topic may have: a week's course at most.
const maxTrainingHours = 100

// Validate checks every topic; messages name the row (专题第2行学时).
func (ts TrainingTopics) Validate() error {
	var c checker
	for i := range ts {
		t := &ts[i]
		row := fmt.Sprintf("专题第%d行", i+1)
		t.Topic = strings.TrimSpace(t.Topic)
		t.Trainer = strings.TrimSpace(t.Trainer)
		c.required(row+"专题", t.Topic)
		c.maxLen(row+"专题", t.Topic, maxTitle)
		c.maxLen(row+"授课人", t.Trainer, maxLine)
		switch {
		case t.Hours <= 0 || math.IsNaN(t.Hours):
			c.fail(row+"学时", "应大于0")
		case t.Hours > maxTrainingHours:
			c.fail(row+"学时", "不能超过%d", maxTrainingHours)
		case math.Abs(t.Hours*10-math.Round(t.Hours*10)) > 1e-9:
			c.fail(row+"学时", "最多保留一位小数，如 1.5")
		}
	}
	return c.result()
}

// Hours adds up the topics' hours.
func (ts TrainingTopics) Hours() float64 {
	var h float64
	for _, t := range ts {
		h += t.Hours
	}
	return roundHours(h)
}

// roundHours rounds to the tenth of an hour the topics are entered in, so that sums of 1.5 read 4.5, not 4.499….
func roundHours(h float64) float64 { return math.Round(h*10) / 10 }

// FormatHours writes hours as the clerk entered them: 3, 1.5.
func FormatHours(h float64) string { return strconv.FormatFloat(roundHours(h), 'f', -1, 64) }

// ParseHours reads hours as FormatHours writes them (a full-width 。 or ． is read as the decimal point).
func ParseHours(s string) (float64, error) {
	s = strings.NewReplacer("．", ".", "。", ".").Replace(strings.TrimSpace(s))
	h, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(h) || math.IsInf(h, 0) {
		return 0, fmt.Errorf("「%s」不是学时数，请填写如 2 或 1.5", s)
	}
	return h, nil
}

// TrainingTopics returns the topics of a training in order.
func (db *DB) TrainingTopics(ctx context.Context, meetingID int64) (out TrainingTopics, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.trainingTopics(meetingID)
		return err
	})
	return out, err
}

func (tx *Tx) trainingTopics(meetingID int64) (out TrainingTopics, err error) {
	err = collect(tx, `SELECT id, topic, trainer, hours FROM training_topics WHERE meeting_id = ? ORDER BY seq, id`,
		[]any{meetingID}, func(s scanner) error {
			var t TrainingTopic
			err := s.Scan(&t.ID, &t.Topic, &t.Trainer, &t.Hours)
			out = append(out, t)
			return err
		})
	return out, err
}

// SaveTrainingTopics replaces the topics of a training (a meeting of kind 培训学习) with ts, recording the
// change in the meeting's history.
func (db *DB) SaveTrainingTopics(ctx context.Context, meetingID int64, ts TrainingTopics) error {
	if err := ts.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveTrainingTopics(meetingID, ts) })
}

func (tx *Tx) saveTrainingTopics(meetingID int64, ts TrainingTopics) error {
	m, err := tx.meeting(meetingID)
	if err != nil {
		return err
	}
	if m.Kind != MeetingTraining {
		return &Error{Code: EINVALID, Field: "专题", Message: fmt.Sprintf("「%s」是%s，只有培训学习才登记专题和学时", m.Title, m.Kind)}
	}
	old, err := tx.trainingTopics(meetingID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM training_topics WHERE meeting_id = ?`, meetingID); err != nil {
		return err
	}
	for i, t := range ts {
		if _, err := tx.Exec(`INSERT INTO training_topics (meeting_id, seq, topic, trainer, hours) VALUES (?, ?, ?, ?, ?)`,
			meetingID, i+1, t.Topic, t.Trainer, roundHours(t.Hours)); err != nil {
			return fmt.Errorf("保存培训专题: %w", err)
		}
	}
	before, after := describeTopics(old), describeTopics(ts)
	if before == after {
		return nil
	}
	return tx.logHistory("meeting", meetingID, ActionUpdate, m.Title, "培训专题: "+before+" → "+after)
}

// describeTopics is the topics as the history shows them: 「代表法解读(王强, 2学时)；…」.
func describeTopics(ts TrainingTopics) string {
	if len(ts) == 0 {
		return "(无)"
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		who := t.Trainer
		if who != "" {
			who += ", "
		}
		parts[i] = fmt.Sprintf("%s(%s%s学时)", t.Topic, who, FormatHours(t.Hours))
	}
	return strings.Join(parts, "；")
}

// Training is one training of a period: the meeting, its topics and materials.
type Training struct {
	Meeting   Meeting // Present, Leave, Absent: its attendance counts
	Topics    TrainingTopics
	Materials int // attached files (学习材料, 照片 …)
}

// Hours is the training's hours (its topics').
func (t Training) Hours() float64 { return t.Topics.Hours() }

// Trainers lists the topics' trainers once each, in order.
func (t Training) Trainers() []string {
	var out []string
	for _, x := range t.Topics {
		if x.Trainer != "" && !slices.Contains(out, x.Trainer) {
			out = append(out, x.Trainer)
		}
	}
	return out
}

// TraineeHours is one deputy's training of a period.
type TraineeHours struct {
	DeputyID  int64
	Name      string
	GroupName string
	Sessions  int     // trainings attended (出席)
	Hours     float64 // their hours
}

// TrainingFigures are the training of a period (口径 at the top of this file).
type TrainingFigures struct {
	Trainings   []Training     // held in the window, by date
	Attendances int            // 参训人次: 出席 marks at them
	Trainees    []TraineeHours // every deputy holding a seat during the window, by group and name, hours or not
	NewDeputies NewDeputyCheck // the town term current on the last day counted
}

// Sessions is 培训次数.
func (f TrainingFigures) Sessions() int { return len(f.Trainings) }

// DeputyHours adds up the trainees' hours.
func (f TrainingFigures) DeputyHours() float64 {
	var h float64
	for _, t := range f.Trainees {
		h += t.Hours
	}
	return roundHours(h)
}

// PerDeputy is 人均学时: DeputyHours over the trainees, to one decimal (0 when there are none).
func (f TrainingFigures) PerDeputy() float64 {
	if len(f.Trainees) == 0 {
		return 0
	}
	return roundHours(f.DeputyHours() / float64(len(f.Trainees)))
}

// TrainingDefinition is the 口径 of the training figures, as the 报表 tab and the printed table state it.
const TrainingDefinition = "培训次数：期内召开的「培训学习」会议活动；参训人次：这些培训的出席人次；每次培训的学时为所登记专题学时之和。" +
	"代表学时：代表出席的各次培训学时之和(请假、缺席不计)；人均学时：期内在任代表的学时合计除以代表人数。" +
	"新任代表：本届镇人大代表中标为新任、在本届第一次人代会前当选的，应在届次开始至第一次会议(含当日)之间参加培训。"

// Training returns the training of the days from..to (both inclusive), with the new deputies' check of the town
// term current on to.
func (db *DB) Training(ctx context.Context, from, to Date) (f TrainingFigures, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		f, err = tx.training(from, to)
		return err
	})
	return f, err
}

// trainingFigures fills in f.Training over the window (figures.go).
func (tx *Tx) trainingFigures(f *Figures) error {
	last := f.last()
	if last < f.From {
		return nil
	}
	var err error
	f.Training, err = tx.training(f.From, last)
	return err
}

// training is Training inside a transaction.
func (tx *Tx) training(from, to Date) (f TrainingFigures, err error) {
	index := map[int64]int{}
	if err := collect(tx, `SELECT `+meetingColumns+`, (SELECT count(*) FROM attachments x WHERE x.owner_kind = ? AND x.owner_id = m.id)
		FROM meetings m WHERE m.kind = ? AND m.start_date BETWEEN ? AND ? ORDER BY m.start_date, m.id`,
		[]any{OwnerMeeting, MeetingTraining, from, to}, func(s scanner) error {
			var n int
			m, err := scanMeeting(s, &n)
			index[m.ID] = len(f.Trainings)
			f.Trainings = append(f.Trainings, Training{Meeting: m, Materials: n})
			f.Attendances += m.Present
			return err
		}); err != nil {
		return f, fmt.Errorf("查询培训: %w", err)
	}
	if err := collect(tx, `SELECT t.meeting_id, t.id, t.topic, t.trainer, t.hours FROM training_topics t JOIN meetings m ON m.id = t.meeting_id
		WHERE m.kind = ? AND m.start_date BETWEEN ? AND ? ORDER BY t.meeting_id, t.seq, t.id`, []any{MeetingTraining, from, to},
		func(s scanner) error {
			var id int64
			var t TrainingTopic
			if err := s.Scan(&id, &t.ID, &t.Topic, &t.Trainer, &t.Hours); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				f.Trainings[i].Topics = append(f.Trainings[i].Topics, t)
			}
			return nil
		}); err != nil {
		return f, fmt.Errorf("查询培训专题: %w", err)
	}
	if f.Trainees, err = tx.traineeHours(from, to, 0); err != nil {
		return f, err
	}
	if f.NewDeputies, err = tx.newDeputyCheckOn(to); err != nil {
		return f, err
	}
	return f, nil
}

// trainingHoursSQL are the hours of each training (meeting) with topics.
const trainingHoursSQL = `SELECT meeting_id, sum(hours) AS hours FROM training_topics GROUP BY meeting_id`

// traineeHours counts the trainings attended (出席) from..to and their hours, for every deputy holding a seat in
// those days (deputyID 0) or for one deputy.
func (tx *Tx) traineeHours(from, to Date, deputyID int64) (out []TraineeHours, err error) {
	cond, args := deputyHeld("?1", "?2"), []any{from, to, MeetingTraining}
	if deputyID != 0 {
		cond, args = "d.id = ?4", append(args, deputyID)
	}
	// The attendance is reached from the period's trainings (a few dozen meetings), not from each deputy's
	// attendance at every meeting of every year: joined from the deputies, the stress year looked up ~200 000
	// attendance rows and their meetings one by one (1.5 s); this is the same count and sum per deputy.
	err = collect(tx, `SELECT d.id, d.name, coalesce(g.name, ''), coalesce(t.n, 0), coalesce(t.hours, 0)
		FROM deputies d LEFT JOIN deputy_groups g ON g.id = d.group_id
		LEFT JOIN (SELECT a.deputy_id, count(*) AS n, sum(h.hours) AS hours
			FROM meetings m JOIN attendance a ON a.meeting_id = m.id AND a.status = '出席'
			LEFT JOIN (`+trainingHoursSQL+`) h ON h.meeting_id = m.id
			WHERE m.kind = ?3 AND m.start_date BETWEEN ?1 AND ?2 GROUP BY a.deputy_id) t ON t.deputy_id = d.id
		WHERE `+cond+` ORDER BY coalesce(g.id, 1e18), d.name, d.id`, args, func(s scanner) error {
		var t TraineeHours
		err := s.Scan(&t.DeputyID, &t.Name, &t.GroupName, &t.Sessions, &t.Hours)
		t.Hours = roundHours(t.Hours)
		out = append(out, t)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("统计代表学时: %w", err)
	}
	return out, nil
}

// TrainingOf returns one deputy's trainings attended (出席) from..to and their hours: the 履职档案's line.
func (db *DB) TrainingOf(ctx context.Context, deputyID int64, from, to Date) (t TraineeHours, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		rows, err := tx.traineeHours(from, to, deputyID)
		if err != nil {
			return err
		}
		if len(rows) != 1 {
			return Errorf(ENOTFOUND, "代表不存在(编号%d)", deputyID)
		}
		t = rows[0]
		return nil
	})
	return t, err
}

// NewDeputy is one 新任代表 of a term and the training they had before its first session.
type NewDeputy struct {
	DeputyID  int64
	Name      string
	GroupName string
	Start     Date // 当选日期 of the seat
	Trained   Date // the first training attended from the term's start to the first session; "" for none
	Later     Date // when not Trained: the first training attended after the session (补训), up to the day asked
}

// NewDeputyCheck is the pre-session training of a term's new deputies (口径 at the top of this file).
type NewDeputyCheck struct {
	Term         Term // ID 0 when no town term covers the day
	From         Date // the term's start (or its first seat's when the term has none)
	FirstSession Date // the first 人民代表大会会议 of the term; "" when none is recorded
	SessionTitle string
	Deputies     []NewDeputy // by group and name
	AsOf         Date        // the day checked
}

// Held reports whether the first session has been held by the day checked.
func (c NewDeputyCheck) Held() bool { return c.FirstSession != "" && c.FirstSession <= c.AsOf }

// Untrained returns the new deputies without a training before the first session (so far, when it is still
// to come).
func (c NewDeputyCheck) Untrained() []NewDeputy {
	var out []NewDeputy
	for _, d := range c.Deputies {
		if d.Trained == "" {
			out = append(out, d)
		}
	}
	return out
}

// Missed returns the new deputies flagged: the first session was held and they had no training before it.
func (c NewDeputyCheck) Missed() []NewDeputy {
	if !c.Held() {
		return nil
	}
	return c.Untrained()
}

// NewDeputyCheck checks the new deputies of the town term current on day.
func (db *DB) NewDeputyCheck(ctx context.Context, day Date) (c NewDeputyCheck, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		c, err = tx.newDeputyCheckOn(day)
		return err
	})
	return c, err
}

// newDeputyCheckOn checks the town term begun on or before day, the latest (a term without a start date counts
// as begun when it is the current one).
func (tx *Tx) newDeputyCheckOn(day Date) (c NewDeputyCheck, err error) {
	if c, err = tx.newDeputyTerm(day); err != nil || c.Term.ID == 0 {
		return c, err
	}
	return c, tx.newDeputies(&c)
}

// newDeputyTerm is the first part of newDeputyCheckOn: the town term of day and its first 人代会 session,
// without the deputies (which cost a look at every new deputy's attendance).
func (tx *Tx) newDeputyTerm(day Date) (c NewDeputyCheck, err error) {
	c.AsOf = day
	err = tx.QueryRow(`SELECT id, level, number, start_date, end_date, is_current FROM terms WHERE level = ?
		AND (coalesce(start_date, '') != '' AND start_date <= ? OR coalesce(start_date, '') = '' AND is_current)
		ORDER BY coalesce(nullif(start_date, ''), '0000') DESC, number DESC LIMIT 1`, LevelTown, day).
		Scan(&c.Term.ID, &c.Term.Level, &c.Term.Number, &c.Term.Start, &c.Term.End, &c.Term.Current)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return c, nil
		}
		return c, fmt.Errorf("查询届次: %w", err)
	}
	if err := tx.QueryRow(`SELECT coalesce(min(start_date), '') FROM meetings WHERE kind = ? AND term_id = ?`,
		MeetingCongress, c.Term.ID).Scan(&c.FirstSession); err != nil {
		return c, err
	}
	if c.FirstSession != "" {
		if err := tx.QueryRow(`SELECT title FROM meetings WHERE kind = ? AND term_id = ? AND start_date = ? ORDER BY session_no LIMIT 1`,
			MeetingCongress, c.Term.ID, c.FirstSession).Scan(&c.SessionTitle); err != nil {
			return c, err
		}
	}
	return c, nil
}

// newDeputies fills c (of newDeputyTerm) with the term's new deputies and their trainings.
func (tx *Tx) newDeputies(c *NewDeputyCheck) error {
	day := c.AsOf
	until := c.FirstSession
	if until == "" {
		until = "9999-12-31"
	}
	if err := collect(tx, `SELECT d.id, d.name, coalesce(g.name, ''), l.start_date
		FROM deputy_levels l JOIN deputies d ON d.id = l.deputy_id LEFT JOIN deputy_groups g ON g.id = d.group_id
		WHERE l.level = ?4 AND l.term_id = ?1 AND l.is_new AND l.start_date <= ?2
			AND (d.status = '在任' OR d.vacancy_date > min(?2, ?3))
		ORDER BY coalesce(g.id, 1e18), d.name, d.id`, []any{c.Term.ID, until, day, LevelTown},
		func(s scanner) error {
			var n NewDeputy
			err := s.Scan(&n.DeputyID, &n.Name, &n.GroupName, &n.Start)
			c.Deputies = append(c.Deputies, n)
			if c.From == "" || n.Start < c.From {
				c.From = n.Start
			}
			return err
		}); err != nil {
		return fmt.Errorf("查询新任代表培训: %w", err)
	}
	if c.Term.Start != "" {
		c.From = c.Term.Start
	}
	if len(c.Deputies) == 0 {
		return nil
	}
	// Each deputy's trainings attended (出席) from the earliest day any of them counts from, read once in date
	// order: asked per deputy (two correlated subqueries each scanning the years' trainings) the stress term's
	// 2 645 new deputies took 0.6 s.
	attended := map[int64][]Date{}
	for _, n := range c.Deputies {
		attended[n.DeputyID] = nil
	}
	if err := collect(tx, `SELECT a.deputy_id, m.start_date FROM meetings m
		JOIN attendance a ON a.meeting_id = m.id AND a.status = '出席'
		WHERE m.kind = ? AND m.start_date >= ? AND m.start_date <= ? ORDER BY m.start_date`,
		[]any{MeetingTraining, min(c.From, until), day}, func(s scanner) error {
			var id int64
			var on Date
			if err := s.Scan(&id, &on); err != nil {
				return err
			}
			if dates, ok := attended[id]; ok {
				attended[id] = append(dates, on)
			}
			return nil
		}); err != nil {
		return fmt.Errorf("查询新任代表培训: %w", err)
	}
	// A training counts from the term's start (or, without one, from the deputy's 当选日期) to the first session
	// (or the day asked, when earlier); a later one (补训) after the session up to the day asked.
	for i := range c.Deputies {
		n := &c.Deputies[i]
		from := c.Term.Start
		if from == "" {
			from = n.Start
		}
		for _, on := range attended[n.DeputyID] { // oldest first: the first that fits is the earliest
			if n.Trained == "" && on >= from && on <= min(until, day) {
				n.Trained = on
			}
			if n.Later == "" && on > until && on <= day {
				n.Later = on
			}
		}
	}
	return nil
}

// trainingReminders are the 工作提醒 of the new deputies' training on today (Reminders adds them).
func (db *DB) trainingReminders(ctx context.Context, today Date) (out []Reminder, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.newDeputyReminders(today)
		return err
	})
	return out, err
}

// newDeputyReminders are the reminders of the new deputies' training on today: before the first session, those
// not trained yet; for a year after it, those who missed it and have had no training since (补训 clears them).
func (tx *Tx) newDeputyReminders(today Date) ([]Reminder, error) {
	c, err := tx.newDeputyTerm(today)
	if err != nil || c.Term.ID == 0 {
		return nil, err
	}
	// Long past: the 报表 tab's list still shows them. Asked before the deputies are read, which on 概览's
	// every refresh cost 0.8 s on the stress data for a term four years old.
	if c.Held() && daysBetween(c.FirstSession, today) > newDeputyReminderDays {
		return nil, nil
	}
	if err := tx.newDeputies(&c); err != nil {
		return nil, err
	}
	var names []string
	var count int
	for _, d := range c.Untrained() {
		if c.Held() && d.Later != "" {
			continue
		}
		count++
		if len(names) < 3 {
			names = append(names, d.Name)
		}
	}
	if count == 0 {
		return nil, nil
	}
	who := strings.Join(names, "、")
	if count > len(names) {
		who += "等"
	}
	if !c.Held() {
		r := Reminder{Text: fmt.Sprintf("%s新任代表%d人(%s)尚未参加履职培训，应在第一次人代会前集中培训", c.Term.Name(), count, who),
			Due: c.FirstSession, DaysLeft: reminderNoDue}
		if c.FirstSession != "" {
			r.DaysLeft = daysBetween(today, c.FirstSession)
			r.Text += fmt.Sprintf("（会议定于%s，还剩%d天）", c.FirstSession.Chinese(), r.DaysLeft)
		}
		return []Reminder{r}, nil
	}
	return []Reminder{{Text: fmt.Sprintf("%s新任代表%d人(%s)未在第一次人代会(%s)前参加培训，请安排补训", c.Term.Name(), count, who,
		c.FirstSession.Chinese()), Due: c.FirstSession, DaysLeft: daysBetween(today, c.FirstSession)}}, nil
}

// newDeputyReminderDays is how long after the first session the missed training is still a reminder: a year.
const newDeputyReminderDays = 365

// reminderNoDue orders a reminder without a due day after the dated ones.
const reminderNoDue = 1 << 20

// daysBetween is the number of days from a to b (negative when b is earlier).
func daysBetween(a, b Date) int { return int(math.Round(b.Time().Sub(a.Time()).Hours() / 24)) }

// recordTraining fills in the records' Training: the trainings attended from..to and their hours (deputyrecord.go).
func (tx *Tx) recordTraining(index map[int64]*DeputyRecord, from, to string, deputyID int64) error {
	rows, err := tx.trainingOfDeputies(Date(from), Date(to), deputyID)
	if err != nil {
		return err
	}
	for _, t := range rows {
		if r := index[t.DeputyID]; r != nil {
			r.Training = t
		}
	}
	return nil
}

// trainingOfDeputies is traineeHours for every deputy with a mark at a training (deputyID 0) or for one, whether
// or not they held a seat: the 履职档案 of a deputy who left office still shows what they attended.
func (tx *Tx) trainingOfDeputies(from, to Date, deputyID int64) (out []TraineeHours, err error) {
	cond, args := "1", []any{from, to, MeetingTraining}
	if deputyID != 0 {
		cond, args = "a.deputy_id = ?4", append(args, deputyID)
	}
	err = collect(tx, `SELECT a.deputy_id, count(*), coalesce(sum(h.hours), 0) FROM attendance a
		JOIN meetings m ON m.id = a.meeting_id AND m.kind = ?3 AND m.start_date BETWEEN ?1 AND ?2
		LEFT JOIN (`+trainingHoursSQL+`) h ON h.meeting_id = m.id
		WHERE a.status = '出席' AND `+cond+` GROUP BY a.deputy_id`, args, func(s scanner) error {
		var t TraineeHours
		err := s.Scan(&t.DeputyID, &t.Sessions, &t.Hours)
		t.Hours = roundHours(t.Hours)
		out = append(out, t)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("统计代表学时: %w", err)
	}
	return out, nil
}
