package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Importing (SPEC §6.7) happens in three steps. export reads a workbook into an ImportSheet: one ImportRow per
// data row, holding a typed record, the names it refers to and what was wrong with its cells. PlanImport
// resolves the names against the database, finds likely duplicates, validates every row and tries the whole
// import inside a transaction that it rolls back, so that the preview shows exactly what would happen. Nothing
// is written until ApplyImport, which writes every row in one transaction with the same helpers as the forms,
// history included, or nothing at all. The clerk may choose to leave out the rows with errors
// (ImportChoice.SkipErrors): the others are written, still in one transaction, and ErrorRows says which rows
// were left out and why, for export to write them to a workbook beside the file, to be corrected and imported.
// The command line, whose choice is made before the check, does both in one pass (BeginImport): the rows are
// checked by writing them in a transaction that stays open until it commits or is rolled back.

// ImportKind is what an import file holds.
type ImportKind string

// The kinds of import.
const (
	ImportDeputies    ImportKind = "deputies"
	ImportStations    ImportKind = "stations"
	ImportSuggestions ImportKind = "suggestions"
	// ImportRectifications are 整改事项 (import_rectifications.go).
	ImportRectifications ImportKind = "rectifications"
	// ImportEvalTargets are the targets of one 评议活动 (import_targets.go); ImportSheet.CampaignID names it.
	ImportEvalTargets ImportKind = "evaluation-targets"
	// ImportPetitions are 信访件 of a 信访登记台账 (import_petitions.go).
	ImportPetitions ImportKind = "petitions"
	// ImportDistricts is the 选区 register (import_districts.go, issue 16).
	ImportDistricts ImportKind = "districts"
	// ImportArticles are 宣传稿件 and 人大信息 items (import_articles.go, issue 22 part 6).
	ImportArticles ImportKind = "articles"
)

// ImportKinds lists the kinds of import.
var ImportKinds = []ImportKind{ImportDeputies, ImportStations, ImportSuggestions, ImportRectifications, ImportEvalTargets,
	ImportPetitions, ImportDistricts,
	ImportArticles, // issue 22 part 6
}

// Label returns the Chinese name of what the kind imports: 代表, 联络站 or 建议.
func (k ImportKind) Label() string {
	switch k {
	case ImportDeputies:
		return "代表"
	case ImportStations:
		return "联络站"
	case ImportSuggestions:
		return "建议"
	case ImportRectifications:
		return "整改事项"
	case ImportEvalTargets:
		return "评议对象"
	case ImportPetitions:
		return "信访件"
	case ImportDistricts:
		return "选区"
	case ImportArticles: // issue 22 part 6
		return "宣传稿件"
	}
	return string(k)
}

// Valid reports whether k is one of ImportKinds.
func (k ImportKind) Valid() bool { return slices.Contains(ImportKinds, k) }

// ImportProblem is something wrong (or worth a look) in a row of an import file.
type ImportProblem struct {
	Line    int    // the row number as Excel shows it; 0 for the file as a whole
	Field   string // the field's Chinese label; "" for the row as a whole
	Message string // the whole sentence, naming the row and the field: 第5行「出生年月」：…
	Warning bool   // a warning does not stop the import
	// Ref is the other row of the file a problem is about (「与第3行重复」), 0 for none: when rows with errors
	// are left out, the reason says what became of that row.
	Ref int
}

// RowProblem builds the problem of row line about field, e.g. RowProblem(5, "出生年月", "「1968.13」的月份应在1到12
// 之间") is 「第5行「出生年月」：「1968.13」的月份应在1到12之间」 and RowProblem(5, "姓名", "不能为空") is
// 「第5行「姓名」不能为空」. A detail that begins with the field's label, as the messages of Validate do, loses
// it, so the label is not said twice.
func RowProblem(line int, field, detail string, warning bool) ImportProblem {
	msg := fmt.Sprintf("第%d行", line)
	if field != "" {
		msg += "「" + field + "」"
		if rest, ok := strings.CutPrefix(detail, field); ok && (readsOn(rest) || strings.HasPrefix(rest, "「")) {
			detail = rest
		}
	}
	if detail != "" && (field == "" || !readsOn(detail)) {
		msg += "："
	}
	return ImportProblem{Line: line, Field: field, Message: msg + detail, Warning: warning}
}

