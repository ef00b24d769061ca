package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// A reception record (接待选民记录, station.go's Reception) holds the voters received who gave their names and
// the issues they raised, one by one (issue 18 §1). Each issue has its own route and result; one that became a
// suggestion (转为建议, Suggestion.RaisedFrom) or a petition (转信访, Petition.FromIssue) points at it, and its
// handling is read from there. 人次 stays the reception's count: more people may come than give a name.

// The routes of an issue raised at a reception.
const (
	RouteUndecided  = ""        // 未定: not decided yet, and every record made before issues existed
	RouteExplained  = "当场解释答复"  // answered on the spot
	RouteVillage    = "转村(居)"   // passed to the village or community committee
	RoutePresidium  = "转镇人大主席团" // passed to the office itself
	RouteSuggestion = "转为建议"    // registered as a voter's suggestion (选民意见建议)
	RoutePetition   = "转信访"     // registered as a petition (信访)
)

// IssueRoutes lists the routes in the order the form offers them.
var IssueRoutes = []string{RouteExplained, RouteVillage, RoutePresidium, RouteSuggestion, RoutePetition}

// RouteLabel names a route, 「未定」 for none.
func RouteLabel(route string) string {
	if route == RouteUndecided {
		return "未定"
	}
	return route
}

// ReceptionVoter is a voter received at a reception who gave a name: as little as the office needs to answer.
type ReceptionVoter struct {
	Name    string
	Village string
	Contact string // a phone number, or where to find them (河东村3组)
}

// String is the voter as the history records them: 「张秀英 河东村」.
func (v ReceptionVoter) String() string { return textJoinSpace(v.Name, v.Village, v.Contact) }

// Validate checks the voter in row n (from 1) of the reception's list.
func (v *ReceptionVoter) Validate(n int) error {
	var c checker
	v.Name, v.Village, v.Contact = cleanName(v.Name), cleanName(v.Village), strings.TrimSpace(v.Contact)
	field := func(what string) string { return fmt.Sprintf("第%d位选民的%s", n, what) }
	c.required(field("姓名"), v.Name)
	c.maxLen(field("姓名"), v.Name, maxName)
	c.maxLen(field("村(居)"), v.Village, maxName)
	c.maxLen(field("联系方式"), v.Contact, maxLine)
	return c.result()
}

// ReceptionIssue is one issue raised at a reception, with its route and result.
type ReceptionIssue struct {
	ID         int64
	Voter      string // who raised it, as the voters' list names them (may be empty)
	Content    string
	Route      string // one of IssueRoutes, or RouteUndecided
	ReferredTo string // 转村(居): which committee
	Result     string // what was answered or done

	// What it became, kept by the store (a save of the reception leaves them as they are).
	SuggestionID int64
	PetitionID   int64
	// Read only: the suggestion's number, state and outcome, the petition's number and state, as they stand.
	SuggestionNumber, SuggestionState, SuggestionOutcome string
	PetitionNumber, PetitionState                        string
}

// String is the issue as the history records it: 「村道路灯不亮(转村(居))」.
func (i ReceptionIssue) String() string {
	s := i.Content + "(" + RouteLabel(i.Route) + ")"
	if i.Result != "" {
		s += "：" + i.Result
	}
	return s
}

// Validate checks the issue in row n (from 1) of the reception's list.
func (i *ReceptionIssue) Validate(n int) error {
	var c checker
	i.Voter, i.Content = cleanName(i.Voter), strings.TrimSpace(dropControls(i.Content))
	i.ReferredTo, i.Result = cleanName(i.ReferredTo), strings.TrimSpace(dropControls(i.Result))
	field := func(what string) string { return fmt.Sprintf("第%d条问题的%s", n, what) }
	c.required(field("内容"), i.Content)
	c.maxLen(field("内容"), i.Content, maxText)
	c.maxLen(field("反映人"), i.Voter, maxName)
	if i.Route != RouteUndecided {
		c.oneOf(field("处理方式"), i.Route, IssueRoutes)
	}
	c.maxLen(field("转交对象"), i.ReferredTo, maxLine)
	c.maxLen(field("处理结果"), i.Result, maxText)
	switch {
	case i.SuggestionID != 0 && i.Route != RouteSuggestion:
		c.failMsg(field("处理方式"), fmt.Sprintf("第%d条问题已登记为建议%s，处理方式只能是「转为建议」", n, i.SuggestionNumber))
	case i.PetitionID != 0 && i.Route != RoutePetition:
		c.failMsg(field("处理方式"), fmt.Sprintf("第%d条问题已登记为信访件%s，处理方式只能是「转信访」", n, i.PetitionNumber))
	}
	return c.result()
}

