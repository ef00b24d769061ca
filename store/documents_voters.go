package store

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"
)

// The data behind the printed documents of issue 18, each read in one transaction: the 信访登记表, 转办单 and
// 反馈单 of a petition, the month's 值班表, and the stations' monthly 公示表.

// PetitionDoc is what the three forms of a petition print.
type PetitionDoc struct {
	Settings Settings
	Petition Petition
	Steps    []PetitionStep
	// Source is the reception the case came from (转信访), when it did: 「青山村代表联络站 2026年11月10日接待选民」.
	Source string
}

// PetitionDoc reads the forms' data of the petition with internal id id.
func (db *DB) PetitionDoc(ctx context.Context, id int64) (doc PetitionDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Petition, err = tx.petition(id); err != nil {
			return err
		}
		if doc.Steps, err = tx.petitionTimeline(id); err != nil {
			return err
		}
		var station string
		var date Date
		if err := tx.QueryRow(`SELECT s.name, r.date FROM reception_issues i JOIN receptions r ON r.id = i.reception_id
			JOIN stations s ON s.id = r.station_id WHERE i.petition_id = ?`, id).Scan(&station, &date); err == nil {
			doc.Source = station + " " + date.Chinese() + "接待选民"
		}
		return nil
	})
	return doc, err
}

// DutyDoc is a month's schedule for the 值班表: its days and the rules of the reception days.
type DutyDoc struct {
	Settings Settings
	Month    Month
	Station  string // the one station asked for; "" for all
	Days     []DutyDay
	Rules    []ReceptionRule // the active rules
}

// DutyDoc reads the schedule of month m (stationID ≠ 0: that station's days and the town's 接待日). A month
// without a schedule is an ENOTFOUND error that says how to make one.
func (db *DB) DutyDoc(ctx context.Context, m Month, stationID int64) (doc DutyDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		doc.Month = m
		if stationID != 0 {
			st, err := tx.station(stationID)
			if err != nil {
				return err
			}
			doc.Station = st.Name
		}
		if doc.Days, err = tx.dutyDays(DutyFilter{From: m.First(), To: m.Last(), StationID: stationID}); err != nil {
			return err
		}
		if len(doc.Days) == 0 {
			return Errorf(ENOTFOUND, "%s还没有值班安排，请先在「联络站」→「值班与接待日」中按规则生成，未生成文件", m.Chinese())
		}
		rules, err := tx.receptionRules()
		for _, r := range rules {
			if r.Active && (stationID == 0 || r.StationID == 0 || r.StationID == stationID) {
				doc.Rules = append(doc.Rules, r)
			}
		}
		return err
	})
	return doc, err
}

// StationNotice is one station's 公示表 of a month: the issues its receptions heard and how each was handled,
// the suggestions made from them, next month's duty days and reception days, and its public phone.
type StationNotice struct {
	Station    Station
	Receptions []Reception // of the month, oldest first, with their issues
	Duty       []DutyDay   // next month: the station's duty days and the town's 接待日
	Rules      []ReceptionRule
	Phone      string // the station's phone when it is not a deputy's own, else the office's; "" for none
	// Photo is the station's photo (the attachment set as its photo), nil when it has none.
	Photo *PrintImage
}

// stationPhotoSide is the print size of a station's photo on its 公示表, the longest side in pixels: about
// 200 dpi across a third of an A3 poster.
const stationPhotoSide = 1200

// Issues counts the issues of the month.
func (n StationNotice) Issues() int {
	k := 0
	for _, r := range n.Receptions {
		k += len(r.Issues)
	}
	return k
}

// Voters counts the voters (人次) received in the month.
func (n StationNotice) Voters() int {
	k := 0
	for _, r := range n.Receptions {
		k += r.Voters
	}
	return k
}

// StationNoticeDoc is the 公示表 of a month for one station or every station in use.
type StationNoticeDoc struct {
	Settings Settings
	Month    Month
	Posted   Date // the day it is posted: the 公示日 of the next month (每月10日)
	Notices  []StationNotice
	// Suggestions are the suggestions made from the month's issues, by id, as they stand (state, outcome).
	Suggestions map[int64]Suggestion
}

// StationNoticeDoc reads the 公示表 of month m for the station stationID, or for every station in use at the
// month's end (0).
func (db *DB) StationNoticeDoc(ctx context.Context, m Month, stationID int64) (doc StationNoticeDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		vs, err := tx.voterSettings()
		if err != nil {
			return err
		}
		doc.Month = m
		doc.Posted = m.Next().First().AddDays(vs.NoticeDay - 1)
		var stations []Station
		if stationID != 0 {
			st, err := tx.station(stationID)
			if err != nil {
				return err
			}
			stations = []Station{st}
		} else if stations, _, err = tx.stations(StationFilter{CountedOn: m.Last(), Sort: "name"}); err != nil {
			return err
		}
		if len(stations) == 0 {
			return Errorf(ENOTFOUND, "%s没有在用的联络站，未生成文件", m.Chinese())
		}
		phones := map[string]bool{}
		if err := collect(tx, `SELECT phone FROM deputies WHERE phone != ''`, nil, func(sc scanner) error {
			var p string
			err := sc.Scan(&p)
			phones[normalPhone(p)] = true
			return err
		}); err != nil {
			return err
		}
		rules, err := tx.receptionRules()
		if err != nil {
			return err
		}
		doc.Suggestions = map[int64]Suggestion{}
		for _, st := range stations {
			n := StationNotice{Station: st}
			if st.Phone != "" && !phones[normalPhone(st.Phone)] {
				n.Phone = st.Phone
			} else {
				n.Phone = vs.OfficePhone
			}
			if n.Photo, err = tx.photoOf(Owner{OwnerStation, st.ID}, stationPhotoSide); err != nil {
				return err
			}
			recs, _, err := tx.receptions(ReceptionFilter{StationID: st.ID, From: m.First(), To: m.Last()})
			if err != nil {
				return err
			}
			slices.Reverse(recs)
			n.Receptions = recs
			for _, r := range recs {
				for _, i := range r.Issues {
					if i.SuggestionID != 0 {
						if s, err := tx.suggestion(i.SuggestionID); err == nil {
							doc.Suggestions[s.ID] = s
						}
					}
				}
			}
			next := m.Next()
			if n.Duty, err = tx.dutyDays(DutyFilter{From: next.First(), To: next.Last(), StationID: st.ID}); err != nil {
				return err
			}
			for _, r := range rules {
				if r.Active && (r.StationID == 0 || r.StationID == st.ID) {
					n.Rules = append(n.Rules, r)
				}
			}
			doc.Notices = append(doc.Notices, n)
		}
		return nil
	})
	return doc, err
}

// normalPhone keeps the digits of a phone number, so that 138 1234 5678 and 13812345678 compare equal.
func normalPhone(p string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, p)
}

// compoundSurnames are the two-character surnames MaskName keeps whole.
var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "令狐", "皇甫", "尉迟", "公孙", "慕容", "长孙",
	"宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "澹台", "百里", "呼延"}

// MaskName is a name as a public notice prints it: the surname and 「**」 for the rest, 张** (欧阳** for a
// two-character surname), whatever the name's length; "" stays "".
func MaskName(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	for _, s := range compoundSurnames {
		if strings.HasPrefix(name, s) && utf8.RuneCountInString(name) > 2 {
			return s + "**"
		}
	}
	r, _ := utf8.DecodeRuneInString(name)
	return string(r) + "**"
}