// readsOn reports whether a detail reads on from a field's label without a colon: 「姓名」不能为空,
// 「标题」不能超过200个字, 「收到日期」(2025年1月1日)不能晚于今天.
func readsOn(s string) bool {
	for _, p := range []string{"(", "不能", "至少", "应", "只有", "有重复", "不是", "不在", "不存在", "未填写", "无效", "引用", "的", "数值", "必须"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// rowProblem turns an error of a save or a Validate into a problem of row line.
func rowProblem(line int, err error) ImportProblem {
	var e *Error
	if errors.As(err, &e) {
		return RowProblem(line, e.Field, e.Message, false)
	}
	return RowProblem(line, "", err.Error(), false)
}

// ImportRow is one data row of an import file as export read it.
type ImportRow struct {
	Line int // the row number as Excel shows it

	// The record the row describes; only the one of the sheet's kind is set. Fields that refer to other
	// records (GroupID, StationIDs, LeadDeputyID …) are left zero: their names are in Names.
	Deputy     *Deputy
	Station    *Station
	Suggestion *Suggestion // with Assigned and Deadline when the row gives 交办日期 and 办理时限
	// Rectification is a 整改事项 (import_rectifications.go).
	Rectification *Rectification
	// EvalTarget is a target of a 评议活动 with its 测评 counts (import_targets.go).
	EvalTarget *EvalTarget
	// Petition is a 信访件 with its handling as the ledger has it (import_petitions.go).
	Petition *Petition
	// District is a 选区 of the register (import_districts.go).
	District *District
	// Article is a 宣传稿件 or 人大信息 item (import_articles.go).
	Article *Article

	// Given holds the labels of the fields the row fills (the `label` tags of the record's type, plus
	// 「六个有·固定场所」 … for single items of a station's checklist, and 交办日期, 办理时限). An update changes
	// only these fields: an empty cell never clears what the database holds.
	Given map[string]bool
	// Names are the references by name, keyed by the label of the field they fill: 届次, 代表小组, 进站 (deputies);
	// 进站代表 (stations); 人代会, 来源活动, 来源联络站, 领衔代表, 联名代表, 主办单位, 协办单位 (suggestions).
	Names map[string][]string
	// Problems are what the reader found wrong with the row's cells.
	Problems []ImportProblem
	// Cells are the row's cells as the clerk sees them in Excel (a date as 2024-03-05, not Excel's serial
	// number), in the file's column order: what the workbook of the rows left out repeats.
	Cells []string
}

// ImportSheet is an import file as export read it.
type ImportSheet struct {
	Kind       ImportKind
	File       string   // the file's base name, for messages
	Sheet      string   // the worksheet read
	HeaderLine int      // the row of the header, as Excel numbers it
	Columns    []string // the labels of the fields the file has, in the file's order
	Header     []string // the header row's cells as the file has them (for the rows left out, see ImportRow.Cells)
	Ignored    []string // headers that match no field; their columns are not imported
	Notes      []string // what the reader wants the clerk to know (an example row left out …)
	Rows       []ImportRow
	// CampaignID is the 评议活动 whose targets an ImportEvalTargets sheet holds (set by the caller).
	CampaignID int64
}

// ImportStatus is what happens to a row.
type ImportStatus string

// The statuses of a row in the preview; ImportUpdate and ImportSkip are also the choices for duplicates.
const (
	ImportNew    ImportStatus = "新增"
	ImportUpdate ImportStatus = "更新"
	ImportSkip   ImportStatus = "跳过"
	ImportFailed ImportStatus = "错误"
)

// ImportChoice is what the clerk chose in the preview.
type ImportChoice struct {
	Duplicates ImportStatus         // ImportUpdate or ImportSkip (the default) for rows that match a record
	Rows       map[int]ImportStatus // per-row choice by line, overriding Duplicates
	// SkipErrors writes the rows without errors and leaves out those with errors (「跳过有错误的行」); without
	// it, one row with an error stops the whole import.
	SkipErrors bool
	Progress   func(done, total int)
}

func (c ImportChoice) forLine(line int) ImportStatus {
	if s, ok := c.Rows[line]; ok {
		return s
	}
	if c.Duplicates == ImportUpdate {
		return ImportUpdate
	}
	return ImportSkip
}

// PlanRow is one row of the preview.
type PlanRow struct {
	Line  int
	Label string // what the clerk recognises the row by: 王建国, 青山村代表联络站, 2024-012 修缮村道

	// The record to write: a new one, or for a duplicate the existing record with the row's fields put in.
	Deputy     *Deputy
	Station    *Station
	Suggestion *Suggestion
	// Rectification is a 整改事项 (import_rectifications.go).
	Rectification *Rectification
	// EvalTarget is a campaign's target (import_targets.go).
	EvalTarget *EvalTarget
	// Petition is a 信访件's registration (import_petitions.go); petitionSteps its handling as the row has it.
	Petition      *Petition
	petitionSteps *Petition
	// District is a 选区 of the register (import_districts.go).
	District *District
	// Article is a 宣传稿件 or 人大信息 item (import_articles.go).
	Article *Article

	ExistingID int64  // the record the row likely duplicates; 0 when the row is new
	Existing   string // that record as the clerk knows it
	Match      string // why it is thought the same: 姓名和出生年月相同
	Changes    string // what an update would change, one field a line: 联系电话: 138… → 139…; "" when nothing

	Errors   []ImportProblem
	Warnings []ImportProblem

	// For a suggestion given 主办单位 and 交办日期: the assignment made after registering it.
	assign *AssignInput
}

// ImportPlan is the preview of an import: every row with what would happen to it.
type ImportPlan struct {
	Kind  ImportKind
	File  string
	Sheet string
	Rows  []PlanRow
	Notes []string // about the file as a whole: columns ignored, defaults used
}

// ImportCounts are the numbers the preview and the command line report.
type ImportCounts struct {
	New, Update, Skip, Error, Warning int
}

// String reads 新增 3、更新 1、跳过 0、错误 2 (and 、警告 n when there are warnings).
func (c ImportCounts) String() string {
	s := fmt.Sprintf("新增 %d、更新 %d、跳过 %d、错误 %d", c.New, c.Update, c.Skip, c.Error)
	if c.Warning > 0 {
		s += fmt.Sprintf("、警告 %d", c.Warning)
	}
	return s
}

// Status returns what the choice does with row i: a duplicate the clerk skips is skipped whatever is wrong
// with it; otherwise a row with errors is an error, and the rest are new or updates.
func (p *ImportPlan) Status(i int, c ImportChoice) ImportStatus {
	r := p.Rows[i]
	if r.ExistingID != 0 && c.forLine(r.Line) == ImportSkip {
		return ImportSkip
	}
	if len(r.Errors) > 0 {
		return ImportFailed
	}
	if r.ExistingID != 0 {
		return ImportUpdate
	}
	return ImportNew
}

// Counts counts the rows by status under the choice; Warning counts rows with warnings.
func (p *ImportPlan) Counts(c ImportChoice) ImportCounts {
	var n ImportCounts
	for i, r := range p.Rows {
		switch p.Status(i, c) {
		case ImportNew:
			n.New++
		case ImportUpdate:
			n.Update++
		case ImportSkip:
			n.Skip++
		case ImportFailed:
			n.Error++
		}
		if len(r.Warnings) > 0 {
			n.Warning++
		}
	}
	return n
}

// Problems lists, in row order, the errors that stop the import under the choice, then every warning.
func (p *ImportPlan) Problems(c ImportChoice) []ImportProblem {
	var out []ImportProblem
	for i, r := range p.Rows {
		if p.Status(i, c) == ImportFailed {
			out = append(out, r.Errors...)
		}
	}
	for _, r := range p.Rows {
		out = append(out, r.Warnings...)
	}
	return out
}

// ImportResult is what ApplyImport wrote: Failed counts the rows with errors left out (SkipErrors).
type ImportResult struct {
	Created, Updated, Skipped, Failed int
}

// ImportErrorRow is a row left out of an import for its errors, with the reason in the clerk's words.
type ImportErrorRow struct {
	Line   int
	Reason string // 「出生年月」：「1968.13」的月份应在1到12之间；「民族」：…
}

// ErrorRows lists, in file order, the rows the choice leaves out for their errors, each with every error as a
// reason. A row whose error is about another row of the file (「与第3行重复」) says what became of that row:
// left out too, imported, or skipped as a record the database has — no row depends on another silently.
func (p *ImportPlan) ErrorRows(c ImportChoice) []ImportErrorRow {
	status := map[int]ImportStatus{}
	for i, r := range p.Rows {
		status[r.Line] = p.Status(i, c)
	}
	var out []ImportErrorRow
	for i, r := range p.Rows {
		if p.Status(i, c) != ImportFailed {
			continue
		}
		var reasons []string
		for _, e := range r.Errors {
			msg := strings.TrimPrefix(strings.TrimPrefix(e.Message, fmt.Sprintf("第%d行", r.Line)), "：")
			if e.Ref != 0 {
				switch status[e.Ref] {
				case ImportFailed:
					msg += fmt.Sprintf("(第%d行也有错误，一并未导入)", e.Ref)
				case ImportNew, ImportUpdate:
					msg += fmt.Sprintf("(第%d行已导入)", e.Ref)
				case ImportSkip:
					msg += fmt.Sprintf("(第%d行与已有记录重复，已跳过)", e.Ref)
				}
			}
			reasons = append(reasons, msg)
		}
		out = append(out, ImportErrorRow{Line: r.Line, Reason: strings.Join(reasons, "；")})
	}
	return out
}

// PlanImport resolves a sheet against the database and returns the preview. It writes nothing: the trial
// run that checks what only a save can check (numbers, assignment deadlines) is rolled back.
func (db *DB) PlanImport(ctx context.Context, sheet ImportSheet) (*ImportPlan, error) {
	plan, err := db.planRows(ctx, sheet, false)
	if err != nil {
		return nil, err
	}
	t, err := db.beginTrial(ctx)
	if err != nil {
		return nil, fmt.Errorf("检查导入文件: %w", err)
	}
	defer t.end()
	t.tx.noSearchIndex = true
	// Duplicates are tried as updates, whatever the clerk will choose in the preview.
	if err := t.try(ctx, plan, func(r *PlanRow) bool { return len(r.Errors) == 0 }); err != nil {
		return nil, fmt.Errorf("检查导入文件: %w", err)
	}
	return plan, nil
}

// planRows resolves every row of a sheet against the database (names, dictionaries, duplicates, Validate).
// With take, each row of the sheet keeps only its Line and Cells once planned (see BeginImport).
func (db *DB) planRows(ctx context.Context, sheet ImportSheet, take bool) (*ImportPlan, error) {
	if !sheet.Kind.Valid() {
		return nil, Errorf(EINVALID, "未知的导入类型「%s」", sheet.Kind)
	}
	if sheet.Kind == ImportEvalTargets && sheet.CampaignID == 0 {
		return nil, Errorf(EINVALID, "导入评议对象时要指定评议活动")
	}
	plan := &ImportPlan{Kind: sheet.Kind, File: sheet.File, Sheet: sheet.Sheet, Notes: slices.Clone(sheet.Notes),
		Rows: make([]PlanRow, 0, len(sheet.Rows))}
	if len(sheet.Ignored) > 0 {
		plan.Notes = append(plan.Notes, "以下栏目不能导入，已忽略："+strings.Join(sheet.Ignored, "、"))
	}
	err := db.view(ctx, func(tx *Tx) error {
		tx.cacheStatements()
		idx, err := loadImportIndex(tx, sheet.Kind)
		if err != nil {
			return err
		}
		pl := &planner{tx: tx, idx: idx, sheet: &sheet, plan: plan, seen: map[string]int{},
			deputies: map[string][]seenDeputy{}, claimed: map[int64]int{}}
		pl.notes()
		for i := range sheet.Rows {
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := pl.row(&sheet.Rows[i])
			if err != nil {
				return fmt.Errorf("第%d行: %w", sheet.Rows[i].Line, err)
			}
			plan.Rows = append(plan.Rows, r)
			if take {
				in := &sheet.Rows[i]
				*in = ImportRow{Line: in.Line, Cells: in.Cells}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("检查导入文件: %w", err)
	}
	return plan, nil
}

// trial is a write transaction on a connection of its own in which an import's rows are tried.
type trial struct {
	conn *sql.Conn
	tx   *Tx
}

// beginTrial begins the transaction rows are tried in. Each row's savepoint copies the pages it changes into
// the sub-journal, a temporary file once past 64 KiB: kept in memory instead (emptied at every RELEASE, so it
// holds one row's pages) it saves a sixth of the check. SQLite decides where the sub-journal goes when the
// transaction begins, so the setting is made on the connection first, and put back by end before the
// connection returns to the pool.
func (db *DB) beginTrial(ctx context.Context) (*trial, error) {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("开始事务: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
		conn.Close()
		return nil, err
	}
	t, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.ExecContext(context.Background(), `PRAGMA temp_store = DEFAULT`)
		conn.Close()
		return nil, fmt.Errorf("开始事务: %w", err)
	}
	tx := &Tx{Tx: t, db: db, now: db.Now()}
	tx.cacheStatements()
	return &trial{conn: conn, tx: tx}, nil
}

// end rolls back what was not committed and gives the connection back; it may be called again.
func (t *trial) end() {
	if t.conn == nil {
		return
	}
	t.tx.Rollback()
	t.conn.ExecContext(context.Background(), `PRAGMA temp_store = DEFAULT`)
	t.conn.Close()
	t.conn = nil
}

// try writes the rows of the plan that include selects, in file order, each under a savepoint, and records
// what each save refused as an error of its row, whose changes (and queued search rows) are rolled back.
func (t *trial) try(ctx context.Context, plan *ImportPlan, include func(r *PlanRow) bool) error {
	tx := t.tx
	for i := range plan.Rows {
		r := &plan.Rows[i]
		if !include(r) {
			continue
		}
		if _, err := tx.Exec(`SAVEPOINT import_row`); err != nil {
			return err
		}
		queued := 0
		if tx.searchQueue != nil {
			queued = len(*tx.searchQueue)
		}
		if err := tx.importRow(r); err != nil {
			if ErrorCode(err) == "" && ctx.Err() != nil {
				return ctx.Err()
			}
			r.Errors = append(r.Errors, rowProblem(r.Line, err))
			if _, err := tx.Exec(`ROLLBACK TO import_row`); err != nil {
				return err
			}
			if tx.searchQueue != nil {
				*tx.searchQueue = (*tx.searchQueue)[:queued]
			}
		}
		if _, err := tx.Exec(`RELEASE import_row`); err != nil {
			return err
		}
	}
	return nil
}

// PendingImport is an import checked by writing it: BeginImport has planned the sheet and written, inside a
// transaction still open, every row the clerk's choice writes, each save's refusal recorded as its row's
// error. Plan is the preview, as PlanImport makes it under that choice. Commit makes the write final (after
// a safety backup, which other connections can take meanwhile: they read the database as it was before);
// Rollback, or an error, leaves the database as it was.
type PendingImport struct {
	Plan   *ImportPlan
	choice ImportChoice
	trial  *trial
}

// BeginImport checks and writes an import in one pass, for the command line: PlanImport followed by
// ApplyImport saves every row twice, the trial run and the write, two thirds of an import of 50 000 rows.
// Rows the choice skips are not tried (duplicates the clerk skips are skipped whatever is wrong with them).
// Each row of the sheet keeps only its Line and Cells once planned (what export.WriteSkippedRows needs):
// the plan has copied its record, and the sheet's records kept alive beside it, some 60 MB at 50 000 rows,
// made the collector scan them on every cycle of the write.
func (db *DB) BeginImport(ctx context.Context, sheet *ImportSheet, choice ImportChoice) (*PendingImport, error) {
	plan, err := db.planRows(ctx, *sheet, true)
	if err != nil {
		return nil, err
	}
	t, err := db.beginTrial(ctx)
	if err != nil {
		return nil, fmt.Errorf("检查导入文件: %w", err)
	}
	t.tx.deferSearch()
	status := make(map[*PlanRow]ImportStatus, len(plan.Rows))
	for i := range plan.Rows {
		status[&plan.Rows[i]] = plan.Status(i, choice)
	}
	if err := t.try(ctx, plan, func(r *PlanRow) bool { return status[r] == ImportNew || status[r] == ImportUpdate }); err != nil {
		t.end()
		return nil, fmt.Errorf("检查导入文件: %w", err)
	}
	return &PendingImport{Plan: plan, choice: choice, trial: t}, nil
}

// SafetyBackup is DB.SafetyBackup taken while the import is pending: the backup, made on another connection,
// holds the database as it was before the import; a failed backup on record is cleared inside the import's
// transaction (with it, once it commits), as a second writer would wait for the import (busy_timeout) and give up.
func (p *PendingImport) SafetyBackup(ctx context.Context, reason string) (string, error) {
	tx := p.trial.tx
	return tx.db.safetyBackup(ctx, reason, func(context.Context) {
		if !tx.db.forgetBackupFailure() {
			tx.Exec(`DELETE FROM settings WHERE key = ?`, backupFailureKey)
		}
	})
}

// Rollback abandons the import: nothing it wrote stays. It does nothing after Commit.
func (p *PendingImport) Rollback() { p.trial.end() }

// Commit makes the import final: the search rows of the items written, the history entry of the import,
// then the commit. Like ApplyImport it refuses a plan with errors unless the choice is SkipErrors, whose rows
// with errors were never written (or rolled back to their savepoint).
func (p *PendingImport) Commit(ctx context.Context) (ImportResult, error) {
	defer p.trial.end()
	if p.trial.conn == nil {
		return ImportResult{}, Errorf(EINVALID, "导入已结束")
	}
	n := p.Plan.Counts(p.choice)
	if n.Error > 0 && !p.choice.SkipErrors {
		return ImportResult{}, Errorf(EINVALID, "有%d行错误，未导入任何%s；请改正文件后重新导入", n.Error, p.Plan.Kind.Label())
	}
	if err := ctx.Err(); err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Created: n.New, Updated: n.Update, Skipped: n.Skip, Failed: n.Error}
	tx := p.trial.tx
	if err := tx.flushSearch(); err != nil {
		return ImportResult{}, err
	}
	if err := tx.logImport(p.Plan, res); err != nil {
		return ImportResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return ImportResult{}, fmt.Errorf("保存: %w", err)
	}
	return res, nil
}

// logImport writes the history entry of an import as a whole.
func (tx *Tx) logImport(plan *ImportPlan, res ImportResult) error {
	summary := fmt.Sprintf("文件: %s\n新增 %d、更新 %d、跳过 %d", plan.File, res.Created, res.Updated, res.Skipped)
	if res.Failed > 0 {
		summary += fmt.Sprintf("、有错误未导入 %d", res.Failed)
	}
	return tx.logHistory("database", 0, ActionCreate, "导入"+plan.Kind.Label(), summary)
}

// ApplyImport writes the plan under the clerk's choice in one transaction: new rows are created and
// duplicates updated or skipped, with the same checks and history as saving each record by hand, plus one
// history entry for the import. A plan with errors is refused, unless the choice is SkipErrors: then the rows
// with errors are left out (counted in Failed) and the others written. If any row fails now (the database
// changed since the preview), nothing is written and the message names the row.
func (db *DB) ApplyImport(ctx context.Context, plan *ImportPlan, choice ImportChoice) (ImportResult, error) {
	var res ImportResult
	if plan == nil {
		return res, Errorf(EINVALID, "没有要导入的内容")
	}
	n := plan.Counts(choice)
	if n.Error > 0 && !choice.SkipErrors {
		return res, Errorf(EINVALID, "有%d行错误，未导入任何%s；请改正文件后重新导入", n.Error, plan.Kind.Label())
	}
	total := n.New + n.Update
	err := db.update(ctx, func(tx *Tx) error {
		tx.cacheStatements()
		tx.deferSearch()
		res = ImportResult{}
		done := 0
		for i := range plan.Rows {
			r := &plan.Rows[i]
			switch plan.Status(i, choice) {
			case ImportSkip:
				res.Skipped++
				continue
			case ImportFailed: // only with SkipErrors, checked above
				res.Failed++
				continue
			case ImportNew:
				res.Created++
			case ImportUpdate:
				res.Updated++
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := tx.importRow(r); err != nil {
				p := rowProblem(r.Line, err)
				return &Error{Code: codeOr(ErrorCode(err), EINVALID), Field: p.Field, Message: p.Message + "；全部未导入"}
			}
			done++
			if choice.Progress != nil {
				choice.Progress(done, total)
			}
		}
		if err := tx.flushSearch(); err != nil {
			return err
		}
		return tx.logImport(plan, res)
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

func codeOr(code, otherwise string) string {
	if code == "" {
		return otherwise
	}
	return code
}

// importRow saves one planned row with the helpers the forms use. The plan's record is copied first, so a
// trial run leaves it as it was (a new record keeps ID 0).
func (tx *Tx) importRow(r *PlanRow) error {
	switch {
	case r.Deputy != nil:
		d := *r.Deputy
		return tx.saveDeputy(&d)
	case r.Station != nil:
		s := *r.Station
		return tx.saveStation(&s)
	case r.Rectification != nil:
		x := *r.Rectification
		return tx.saveRectification(&x)
	case r.EvalTarget != nil:
		return tx.importEvalTarget(*r.EvalTarget)
	case r.Petition != nil:
		return tx.importPetition(r)
	case r.District != nil:
		x := *r.District
		return tx.saveDistrict(&x)
	case r.Article != nil: // issue 22 part 6
		x := *r.Article
		return tx.saveArticle(&x)
	case r.Suggestion != nil:
		s := *r.Suggestion
		if err := tx.saveSuggestion(&s); err != nil {
			return err
		}
		if r.assign != nil {
			return tx.assign(s.ID, *r.assign)
		}
	}
	return nil
}

// ImportLists returns the values the import template of a kind offers in its drop-down lists, by column
// label: the office's dictionaries, the levels in the office's words (乡级, 区级), and the terms, groups,
// sessions, deputies, stations and units by the names the importer resolves.
func (db *DB) ImportLists(ctx context.Context, kind ImportKind) (map[string][]string, error) {
	out := map[string][]string{}
	err := db.view(ctx, func(tx *Tx) error {
		st, err := readSettings(tx)
		if err != nil {
			return err
		}
		dict := func(label, kind string) error {
			vs, err := tx.dict(kind)
			if len(vs) > 0 {
				out[label] = vs
			}
			return err
		}
		names := func(label, q string) error {
			return collect(tx, q, nil, func(s scanner) error {
				var v string
				err := s.Scan(&v)
				out[label] = append(out[label], v)
				return err
			})
		}
		levels := func(label string, codes []string) {
			for _, c := range codes {
				out[label] = append(out[label], st.LevelLabel(c))
			}
		}
		switch kind {
		case ImportDeputies:
			for _, d := range []struct{ label, kind string }{{"民族", DictEthnicity}, {"政治面貌", DictParty}, {"文化程度", DictEducation},
				{"所在村(居)", DictVillage}, {"代表构成", DictComposition}, {"职务角色", DictRole}} {
				if err := dict(d.label, d.kind); err != nil {
					return err
				}
			}
			levels("代表层级", DeputyLevels)
			if err := names("代表小组", `SELECT name FROM deputy_groups ORDER BY id`); err != nil {
				return err
			}
			if err := collect(tx, `SELECT number FROM terms WHERE level = '镇级' ORDER BY number DESC`, nil, func(s scanner) error {
				var n int
				err := s.Scan(&n)
				out["届次"] = append(out["届次"], Term{Number: n}.Name())
				return err
			}); err != nil {
				return err
			}
			return names("进站", `SELECT name FROM stations WHERE status != '撤销' ORDER BY name`)
		case ImportStations:
			return dict("所在村(居)", DictVillage)
		case ImportRectifications:
			return names("责任单位", `SELECT name FROM units ORDER BY id`)
		case ImportEvalTargets:
			return names("被评议单位", `SELECT name FROM units ORDER BY id`)
		case ImportPetitions:
			if err := dict("类别", DictPetitionCategory); err != nil {
				return err
			}
			return names("转办单位", `SELECT name FROM units ORDER BY id`)
		case ImportDistricts:
			levels("层级", DeputyLevels)
		case ImportArticles: // issue 22 part 6
			out["级别"], out["类型"] = OutletLevels, ArticleKinds
		case ImportSuggestions:
			for _, d := range []struct{ label, kind string }{{"来源", DictSource}, {"类别", DictCategory}} {
				if err := dict(d.label, d.kind); err != nil {
					return err
				}
			}
			levels("涉及层面", ScopeLevels)
			if err := collect(tx, `SELECT coalesce(t.number, 0), m.session_no FROM meetings m LEFT JOIN terms t ON t.id = m.term_id
				WHERE m.kind = ? AND m.session_no > 0 ORDER BY m.start_date DESC`, []any{MeetingCongress}, func(s scanner) error {
				var term, session int
				err := s.Scan(&term, &session)
				out["人代会"] = append(out["人代会"], SessionShort(term, session))
				return err
			}); err != nil {
				return err
			}
			if err := collect(tx, `SELECT d.name, coalesce(g.name, ''), d.status FROM deputies d
				LEFT JOIN deputy_groups g ON g.id = d.group_id WHERE d.status = ? ORDER BY coalesce(g.id, 1e18), d.name`, []any{DeputyActive},
				func(s scanner) error {
					var name, group, status string
					err := s.Scan(&name, &group, &status)
					out["领衔代表"] = append(out["领衔代表"], name)
					return err
				}); err != nil {
				return err
			}
			if err := names("来源联络站", `SELECT name FROM stations ORDER BY name`); err != nil {
				return err
			}
			if err := names("主办单位", `SELECT name FROM units ORDER BY id`); err != nil {
				return err
			}
			out["协办单位"] = out["主办单位"]
		}
		return nil
	})
	return out, err
}