// Handling says how the issue was handled, as the station's list and the 公示表 print it: the route and the
// result, or the suggestion or petition it became with its state (「转为建议(2024-012，已办结，已解决)」).
func (i ReceptionIssue) Handling() string {
	switch {
	case i.Route == RouteSuggestion && i.SuggestionNumber != "":
		s := "转为建议(" + i.SuggestionNumber + "，" + i.SuggestionState
		if i.SuggestionOutcome != "" {
			s += "，" + i.SuggestionOutcome
		}
		return s + ")"
	case i.Route == RouteSuggestion:
		return "转为建议(待登记)"
	case i.Route == RoutePetition && i.PetitionNumber != "":
		return "转信访(" + i.PetitionNumber + "，" + i.PetitionState + ")"
	case i.Route == RoutePetition:
		return "转信访(待登记)"
	}
	s := RouteLabel(i.Route)
	if i.ReferredTo != "" {
		s += "：" + i.ReferredTo
	}
	if i.Result != "" {
		s += "；" + i.Result
	}
	return s
}

// textJoinSpace joins the non-empty parts with a space.
func textJoinSpace(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// ReceptionFilter selects reception records.
type ReceptionFilter struct {
	StationID int64
	DeputyID  int64
	From, To  Date
	Offset    int
	Limit     int
}

// Receptions returns reception records, newest first, with their voters and issues, and the number that match.
func (db *DB) Receptions(ctx context.Context, f ReceptionFilter) (out []Reception, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.receptions(f)
		return err
	})
	return out, total, err
}

// Reception returns one reception record with its voters and issues.
func (db *DB) Reception(ctx context.Context, id int64) (Reception, error) {
	var r Reception
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		r, err = tx.reception(id)
		return err
	})
	return r, err
}

const receptionColumns = `r.id, r.station_id, r.date, r.voters, r.summary, r.created_at, r.updated_at, s.name,
	coalesce((SELECT group_concat(deputy_id, ',') FROM reception_deputies WHERE reception_id = r.id), '')`

func scanReception(sc scanner, extra ...any) (Reception, error) {
	var r Reception
	var deps string
	err := sc.Scan(append([]any{&r.ID, &r.StationID, &r.Date, &r.Voters, &r.Summary, &r.CreatedAt, &r.UpdatedAt, &r.StationName, &deps}, extra...)...)
	r.DeputyIDs = splitIDs(deps)
	return r, err
}

