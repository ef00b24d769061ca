package store

import (
	"context"
	"regexp"
	"strings"
)

// What kind of office a database belongs to (issue 19): a township's presidium keeps its own records and sends
// an exchange package each period; a county's standing committee receives the packages and merges them.
const (
	OfficeTownship = "乡镇人大"
	OfficeCounty   = "县(区)人大常委会"
)

// OfficeKinds are the choices of CountySettings.OfficeKind, the township first (the default).
var OfficeKinds = []string{OfficeTownship, OfficeCounty}

// CountySettings are the settings of the link with the county: what this office is, the township's code in the
// county's list (行政区划代码, so that a renamed township stays the same township), and whether the deputies'
// phone numbers go into the package. They live in the settings table beside Settings, each under its `key`.
type CountySettings struct {
	OfficeKind    string `key:"office_kind" label:"本单位是"`
	TownshipCode  string `key:"township_code" label:"乡镇代码"`
	PackagePhones bool   `key:"package_phones" label:"报送包含代表电话"`
}

// DefaultCountySettings are a new database's: a township office, no code yet, no phone numbers sent.
func DefaultCountySettings() CountySettings { return CountySettings{OfficeKind: OfficeTownship} }

// IsCounty reports whether the database is a county's, which merges the townships' packages.
func (s CountySettings) IsCounty() bool { return s.OfficeKind == OfficeCounty }

var townshipCode = regexp.MustCompile(`^[0-9A-Za-z-]{1,20}$`)

// Validate checks the settings.
func (s *CountySettings) Validate() error {
	var c checker
	s.TownshipCode = strings.TrimSpace(s.TownshipCode)
	if !oneOf(s.OfficeKind, OfficeKinds) {
		c.fail("本单位是", "只能是乡镇人大或县(区)人大常委会")
	}
	if s.TownshipCode != "" && !townshipCode.MatchString(s.TownshipCode) {
		c.fail("乡镇代码", "只能是数字或字母（行政区划代码，如 510822102），不超过20位")
	}
	return c.result()
}

// CountySettings reads the settings; keys never written keep their defaults.
func (db *DB) CountySettings(ctx context.Context) (CountySettings, error) {
	var s CountySettings
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		s, err = tx.countySettings()
		return err
	})
	return s, err
}

func (tx *Tx) countySettings() (CountySettings, error) {
	s := DefaultCountySettings()
	err := readKeyed(tx, &s)
	return s, err
}

// SaveCountySettings validates and stores the settings, recording the changed ones in the history.
func (db *DB) SaveCountySettings(ctx context.Context, s CountySettings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.countySettings()
		if err != nil {
			return err
		}
		changes, err := writeKeyed(tx, old, s)
		if err != nil || changes == "" {
			return err
		}
		return tx.logHistory("settings", 0, ActionUpdate, "报送与汇总设置", changes)
	})
}
