package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// ballotOptions are the choices for the ballots (表决票, 选票) of meeting materials: how many go on one A4
// sheet, with cut lines between them, and how many of each are printed — as many as deputies are expected.
type ballotOptions struct {
	perSheet *widget.Select
	copies   *textEntry
	form     *widget.Form
}

// perSheetLabel is the choice for n ballots to a sheet: 「每张A4纸 2 张」.
func perSheetLabel(n int) string { return fmt.Sprintf("每张A4纸 %d 张", n) }

func newBallotOptions(q store.Quorum, expected int) *ballotOptions {
	b := &ballotOptions{}
	var labels []string
	for _, n := range export.BallotsPerSheet {
		labels = append(labels, perSheetLabel(n))
	}
	b.perSheet = newSelect(labels, nil)
	b.perSheet.SetSelected(perSheetLabel(2))
	b.copies = newTextEntry()
	b.copies.SetText(strconv.Itoa(export.DefaultCopies(q, expected)))
	b.form = widget.NewForm(
		&widget.FormItem{Text: "表决票、选票", Widget: b.perSheet, HintText: "放不下时自动每张少印几张"},
		&widget.FormItem{Text: "每种印", Widget: b.copies, HintText: "份，默认为应到人数"},
	)
	return b
}

// options are the chosen parts with the ballots as chosen; a copies count that is not a number from 1 to
// 2000 is refused with a message naming it.
func (b *ballotOptions) options(parts []string) (export.MeetingPrint, error) {
	p := export.MeetingPrint{Parts: parts, PerSheet: 2}
	for _, n := range export.BallotsPerSheet {
		if b.perSheet.Selected == perSheetLabel(n) {
			p.PerSheet = n
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(b.copies.Text))
	if err != nil || n < 1 || n > 2000 {
		return p, store.Errorf(store.EINVALID, "表决票、选票的份数应是 1 到 2000 之间的整数，而不是「%s」", b.copies.Text)
	}
	p.Copies = n
	return p, nil
}
