package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// draftWriter writes and removes the drafts of the forms (guard.go) off the UI goroutine, one at a time and in
// the order they were asked for, so that a removal after a write is never overtaken by it.
type draftWriter struct {
	db      *store.DB
	ctx     context.Context
	mu      sync.Mutex
	queue   []draftOp
	started bool
	stopped bool
	wake    chan struct{}
	done    chan struct{}
	pending sync.WaitGroup // the operations asked for and not done yet (tests wait on it)
}

// draftOp is one write (or, with remove set, removal) of a draft.
type draftOp struct {
	remove bool
	draft  store.Draft
}

func newDraftWriter(ctx context.Context, db *store.DB) *draftWriter {
	return &draftWriter{db: db, ctx: ctx, wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// write asks for d to be written.
func (w *draftWriter) write(d store.Draft) { w.put(draftOp{draft: d}) }

// remove asks for the draft of kind and key to be removed.
func (w *draftWriter) remove(kind, key string) {
	w.put(draftOp{remove: true, draft: store.Draft{Kind: kind, Key: key}})
}

func (w *draftWriter) put(op draftOp) {
	if w == nil { // a desk put together without one (benchmarks): no drafts
		return
	}
	w.mu.Lock()
	if w.stopped {
		w.mu.Unlock()
		return
	}
	w.queue = append(w.queue, op)
	w.pending.Add(1)
	if !w.started {
		w.started = true
		go w.run()
	}
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// run does the operations until stop, then those still queued.
func (w *draftWriter) run() {
	defer close(w.done)
	for {
		w.mu.Lock()
		if len(w.queue) == 0 {
			stopped := w.stopped
			w.mu.Unlock()
			if stopped {
				return
			}
			<-w.wake
			continue
		}
		op := w.queue[0]
		w.queue = w.queue[1:]
		w.mu.Unlock()
		var err error
		if op.remove {
			err = w.db.DeleteDraft(w.ctx, op.draft.Kind, op.draft.Key)
		} else {
			err = w.db.SaveDraft(w.ctx, &op.draft)
		}
		// A draft is a safety net under the clerk's own 保存, which says when it fails; the log keeps why.
		logError("草稿 "+op.draft.Kind+" "+op.draft.Key, err)
		w.pending.Done()
	}
}

// stop does what was asked for and then takes no more; the database can be closed once it returns.
func (w *draftWriter) stop() {
	if w == nil {
		return
	}
	w.mu.Lock()
	if w.stopped {
		w.mu.Unlock()
		return
	}
	w.stopped = true
	started := w.started
	w.mu.Unlock()
	if !started {
		return
	}
	select {
	case w.wake <- struct{}{}:
	default:
	}
	<-w.done
}

// wait returns once every operation asked for so far is done.
func (w *draftWriter) wait() {
	if w != nil {
		w.pending.Wait()
	}
}

// flushDrafts writes the drafts of every form on screen now, without waiting for draftDelay.
func (d *desk) flushDrafts() {
	for _, s := range d.forms {
		s.flush()
	}
}

// ---- The start-up offer: what the last session left unsaved ----

// draftFields is how a form's draft is stored (formState.flush): the record the form was opened on and the
// form's values.
type draftFields struct {
	Base json.RawMessage `json:"base"`
	Form json.RawMessage `json:"form"`
}

// offerDrafts lists the drafts the last session left (after a crash or a power cut) before the clerk works:
// 「上次有未保存的内容：建议「2024-012 …」的内容（12月2日 9:41）」, each with 恢复 and 丢弃; a draft whose record
// was deleted since with 丢弃 only.
func (d *desk) offerDrafts() {
	drafts, err := d.db.Drafts(d.ctx)
	if err != nil {
		logError("读取草稿", err) // the drafts stay in the file for the next start
		return
	}
	if len(drafts) > 0 {
		d.showDraftOffer(drafts)
	}
}

// draftWhen is when a draft was last written, as the clerk reads it: 12月2日 9:41 (with the year when not
// this year's).
func draftWhen(at, now time.Time) string {
	s := fmt.Sprintf("%d月%d日 %d:%02d", int(at.Month()), at.Day(), at.Hour(), at.Minute())
	if at.Year() != now.Year() {
		s = fmt.Sprintf("%d年", at.Year()) + s
	}
	return s
}

// showDraftOffer shows the drafts still to decide on. 恢复 opens the draft's form with its values filled in
// (marked unsaved) and offers the rest again; 丢弃 removes one; 以后再说 keeps them for the next start.
func (d *desk) showDraftOffer(drafts []store.Draft) {
	var dlg *dialog.CustomDialog
	rows := container.NewVBox()
	left := slices.Clone(drafts)
	drop := func(dr store.Draft) {
		d.drafts.remove(dr.Kind, dr.Key)
		left = slices.DeleteFunc(left, func(x store.Draft) bool { return x.Kind == dr.Kind && x.Key == dr.Key })
	}
	var draw func()
	draw = func() {
		rows.Objects = nil
		for _, dr := range left {
			open, gone := d.draftTarget(dr)
			text := dr.Label + "（" + draftWhen(dr.UpdatedAt, d.db.Now())
			if gone != "" {
				text += "，" + gone
			}
			line := widget.NewLabel(text + "）")
			line.Wrapping = fyne.TextWrapWord
			buttons := container.NewHBox()
			if open != nil {
				restore := widget.NewButtonWithIcon("恢复", theme.HistoryIcon(), func() {
					dlg.Hide()
					rest := slices.DeleteFunc(slices.Clone(left), func(x store.Draft) bool { return x.Kind == dr.Kind && x.Key == dr.Key })
					d.restoreDraft(dr, open, func() {
						if len(rest) > 0 {
							d.showDraftOffer(rest)
						}
					})
				})
				restore.Importance = widget.HighImportance
				buttons.Add(restore)
			}
			buttons.Add(widget.NewButtonWithIcon("丢弃", theme.DeleteIcon(), func() {
				drop(dr)
				if len(left) == 0 {
					dlg.Hide()
					return
				}
				draw()
			}))
			rows.Add(container.NewBorder(nil, nil, nil, container.NewVBox(buttons), line))
		}
		rows.Refresh()
	}
	draw()
	note := widget.NewLabel("程序上次没有正常关闭(例如断电或死机)。「恢复」打开原来的表单并填好这些内容，" +
		"核对后点「保存」；「丢弃」删除这份内容。")
	note.Wrapping = fyne.TextWrapWord
	head := boldLabel("上次有未保存的内容：")
	dlg = dialog.NewCustomWithoutButtons("恢复未保存的内容", container.NewBorder(container.NewVBox(note, head), nil, nil, nil,
		container.NewVScroll(rows)), d.win)
	later := widget.NewButton("以后再说", func() { dlg.Hide() })
	all := widget.NewButtonWithIcon("全部丢弃", theme.DeleteIcon(), func() {
		dialog.ShowConfirm("全部丢弃", fmt.Sprintf("确定丢弃这 %d 项未保存的内容吗？丢弃后不能恢复。", len(left)), func(ok bool) {
			if !ok {
				return
			}
			for _, dr := range slices.Clone(left) {
				drop(dr)
			}
			dlg.Hide()
		}, d.win)
	})
	dlg.SetButtons([]fyne.CanvasObject{later, all})
	go fyne.Do(func() { // once the window is up, so that the dialog is centred on it
		dlg.Show()
		// As tall as the list at this width (the scroll's own minimum is one line), at most 520.
		dlg.Resize(fyne.NewSize(680, dlg.MinSize().Height))
		dlg.Resize(fyne.NewSize(680, min(520, dlg.MinSize().Height+rows.MinSize().Height)))
	})
}

// restoreDraft opens dr's form through open, fills the draft's values in and marks the form unsaved; then
// runs afterwards (also when the clerk stayed on another unsaved form instead).
func (d *desk) restoreDraft(dr store.Draft, open func(then, cancel func()), then func()) {
	var f draftFields
	if err := json.Unmarshal([]byte(dr.Fields), &f); err != nil {
		logError("读取草稿 "+dr.Kind, err) // written by flush; a draft that cannot be read is offered again
		then()
		return
	}
	open(func() {
		if s := d.form(dr.Kind); s != nil && s.key == dr.Key {
			s.fill(f.Form)
			s.drafted, s.written = true, s.snapshot()
		}
		then()
	}, then)
}

// draftTarget says how to open the form a draft belongs to — open shows it and then calls then, or cancel
// when the clerk stays on another form with unsaved changes — or why it cannot be opened any more (gone: its
// record was deleted since, or a handling step no longer applies).
func (d *desk) draftTarget(dr store.Draft) (open func(then, cancel func()), gone string) {
	var f draftFields
	if err := json.Unmarshal([]byte(dr.Fields), &f); err != nil {
		return nil, "内容无法读取"
	}
	id, _ := strconv.ParseInt(dr.Key, 10, 64)
	isNew := dr.Key == "new"
	base := func(v any) bool { return len(f.Base) > 0 && json.Unmarshal(f.Base, v) == nil }
	db, ctx := d.db, d.ctx
	missing := func(err error, what string) string {
		if store.ErrorCode(err) == store.ENOTFOUND {
			return what + "已删除"
		}
		return "读取出错：" + store.ErrorMessage(err)
	}
	switch kind := dr.Kind; {
	case kind == formSuggestion:
		var x store.Suggestion
		if isNew {
			base(&x)
		} else if y, err := db.Suggestion(ctx, id); err != nil {
			return nil, missing(err, "这件建议")
		} else {
			x = y
		}
		return func(then, cancel func()) {
			d.showTab(d.items.content)
			d.items.open(x, cancel, then)
		}, ""
	case strings.HasPrefix(kind, formStep):
		step := strings.TrimPrefix(kind, formStep)
		x, err := db.Suggestion(ctx, id)
		if err != nil {
			return nil, missing(err, "这件建议")
		}
		r, err := db.Rules(ctx)
		if err != nil {
			return nil, missing(err, "")
		}
		if !slices.Contains(x.NextSteps(r), step) {
			return nil, "这件建议现在已不能" + step + "(状态为「" + x.State + "」)"
		}
		return func(then, cancel func()) {
			d.showTab(d.items.content)
			d.items.open(x, cancel, func() {
				d.items.openStep(x, step, r)
				then()
			})
		}, ""
	case kind == formDeputy || kind == formReportBack:
		var x store.Deputy
		var rb store.ReportBack
		deputyID := id
		if kind == formReportBack {
			base(&rb)
			deputyID = rb.DeputyID
		}
		if kind == formDeputy && isNew {
			base(&x)
		} else if y, err := db.Deputy(ctx, deputyID); err != nil {
			return nil, missing(err, "这位代表")
		} else {
			x = y
		}
		if kind == formReportBack && !isNew {
			rbs, err := db.ReportBacks(ctx, 0, x.ID)
			if err != nil {
				return nil, missing(err, "")
			}
			if !slices.ContainsFunc(rbs, func(b store.ReportBack) bool { return b.ID == id }) {
				return nil, "这条述职评议记录已删除"
			}
		}
		t := d.deputies
		return func(then, cancel func()) {
			d.showTab(t.content)
			t.open(x, cancel, func() {
				if kind == formDeputy {
					then()
					return
				}
				t.reveal(4)
				d.leave([]string{formReportBack}, func() { t.displayReportBack(rb); then() }, cancel)
			})
		}, ""
	case kind == formStation || kind == formReception:
		var x store.Station
		var rec store.Reception
		stationID := id
		if kind == formReception {
			base(&rec)
			stationID = rec.StationID
		}
		if kind == formStation && isNew {
			base(&x)
		} else if y, err := db.Station(ctx, stationID); err != nil {
			return nil, missing(err, "这个联络站")
		} else {
			x = y
		}
		if kind == formReception && !isNew {
			recs, _, err := db.Receptions(ctx, store.ReceptionFilter{StationID: x.ID})
			if err != nil {
				return nil, missing(err, "")
			}
			if !slices.ContainsFunc(recs, func(r store.Reception) bool { return r.ID == id }) {
				return nil, "这条接待记录已删除"
			}
		}
		t := d.stations
		return func(then, cancel func()) {
			d.showTab(t.content)
			t.open(x, cancel, func() {
				if kind == formStation {
					then()
					return
				}
				t.reveal(2)
				d.leave([]string{formReception}, func() { t.displayReception(rec); then() }, cancel)
			})
		}, ""
	case kind == formMeeting || strings.HasPrefix(kind, formMeeting+"."):
		var x store.Meeting
		if isNew {
			base(&x)
		} else if y, err := db.Meeting(ctx, id); err != nil {
			return nil, missing(err, "这个会议")
		} else {
			x = y
		}
		t := d.meetings
		page := slices.Index(meetingForms, kind)
		return func(then, cancel func()) {
			d.showTab(t.content)
			t.open(x, cancel, func() {
				t.reveal(max(page, 0))
				then()
			})
		}, ""
	case kind == formOffice || kind == formDeadlines || kind == formCounty || kind == formDutyPoints: // 履职积分: issue 22
		return func(then, _ func()) {
			if s := d.form(kind); s != nil && s.reveal != nil {
				s.reveal()
			}
			then()
		}, ""
	case kind == formHolidays:
		year, err := strconv.Atoi(dr.Key)
		if err != nil {
			return nil, "内容无法读取"
		}
		x := d.settings.holidays
		return func(then, cancel func()) {
			d.settings.showSection(x.content)
			if x.year == year {
				then()
				return
			}
			d.leave([]string{formHolidays}, func() {
				x.year = year
				x.switching = true
				x.years.SetSelected(fmt.Sprintf("%d年", year))
				x.switching = false
				x.load()
				then()
			}, cancel)
		}, ""
	case kind == formDict:
		x := d.settings.dict
		name, ok := store.DictKinds[dr.Key]
		if !ok {
			return nil, "这个字典已不存在"
		}
		return func(then, cancel func()) {
			d.settings.showSection(x.content)
			if x.kind == dr.Key {
				then()
				return
			}
			d.leave([]string{formDict}, func() {
				x.choosing = true
				x.kinds.SetSelected(name)
				x.choosing = false
				x.kind = dr.Key
				x.reload()
				x.track()
				then()
			}, cancel)
		}, ""
	case kind == formPetition || kind == formContact: // issue 18 (petitions.go)
		return d.voterDraftTarget(kind, id, isNew, base, missing)
	case strings.HasPrefix(kind, "supervision."): // issue 17 (supervision_drafts.go)
		return d.supervisionDraftTarget(kind, id, dr.Key, base, missing)
	case kind == formUnit:
		return settingsDraftTarget(d.settings.units.settingsList, id, isNew, base)
	case kind == formTerm:
		return settingsDraftTarget(d.settings.terms.settingsList, id, isNew, base)
	case kind == formGroup:
		return settingsDraftTarget(d.settings.groups.settingsList, id, isNew, base)
	case kind == formDistrict:
		return settingsDraftTarget(d.settings.districts.settingsList, id, isNew, base)
	case kind == formWorkRule: // issue 22 (settings_rules.go)
		return settingsDraftTarget(d.settings.rules.settingsList, id, isNew, base)
	case strings.HasPrefix(kind, "award.") || strings.HasPrefix(kind, "plan.") || strings.HasPrefix(kind, "publicity."): // issue 22 dialogs
		return d.dialogDraftTarget(kind, dr.Key, id, isNew, base, missing)
	}
	return nil, "本程序不认识这种内容"
}

// settingsDraftTarget is draftTarget for a record of a settings list: found in the list again, or new.
func settingsDraftTarget[T any](l *settingsList[T], id int64, isNew bool, base func(any) bool) (open func(then, cancel func()), gone string) {
	var x T
	if isNew {
		base(&x)
	} else {
		all, err := l.all()
		if err != nil {
			return nil, "读取出错：" + store.ErrorMessage(err)
		}
		i := slices.IndexFunc(all, func(y T) bool { return l.id(y) == id })
		if i < 0 {
			return nil, "这个" + l.what + "已删除"
		}
		x = all[i]
	}
	return func(then, cancel func()) {
		l.reveal()
		l.t.d.leave([]string{l.kind}, func() { l.show(x); then() }, cancel)
	}, ""
}
