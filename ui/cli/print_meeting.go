package cli

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// The meeting materials and rosters of SPEC §6.4 join the table of printed documents.
func init() {
	printKinds["meeting"] = printKind{"会议材料", []string{"id"}, []string{"parts", "per-sheet", "copies"}, printMeeting}
	printKinds["roster"] = printKind{"代表名册", nil, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		return printRoster(ctx, db, a, false)
	}}
	printKinds["roster-public"] = printKind{"代表名册(公开版)", nil, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		return printRoster(ctx, db, a, true)
	}}
}

// meetingPartsError refuses part names that are not parts of the meeting materials, naming the valid ones.
func meetingPartsError(parts []string) error {
	for _, p := range parts {
		if !slices.Contains(export.MeetingParts, p) {
			return usageError{fmt.Sprintf("不认识的会议材料「%s」，--parts 可以是: %s", p, strings.Join(export.MeetingParts, "、"))}
		}
	}
	return nil
}

// printMeeting prints a meeting's materials: --id is the meeting's number, --parts the parts (default: all
// that the meeting has data for), --per-sheet the ballots on one A4 sheet (1, 2 or 4; default 2) and --copies
// how many of each ballot (default: one per deputy expected).
func printMeeting(ctx context.Context, db *store.DB, a printArgs) error {
	if err := meetingPartsError(a.parts); err != nil {
		return err
	}
	id, err := strconv.ParseInt(a.id, 10, 64)
	if err != nil || id <= 0 {
		return usageError{fmt.Sprintf("打印会议材料需要 --id 会议的编号(正整数)，而不是「%s」", a.id)}
	}
	doc, err := db.MeetingDoc(ctx, id)
	if err != nil {
		return err
	}
	return export.MeetingMaterials(a.out, doc.Settings, doc.Meeting, doc.Detail, doc.Quorum, doc.Expected,
		export.MeetingPrint{Parts: a.parts, PerSheet: a.perSheet, Copies: a.copies})
}

// printRoster prints the roster of the deputies in office (在任), in the store's order: by group, then name.
func printRoster(ctx context.Context, db *store.DB, a printArgs, public bool) error {
	doc, err := db.RosterDoc(ctx)
	if err != nil {
		return err
	}
	return export.Roster(a.out, doc.Settings, doc.Deputies, public, a.today)
}
