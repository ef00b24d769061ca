package store

// Writing the generated office: inserts with statements prepared once, in the one transaction.

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// demoWriter executes inserts with statements prepared once in the transaction.
type demoWriter struct {
	ctx         context.Context
	tx          *Tx
	stmts       map[string]*sql.Stmt // lookups only; closing order does not matter
	done, total int
	progress    func(done, total int)
	quiet       bool // items report their own progress
	err         error
}

func (w *demoWriter) exec(q string, args ...any) {
	if w.err != nil {
		return
	}
	st, ok := w.stmts[q]
	if !ok {
		if st, w.err = w.tx.PrepareContext(w.ctx, q); w.err != nil {
			return
		}
		w.stmts[q] = st
	}
	if _, w.err = st.ExecContext(w.ctx, args...); w.err != nil {
		w.err = fmt.Errorf("%w (%.60s…)", w.err, strings.Join(strings.Fields(q), " "))
		return
	}
	w.done++
	if w.progress != nil && w.done%5000 == 0 && !w.quiet {
		w.progress(min(w.done, w.total), w.total) // the duty days of writeVoters are not known ahead
	}
}

func (w *demoWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// rowCount is the number of rows write inserts, for progress.
func (g *demoGen) rowCount() int {
	n := len(g.villages) + len(g.terms) + 2*len(g.groups) + len(g.units) + len(g.receptions) + len(g.backs)
	for _, gr := range g.groups {
		if gr.deputyLeader >= 0 {
			n++
		}
	}
	for _, d := range g.deputies {
		n += 1 + len(d.levels) + len(d.tags) + len(d.roles) + len(d.stations)
	}
	n += len(g.stations)
	for _, m := range g.meetings {
		n += 1 + len(m.att) + len(m.guests) + len(m.agenda) + len(m.res) + len(m.elections)
		for _, e := range m.elections {
			n += len(e.candidates)
		}
	}
	for _, r := range g.receptions {
		n += len(r.deputies)
	}
	return n + demoItemRows*len(g.items) + g.voterRows() + g.supervisionRows()
}

func demoNullDate(d Date) any {
	if d == "" {
		return nil
	}
	return string(d)
}

func (g *demoGen) write(w *demoWriter) {
	base := string(g.sysStart) + " 09:00:00"
	for i, v := range g.villages {
		w.exec(`INSERT OR IGNORE INTO dict (kind, value, sort) VALUES ('village', ?, ?)`, v, i+1)
	}
	for _, t := range g.terms {
		w.exec(`INSERT INTO terms (id, number, start_date, end_date, is_current, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			t.id, t.number, string(t.start), string(t.end), t.current, base, base)
	}
	for _, gr := range g.groups {
		w.exec(`INSERT INTO deputy_groups (id, name, villages, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			gr.id, gr.name, strings.Join(gr.villages, "、"), base, base)
	}
	term := g.terms[len(g.terms)-1].id
	for _, d := range g.deputies {
		var group any
		if d.group >= 0 {
			group = g.groups[d.group].id
		}
		upd := base
		if d.vacancyDate != "" {
			upd = string(d.vacancyDate) + " 09:00:00"
		}
		w.exec(`INSERT INTO deputies (id, name, gender, ethnicity, birth, party, education, work_unit, post, phone, village,
			term_id, district, group_id, is_official, is_new, status, vacancy_reason, vacancy_date, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
			d.id, d.name, d.gender, d.ethnicity, d.birth, d.party, d.education, d.workUnit, d.post, d.phone, d.village,
			term, d.district, group, d.official, d.isNew, d.status, d.vacancyReason, demoNullDate(d.vacancyDate), base, upd)
		for _, l := range d.levels {
			var seatTerm any // the town seats are of the town's term; the county's terms are not generated
			if l == LevelTown {
				seatTerm = term
			}
			w.exec(`INSERT INTO deputy_levels (deputy_id, level, term_id, start_date, is_new) VALUES (?, ?, ?, ?, ?)`,
				d.id, l, seatTerm, string(d.start), d.isNew)
		}
		for _, t := range d.tags {
			w.exec(`INSERT INTO deputy_tags (deputy_id, tag) VALUES (?, ?)`, d.id, t)
		}
		for _, r := range d.roles {
			w.exec(`INSERT INTO deputy_roles (deputy_id, role) VALUES (?, ?)`, d.id, r)
		}
	}
	g.writeDistricts(w, base) // issue 16
	for _, gr := range g.groups {
		var leader any
		if gr.leader >= 0 {
			leader = g.deputies[gr.leader].id
		}
		w.exec(`UPDATE deputy_groups SET leader_id = ?, liaison_id = ? WHERE id = ?`, leader, g.deputies[gr.liaison].id, gr.id)
		if gr.deputyLeader >= 0 {
			w.exec(`INSERT INTO group_deputy_leaders (group_id, deputy_id) VALUES (?, ?)`, gr.id, g.deputies[gr.deputyLeader].id)
		}
	}
	for _, s := range g.stations {
		h := s.haves
		w.exec(`INSERT INTO stations (id, name, type, village, address, opened, contact, phone, schedule, has_place, has_sign,
			has_info, has_rules, has_plan, has_ledger, stars, status, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
			s.id, s.name, s.typ, s.village, s.addr, demoNullDate(s.opened), s.contact, s.phone, s.schedule,
			h[0], h[1], h[2], h[3], h[4], h[5], s.stars, s.status, base, base)
		for _, i := range s.deputies {
			w.exec(`INSERT INTO station_deputies (station_id, deputy_id) VALUES (?, ?)`, s.id, g.deputies[i].id)
		}
	}
	for _, u := range g.units {
		w.exec(`INSERT INTO units (id, name, kind, contact, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
			u.id, u.name, u.kind, u.contact, u.phone, base, base)
	}
	for _, m := range g.meetings {
		var term any
		var session any
		if m.term != nil {
			term, session = m.term.id, m.sessionNo
		}
		stamp := string(m.start) + " 17:00:00"
		w.exec(`INSERT INTO meetings (id, kind, title, term_id, session_no, start_date, end_date, time, place, host, topic, law,
			minutes, problems, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
			m.id, m.kind, m.title, term, session, string(m.start), demoNullDate(m.end), m.time, m.place, m.host, m.topic, m.law,
			m.minutes, m.problems, stamp, stamp)
		for _, a := range m.att {
			w.exec(`INSERT INTO attendance (meeting_id, deputy_id, status, reason) VALUES (?, ?, ?, ?)`, m.id, g.deputies[a.dep].id, a.status, a.reason)
		}
		for _, gu := range m.guests {
			w.exec(`INSERT INTO meeting_guests (meeting_id, name, unit, post) VALUES (?, ?, ?, ?)`, m.id, gu.name, gu.unit, gu.post)
		}
		for k, a := range m.agenda {
			w.exec(`INSERT INTO agenda_items (id, meeting_id, seq, title, kind, report, presenter) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				a.id, m.id, k+1, a.title, a.kind, a.report, a.presenter)
		}
		for k, r := range m.res {
			var item any
			if r.agenda > 0 {
				item = m.agenda[r.agenda-1].id
			}
			w.exec(`INSERT INTO resolutions (meeting_id, agenda_item_id, seq, title, kind, text, votes_for, votes_against, votes_abstain, entered_result)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.id, item, k+1, r.title, r.kind, r.text, r.votesFor, r.against, r.abst, r.result)
		}
		for _, e := range m.elections {
			w.exec(`INSERT INTO elections (id, meeting_id, kind, position, seats, expected, present, ballots_issued, ballots_returned, ballots_valid, notes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`, e.id, m.id, e.kind, e.position, e.seats, e.expected, e.present, e.issued, e.returned, e.valid)
			for _, c := range e.candidates {
				w.exec(`INSERT INTO candidates (election_id, name, deputy_id, votes, elected) VALUES (?, ?, ?, ?, ?)`,
					e.id, c.name, nullID(c.deputy), c.votes, c.elected)
			}
		}
	}
	for _, r := range g.receptions {
		stamp := string(r.date) + " 17:00:00"
		w.exec(`INSERT INTO receptions (id, station_id, date, voters, summary, created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
			r.id, r.station.id, string(r.date), r.voters, stamp, stamp)
		for _, i := range r.deputies {
			w.exec(`INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)`, r.id, g.deputies[i].id)
		}
	}
	for _, b := range g.backs {
		stamp := string(b.date) + " 17:00:00"
		w.exec(`INSERT INTO report_backs (deputy_id, date, form, participants, excellent, competent, incompetent, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`, b.deputy, string(b.date), b.form, b.participants, b.excellent, b.competent, b.incompetent, stamp, stamp)
	}
	g.writeSupervision(w)
	rows := w.done
	w.quiet = true
	for n, it := range g.items {
		g.simulate(it)
		if g.err != nil {
			return
		}
		g.writeItem(w, it)
		if w.err != nil {
			return
		}
		it.steps, it.replies, it.evals, it.follows = nil, nil, nil, nil
		if w.progress != nil && ((n+1)%1000 == 0 || n+1 == len(g.items)) {
			w.progress(rows+(n+1)*demoItemRows, w.total)
		}
	}
	w.quiet, w.done = false, rows+len(g.items)*demoItemRows // the items counted in their units, as reported
	// Issue 18: the voters' and petitions' records, after the items they point at.
	g.writeVoters(w)
	g.writePlan(w)     // issue 22: the stations' monthly 公示 (demo_plan.go)
	g.writeWorkPlan(w) // issue 22: the year's work plan (demo_workplan.go)
	// Issue 22 part 5: the trainings' topics (demo_training.go).
	g.writeTraining(w)
	// Issue 22 part 6: the pieces published and the 《人大通讯》 (demo_publicity.go).
	g.writePublicity(w)
	// Issue 22 part 4: 评先评优, last, since it ranks the records above (demo_award.go).
	g.writeAwards(w)
}

// demoItemRows is about how many rows an item has (itself, co-signers, units, replies … and the timeline):
// the progress bar counts items in these units.
const demoItemRows = 15

func (g *demoGen) writeItem(w *demoWriter, it *demoItem) {
	w.exec(`INSERT INTO suggestions (id, number, year, seq, kind, period, session_id, source, source_meeting_id, station_id,
		reception_id, lead_deputy_id, voter_name, voter_contact, title, content, category, scope, priority, received, state, round,
		main_unit_id, assigned, deadline, first_deadline, extension_reason, forward_to, forwarded, first_reply, last_reply,
		reply_method, outcome, evaluation, first_evaluation, evaluated, voter_feedback, closed, terminated, termination_kind,
		termination_reason, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.s.ID, it.s.Number, it.s.Year, it.s.Seq, it.s.Kind, it.s.Period, nullID(it.s.SessionID), it.s.Source, nullID(it.s.SourceMeetingID), nullID(it.s.StationID),
		nullID(it.s.ReceptionID), nullID(it.s.LeadDeputyID), it.s.VoterName, it.s.VoterContact, it.s.Title, it.s.Content, it.s.Category, it.s.Scope, it.s.Priority,
		string(it.s.Received), it.s.State, it.s.Round, nullID(it.s.MainUnitID), demoNullDate(it.s.Assigned), demoNullDate(it.s.Deadline),
		demoNullDate(it.s.FirstDeadline), it.s.ExtensionReason, it.s.ForwardTo, demoNullDate(it.s.Forwarded), demoNullDate(it.s.FirstReply),
		demoNullDate(it.s.LastReply), it.s.ReplyMethod, it.s.Outcome, it.s.Evaluation, it.s.FirstEvaluation, demoNullDate(it.s.Evaluated),
		demoNullDate(it.s.VoterFeedback), demoNullDate(it.s.Closed), demoNullDate(it.s.Terminated), it.s.TerminationKind, it.s.TerminationReason,
		it.s.CreatedAt, it.s.UpdatedAt)
	for _, c := range it.s.CosignerIDs {
		w.exec(`INSERT INTO suggestion_cosigners (suggestion_id, deputy_id) VALUES (?, ?)`, it.s.ID, c)
	}
	for _, u := range it.s.AssistUnitIDs {
		w.exec(`INSERT INTO suggestion_assist_units (suggestion_id, unit_id) VALUES (?, ?)`, it.s.ID, u)
	}
	for _, r := range it.replies {
		w.exec(`INSERT INTO replies (suggestion_id, round, date, method, content, outcome, from_upper) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			it.s.ID, r.Round, string(r.Date), r.Method, r.Content, r.Outcome, r.FromUpper)
	}
	for _, e := range it.evals {
		w.exec(`INSERT INTO evaluations (suggestion_id, round, date, grade, comment) VALUES (?, ?, ?, ?, ?)`, it.s.ID, e.Round, string(e.Date), e.Grade, e.Comment)
	}
	for _, f := range it.follows {
		w.exec(`INSERT INTO followups (suggestion_id, date, note, outcome) VALUES (?, ?, ?, ?)`, it.s.ID, string(f.Date), f.Note, f.Outcome)
	}
	for _, s := range it.steps {
		w.exec(`INSERT INTO suggestion_steps (suggestion_id, step, date, round, detail, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			it.s.ID, s.Step, string(s.Date), s.Round, s.Detail, s.FromState, s.ToState, s.At)
	}
}