func (tx *Tx) reception(id int64) (Reception, error) {
	r, err := scanReception(tx.QueryRow(`SELECT `+receptionColumns+` FROM receptions r JOIN stations s ON s.id = r.station_id WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, Errorf(ENOTFOUND, "接待记录不存在")
	}
	if err != nil {
		return r, err
	}
	rs := []Reception{r}
	err = tx.receptionDetails(rs)
	return rs[0], err
}

func (tx *Tx) receptions(f ReceptionFilter) (out []Reception, total int, err error) {
	w := &where{}
	if f.StationID != 0 {
		w.add("r.station_id = ?", f.StationID)
	}
	if f.DeputyID != 0 {
		w.add("r.id IN (SELECT reception_id FROM reception_deputies WHERE deputy_id = ?)", f.DeputyID)
	}
	if f.From != "" {
		w.add("r.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("r.date <= ?", f.To)
	}
	err = collect(tx, `SELECT `+receptionColumns+`, count(*) OVER () FROM receptions r JOIN stations s ON s.id = r.station_id
		WHERE `+w.sql()+` ORDER BY r.date DESC, r.id DESC`+page(f.Offset, f.Limit), w.args, func(sc scanner) error {
		r, err := scanReception(sc, &total)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("查询接待记录: %w", err)
	}
	return out, total, tx.receptionDetails(out)
}

// issueColumns reads an issue with what it became (the suggestion's number, state and outcome, the petition's
// number and state); the alias of reception_issues is i.
const issueColumns = `i.id, i.reception_id, i.voter, i.content, i.route, i.referred_to, i.result,
	coalesce(i.suggestion_id, 0), coalesce(i.petition_id, 0), coalesce(s.number, ''), coalesce(s.state, ''),
	coalesce(s.outcome, ''), coalesce(p.number, ''), coalesce(p.state, '')`

const issueFrom = ` FROM reception_issues i LEFT JOIN suggestions s ON s.id = i.suggestion_id
	LEFT JOIN petitions p ON p.id = i.petition_id`

func scanIssue(sc scanner, receptionID *int64) (ReceptionIssue, error) {
	var i ReceptionIssue
	err := sc.Scan(&i.ID, receptionID, &i.Voter, &i.Content, &i.Route, &i.ReferredTo, &i.Result, &i.SuggestionID,
		&i.PetitionID, &i.SuggestionNumber, &i.SuggestionState, &i.SuggestionOutcome, &i.PetitionNumber, &i.PetitionState)
	return i, err
}

// receptionDetails fills in the voters and issues of the records rs.
func (tx *Tx) receptionDetails(rs []Reception) error {
	if len(rs) == 0 {
		return nil
	}
	at := map[int64]int{}
	ids := make([]int64, len(rs))
	for k, r := range rs {
		at[r.ID], ids[k] = k, r.ID
	}
	for start := 0; start < len(ids); start += 500 {
		list := idList(ids[start:min(start+500, len(ids))])
		if err := collect(tx, `SELECT reception_id, name, village, contact FROM reception_voters WHERE reception_id IN (`+list+`) ORDER BY reception_id, seq`,
			nil, func(sc scanner) error {
				var rid int64
				var v ReceptionVoter
				err := sc.Scan(&rid, &v.Name, &v.Village, &v.Contact)
				rs[at[rid]].People = append(rs[at[rid]].People, v)
				return err
			}); err != nil {
			return err
		}
		if err := collect(tx, `SELECT `+issueColumns+issueFrom+` WHERE i.reception_id IN (`+list+`) ORDER BY i.reception_id, i.seq`,
			nil, func(sc scanner) error {
				var rid int64
				i, err := scanIssue(sc, &rid)
				rs[at[rid]].Issues = append(rs[at[rid]].Issues, i)
				return err
			}); err != nil {
			return err
		}
	}
	return nil
}

// checkDetail checks the reception's voters and issues, each by its row: every voter named, every issue said,
// and 人次 not fewer than the voters named.
func (r *Reception) checkDetail() error {
	for k := range r.People {
		if err := r.People[k].Validate(k + 1); err != nil {
			return err
		}
	}
	for k := range r.Issues {
		if err := r.Issues[k].Validate(k + 1); err != nil {
			return err
		}
	}
	if len(r.People) > r.Voters {
		return fieldErr("接待选民(人次)", "(%d)不能少于登记姓名的选民人数(%d)", r.Voters, len(r.People))
	}
	return nil
}

// SaveReception creates (ID 0) or updates a reception record with its voters and issues, in one transaction.
// The suggestion or petition an issue became stays linked to it whatever the form sends; an issue linked to
// one cannot be removed (the suggestion or petition would lose where it came from).
func (db *DB) SaveReception(ctx context.Context, r *Reception) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		// The links come from the store, so that the checks of checkDetail see them.
		var old Reception
		if r.ID != 0 {
			var err error
			if old, err = tx.reception(r.ID); err != nil {
				return err
			}
			if err := keepIssueLinks(r, old); err != nil {
				return err
			}
		} else {
			for k := range r.Issues {
				r.Issues[k].ID, r.Issues[k].SuggestionID, r.Issues[k].PetitionID = 0, 0, 0
			}
		}
		if err := r.checkDetail(); err != nil {
			return err
		}
		return tx.saveReception(r, old)
	})
}

// keepIssueLinks copies the links of the issues as stored onto the issues of r of the same id, and refuses an
// id that is not one of the record's issues or the removal of a linked issue.
func keepIssueLinks(r *Reception, old Reception) error {
	stored := map[int64]ReceptionIssue{}
	for _, i := range old.Issues {
		stored[i.ID] = i
	}
	kept := map[int64]bool{}
	for k := range r.Issues {
		i := &r.Issues[k]
		if i.ID == 0 {
			i.SuggestionID, i.PetitionID = 0, 0
			continue
		}
		s, ok := stored[i.ID]
		if !ok {
			return Errorf(ECONFLICT, "第%d条问题已不在这条接待记录中(可能已被删除)，请重新打开接待记录", k+1)
		}
		kept[i.ID] = true
		i.SuggestionID, i.PetitionID = s.SuggestionID, s.PetitionID
		i.SuggestionNumber, i.SuggestionState, i.SuggestionOutcome = s.SuggestionNumber, s.SuggestionState, s.SuggestionOutcome
		i.PetitionNumber, i.PetitionState = s.PetitionNumber, s.PetitionState
	}
	for _, s := range old.Issues {
		if kept[s.ID] {
			continue
		}
		switch {
		case s.SuggestionID != 0:
			return &Error{Code: ECONFLICT, Field: "反映问题", Message: fmt.Sprintf("问题「%s」已登记为建议%s，不能从接待记录中删除", shortText(s.Content), s.SuggestionNumber)}
		case s.PetitionID != 0:
			return &Error{Code: ECONFLICT, Field: "反映问题", Message: fmt.Sprintf("问题「%s」已登记为信访件%s，不能从接待记录中删除", shortText(s.Content), s.PetitionNumber)}
		}
	}
	return nil
}

// shortText is the first line of a text, cut to 20 characters: 「关于修复村口路灯和…」.
func shortText(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if r := []rune(s); len(r) > 20 {
		return string(r[:19]) + "…"
	}
	return s
}

// saveReception writes a checked record (old is the record as stored, zero for a new one) with its deputies,
// voters and issues and the history entry.
func (tx *Tx) saveReception(r *Reception, old Reception) error {
	st, err := tx.station(r.StationID)
	if err != nil {
		return fieldErr("联络站", "不存在")
	}
	for _, id := range r.DeputyIDs {
		if err := tx.exists("deputies", id, "值班代表"); err != nil {
			return err
		}
	}
	if r.Date > DateOf(tx.now) {
		return fieldErr("接待日期", "(%s)不能晚于今天", r.Date.Chinese())
	}
	label := st.Name + " " + r.Date.Chinese()
	action, changes := ActionCreate, describe(r)
	if r.ID == 0 {
		res, err := tx.Exec(`INSERT INTO receptions (station_id, date, voters, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			r.StationID, r.Date, r.Voters, r.Summary, tx.stamp(), tx.stamp())
		if err != nil {
			return fmt.Errorf("保存接待记录: %w", err)
		}
		r.ID, _ = res.LastInsertId()
	} else {
		if _, err := tx.Exec(`UPDATE receptions SET station_id = ?, date = ?, voters = ?, summary = ?, updated_at = ? WHERE id = ?`,
			r.StationID, r.Date, r.Voters, r.Summary, tx.stamp(), r.ID); err != nil {
			return err
		}
		action, changes = ActionUpdate, diff(old, r)
	}
	if _, err := tx.Exec(`DELETE FROM reception_deputies WHERE reception_id = ?`, r.ID); err != nil {
		return err
	}
	for _, id := range r.DeputyIDs {
		if _, err := tx.Exec(`INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)`, r.ID, id); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(`DELETE FROM reception_voters WHERE reception_id = ?`, r.ID); err != nil {
		return err
	}
	for k, v := range r.People {
		if _, err := tx.Exec(`INSERT INTO reception_voters (reception_id, seq, name, village, contact) VALUES (?, ?, ?, ?, ?)`,
			r.ID, k+1, v.Name, v.Village, v.Contact); err != nil {
			return err
		}
	}
	if err := tx.saveIssues(r); err != nil {
		return err
	}
	if changes == "" {
		return nil
	}
	return tx.logHistory("reception", r.ID, action, label, changes)
}

// saveIssues writes the issues of r in their order: an issue with an id is updated in place (its links stay
// with it), a new one inserted, one no longer listed deleted.
func (tx *Tx) saveIssues(r *Reception) error {
	var keep []int64
	for _, i := range r.Issues {
		if i.ID != 0 {
			keep = append(keep, i.ID)
		}
	}
	q := `DELETE FROM reception_issues WHERE reception_id = ?`
	if len(keep) > 0 {
		q += ` AND id NOT IN (` + idList(keep) + `)`
	}
	if _, err := tx.Exec(q, r.ID); err != nil {
		return err
	}
	// Sequence numbers are moved out of the way first, so that no two rows share one while they are renumbered.
	if _, err := tx.Exec(`UPDATE reception_issues SET seq = -seq WHERE reception_id = ?`, r.ID); err != nil {
		return err
	}
	for k := range r.Issues {
		i := &r.Issues[k]
		if i.ID == 0 {
			res, err := tx.Exec(`INSERT INTO reception_issues (reception_id, seq, voter, content, route, referred_to, result)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, r.ID, k+1, i.Voter, i.Content, i.Route, i.ReferredTo, i.Result)
			if err != nil {
				return fmt.Errorf("保存反映问题: %w", err)
			}
			i.ID, _ = res.LastInsertId()
			continue
		}
		if _, err := tx.Exec(`UPDATE reception_issues SET seq = ?, voter = ?, content = ?, route = ?, referred_to = ?, result = ?
			WHERE id = ? AND reception_id = ?`, k+1, i.Voter, i.Content, i.Route, i.ReferredTo, i.Result, i.ID, r.ID); err != nil {
			return fmt.Errorf("保存反映问题: %w", err)
		}
	}
	return nil
}

// DeleteReception deletes a reception record with its voters and issues; suggestions and petitions raised
// there keep their text.
func (db *DB) DeleteReception(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var label string
		if err := tx.QueryRow(`SELECT s.name || ' ' || r.date FROM receptions r JOIN stations s ON s.id = r.station_id WHERE r.id = ?`, id).Scan(&label); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "接待记录不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM receptions WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("reception", id, ActionDelete, label, "")
	})
}

// issue reads one issue with the reception it belongs to.
func (tx *Tx) issue(id int64) (ReceptionIssue, int64, error) {
	var rid int64
	i, err := scanIssue(tx.QueryRow(`SELECT `+issueColumns+issueFrom+` WHERE i.id = ?`, id), &rid)
	if errors.Is(err, sql.ErrNoRows) {
		return i, 0, Errorf(ENOTFOUND, "接待记录中的这条问题已不存在")
	}
	return i, rid, err
}

// ReceptionIssueByID returns one issue with the reception it was raised at (for 转为建议 and 转信访).
func (db *DB) ReceptionIssueByID(ctx context.Context, id int64) (ReceptionIssue, Reception, error) {
	var i ReceptionIssue
	var r Reception
	err := db.view(ctx, func(tx *Tx) error {
		var rid int64
		var err error
		if i, rid, err = tx.issue(id); err != nil {
			return err
		}
		r, err = tx.reception(rid)
		return err
	})
	return i, r, err
}
