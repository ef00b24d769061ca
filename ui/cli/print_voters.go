package cli

import (
	"context"
	"strconv"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// The documents of the office's contact with the public (issue 18) join the table of printed documents: the
// three forms of a petition, the month's 值班表 and the stations' 公示表.
func init() {
	printKinds["petition-form"] = printKind{"信访登记表", []string{"id"}, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		doc, err := findPetition(ctx, db, a.id)
		if err != nil {
			return err
		}
		return export.PetitionRegister(a.out, doc)
	}}
	printKinds["petition-referral"] = printKind{"信访转办单", []string{"id"}, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		doc, err := findPetition(ctx, db, a.id)
		if err != nil {
			return err
		}
		return export.PetitionReferral(a.out, doc, dateOr(doc.Petition.Referred, a.today))
	}}
	printKinds["petition-feedback"] = printKind{"信访反馈单", []string{"id"}, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		doc, err := findPetition(ctx, db, a.id)
		if err != nil {
			return err
		}
		return export.PetitionFeedback(a.out, doc, dateOr(doc.Petition.Replied, a.today))
	}}
	printKinds["duty-roster"] = printKind{"值班表", []string{"month"}, []string{"id"}, func(ctx context.Context, db *store.DB, a printArgs) error {
		id, err := findStation(ctx, db, a.id)
		if err != nil {
			return err
		}
		doc, err := db.DutyDoc(ctx, a.month, id)
		if err != nil {
			return err
		}
		return export.DutyRoster(a.out, doc, a.today)
	}}
	printKinds["station-notice"] = printKind{"联络站公示表", []string{"month"}, []string{"id", "paper"}, func(ctx context.Context, db *store.DB, a printArgs) error {
		id, err := findStation(ctx, db, a.id)
		if err != nil {
			return err
		}
		doc, err := db.StationNoticeDoc(ctx, a.month, id)
		if err != nil {
			return err
		}
		return export.StationNotices(a.out, doc, a.paper)
	}}
}

// dateOr is d, or the fallback when d is empty.
func dateOr(d, fallback store.Date) store.Date {
	if d == "" {
		return fallback
	}
	return d
}

// findPetition reads the forms' data of the petition --id names: its number (信2026-003) or internal id.
func findPetition(ctx context.Context, db *store.DB, ref string) (store.PetitionDoc, error) {
	p, err := db.FindPetition(ctx, ref)
	if err != nil {
		return store.PetitionDoc{}, err
	}
	return db.PetitionDoc(ctx, p.ID)
}

// findStation is the station --id names, by internal id or name; 0 when none is named (every station).
func findStation(ctx context.Context, db *store.DB, ref string) (int64, error) {
	if ref == "" {
		return 0, nil
	}
	stations, _, err := db.Stations(ctx, store.StationFilter{})
	if err != nil {
		return 0, err
	}
	n, _ := strconv.ParseInt(ref, 10, 64)
	for _, s := range stations {
		if s.ID == n || s.Name == ref {
			return s.ID, nil
		}
	}
	var near []string
	for _, s := range stations {
		if strings.Contains(s.Name, ref) {
			near = append(near, s.Name)
		}
	}
	if len(near) == 1 {
		return 0, store.Errorf(store.ENOTFOUND, "找不到联络站「%s」，是不是「%s」？", ref, near[0])
	}
	return 0, store.Errorf(store.ENOTFOUND, "找不到联络站「%s」，--id 可以是联络站的编号或全称", ref)
}
