package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// VoterSettings are the office's rules for its contact with the public (issue 18): the time a petition referred
// to a unit has to be settled, the time a referred case's result is to be reported up, how often each deputy
// visits voters, and the day each month the stations post their 公示表. They live in the settings table beside
// Settings, each under its `key`, and are edited in 设置 → 信访与联系选民.
type VoterSettings struct {
	PetitionWorkdays int `key:"petition_workdays" label:"信访办结时限(工作日)"`         // from 转办
	ReportWorkdays   int `key:"petition_report_workdays" label:"批转件报告时限(工作日)"` // from receipt, unless the referral says
	VisitNorm        int `key:"visit_norm" label:"代表每年联系选民(次)"`                // domain.md §2.10: 一年不少于2次
	HouseholdNorm    int `key:"household_norm" label:"代表固定联系选民(户)"`            // 0: no number asked
	NoticeDay        int `key:"notice_day" label:"每月公示日"`                      // 每月10日公示
	// OfficePhone is printed on a station's 公示表 when the station's own phone is a deputy's private one.
	OfficePhone string `key:"office_phone" label:"人大办公室电话"`
}

// DefaultVoterSettings are the rules of a new database: 15 working days to settle a referred petition (the
// common 「十五个工作日内办结」), 20 to report a referred case, two visits a year, the 公示 on the 10th.
func DefaultVoterSettings() VoterSettings {
	return VoterSettings{PetitionWorkdays: 15, ReportWorkdays: 20, VisitNorm: 2, HouseholdNorm: 0, NoticeDay: 10}
}

// Validate checks the rules.
func (s *VoterSettings) Validate() error {
	var c checker
	if s.PetitionWorkdays < 1 || s.PetitionWorkdays > 120 {
		c.fail("信访办结时限(工作日)", "应在1到120之间")
	}
	if s.ReportWorkdays < 1 || s.ReportWorkdays > 120 {
		c.fail("批转件报告时限(工作日)", "应在1到120之间")
	}
	if s.VisitNorm < 0 || s.VisitNorm > 52 {
		c.fail("代表每年联系选民(次)", "应在0到52之间")
	}
	if s.HouseholdNorm < 0 || s.HouseholdNorm > 1000 {
		c.fail("代表固定联系选民(户)", "应在0到1000之间")
	}
	if s.NoticeDay < 1 || s.NoticeDay > 28 {
		c.fail("每月公示日", "应在1到28之间")
	}
	s.OfficePhone = strings.TrimSpace(s.OfficePhone)
	c.phone("人大办公室电话", s.OfficePhone)
	return c.result()
}

// PetitionDeadline is the 办结时限 of a petition referred on the given day: the configured working days after
// it, counted on the holiday calendar.
func (s VoterSettings) PetitionDeadline(cal Calendar, referred Date) Date {
	return cal.AddWorkdays(referred, s.PetitionWorkdays)
}

// ReportDue is the day a referred case's result is to be reported by when the referral names none: the
// configured working days after it was received.
func (s VoterSettings) ReportDue(cal Calendar, received Date) Date {
	return cal.AddWorkdays(received, s.ReportWorkdays)
}

// VisitsDue is how many visits a deputy should have made in the year by the day: the yearly norm spread over the
// months, rounded up, so that one visit is due in the first half year and two by the second (norm 2). At the
// year's end (or for a past year) it is the whole norm.
func (s VoterSettings) VisitsDue(day Date) int {
	month := int(day.Time().Month())
	return (s.VisitNorm*month + 11) / 12
}

// VoterSettings reads the rules; keys never written keep their defaults.
func (db *DB) VoterSettings(ctx context.Context) (VoterSettings, error) {
	var s VoterSettings
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		s, err = tx.voterSettings()
		return err
	})
	return s, err
}

func (tx *Tx) voterSettings() (VoterSettings, error) {
	s := DefaultVoterSettings()
	err := readKeyed(tx, &s)
	return s, err
}

// SaveVoterSettings validates and stores the rules, recording the changed ones in the history.
func (db *DB) SaveVoterSettings(ctx context.Context, s VoterSettings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.voterSettings()
		if err != nil {
			return err
		}
		changes, err := writeKeyed(tx, old, s)
		if err != nil || changes == "" {
			return err
		}
		return tx.logHistory("settings", 0, ActionUpdate, "信访与联系选民设置", changes)
	})
}

// readKeyed fills the fields of *v (a struct of int, bool and string fields tagged `key`) from the settings
// table, leaving the fields whose key is not there as they are.
func readKeyed(tx *Tx, v any) error {
	rv := reflect.ValueOf(v).Elem()
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Type().Field(i)
		var val string
		err := tx.QueryRow(`SELECT value FROM settings WHERE key = ?`, f.Tag.Get("key")).Scan(&val)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return fmt.Errorf("读取设置: %w", err)
		}
		switch f.Type.Kind() {
		case reflect.String:
			rv.Field(i).SetString(val)
		case reflect.Int:
			n, _ := strconv.Atoi(val)
			rv.Field(i).SetInt(int64(n))
		case reflect.Bool:
			rv.Field(i).SetBool(val == "1")
		}
	}
	return nil
}

// writeKeyed writes every field of nv under its key and returns the changed ones against ov, one line each
// (标签: 旧 → 新).
func writeKeyed(tx *Tx, ov, nv any) (string, error) {
	o, n := reflect.ValueOf(ov), reflect.ValueOf(nv)
	var changes []string
	for i := 0; i < n.NumField(); i++ {
		f := n.Type().Field(i)
		a, b := settingText(o.Field(i)), settingText(n.Field(i))
		if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, f.Tag.Get("key"), b); err != nil {
			return "", fmt.Errorf("保存设置: %w", err)
		}
		if a != b {
			changes = append(changes, fmt.Sprintf("%s: %s → %s", f.Tag.Get("label"), a, b))
		}
	}
	return strings.Join(changes, "\n"), nil
}
