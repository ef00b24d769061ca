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

// Settings are the office's settings (SPEC §3 "Office settings"). Each field is stored under its `key`.
type Settings struct {
	OfficeName         string `key:"office_name" label:"单位名称"`             // ××镇人大主席团
	Township           string `key:"township" label:"乡镇名称"`                // ××镇
	UpperCongress      string `key:"upper_congress" label:"上级人大名称"`        // ××县人大常委会
	ClerkName          string `key:"clerk_name" label:"制表人"`               // 制表人
	TownWord           string `key:"town_word" label:"乡镇称谓"`               // 镇 / 乡 / 街道
	UpperWord          string `key:"upper_word" label:"上级称谓"`              // 县 / 区
	BodyWord           string `key:"body_word" label:"机构称谓"`               // 主席团 / 人大工委
	Precision          int    `key:"precision" label:"百分比小数位数"`            // decimals of a percentage
	SatisfiedBasic     bool   `key:"satisfied_basic" label:"满意率含基本满意"`     // 满意率 counts 基本满意 as satisfied
	DeadlineMonths     int    `key:"deadline_months" label:"办理时限(月)"`      // 交办日期 + n months
	RehandleMonths     int    `key:"rehandle_months" label:"重新办理时限(月)"`    // after 不满意
	MaxExtensionMonths int    `key:"max_extension_months" label:"延期上限(月)"` // from 交办日期
	AssignWorkdays     int    `key:"assign_workdays" label:"闭会期间交办时限(工作日)"`
	RollToWorkday      bool   `key:"roll_to_workday" label:"时限遇节假日顺延"`
	Numbering          string `key:"numbering" label:"编号方式"` // "year" (2024-012) or "session" (十八届三次-012)
	TextSize           string `key:"text_size" label:"字号"`   // 标准 / 大 / 特大
	Theme              string `key:"theme" label:"主题"`       // 浅色 / 深色 / 跟随系统
	Initialized        bool   `key:"initialized" label:"已完成首次设置"`
}

// TextSizes are the 字号 choices, smallest first; the window scales its text by each (ui/theme.go).
var TextSizes = []string{"标准", "大", "特大"}

// Themes are the 主题 choices: light (the default, an office program), dark, or as the desktop is set.
var Themes = []string{ThemeLight, ThemeDark, ThemeSystem}

// The 主题 choices.
const (
	ThemeLight  = "浅色"
	ThemeDark   = "深色"
	ThemeSystem = "跟随系统"
)

// DefaultSettings are the settings of a new database.
func DefaultSettings() Settings {
	return Settings{
		TownWord: "镇", UpperWord: "县", BodyWord: "主席团",
		Precision: 1, SatisfiedBasic: true,
		DeadlineMonths: 3, RehandleMonths: 1, MaxExtensionMonths: 6, AssignWorkdays: 5, RollToWorkday: true,
		Numbering: "year", TextSize: "标准", Theme: ThemeLight,
	}
}

// Validate checks the settings.
func (s *Settings) Validate() error {
	var c checker
	s.check(&c)
	return c.result()
}

// check runs the settings' rules on c.
func (s *Settings) check(c *checker) {
	for _, name := range []*string{&s.OfficeName, &s.Township, &s.UpperCongress, &s.ClerkName, &s.TownWord, &s.UpperWord, &s.BodyWord} {
		*name = cleanName(*name)
	}
	if s.Initialized {
		c.required("单位名称", s.OfficeName)
	}
	if s.Precision < 0 || s.Precision > 3 {
		c.fail("百分比小数位数", "应在0到3之间")
	}
	if s.DeadlineMonths < 1 || s.DeadlineMonths > 12 {
		c.fail("办理时限(月)", "应在1到12之间")
	}
	if s.RehandleMonths < 1 || s.RehandleMonths > 12 {
		c.fail("重新办理时限(月)", "应在1到12之间")
	}
	if s.MaxExtensionMonths <= s.DeadlineMonths || s.MaxExtensionMonths > 24 {
		// Strictly longer: a default deadline moved to the next working day must still fit under the limit.
		c.fail("延期上限(月)", "应多于办理时限，且不超过24个月")
	}
	if s.AssignWorkdays < 1 || s.AssignWorkdays > 60 {
		c.fail("闭会期间交办时限(工作日)", "应在1到60之间")
	}
	if s.Numbering != "year" && s.Numbering != "session" {
		c.fail("编号方式", "只能是按年度或按会次")
	}
	if !oneOf(s.TextSize, TextSizes) {
		c.fail("字号", "只能是标准、大或特大")
	}
	if !oneOf(s.Theme, Themes) {
		c.fail("主题", "只能是浅色、深色或跟随系统")
	}
	for _, w := range []struct{ label, v string }{{"乡镇称谓", s.TownWord}, {"上级称谓", s.UpperWord}, {"机构称谓", s.BodyWord}} {
		c.required(w.label, w.v)
	}
}

// LevelLabel renders a level code in the office's words: 镇级 → 乡级 or 街道级, 县级 → 区级.
func (s Settings) LevelLabel(code string) string {
	switch code {
	case LevelTown:
		return s.TownWord + "级"
	case LevelCounty:
		return s.UpperWord + "级"
	}
	return code
}

// Settings reads the office settings; keys never written keep their defaults.
func (db *DB) Settings(ctx context.Context) (Settings, error) {
	var s Settings
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		s, err = readSettings(tx)
		return err
	})
	return s, err
}

func readSettings(tx *Tx) (Settings, error) {
	s := DefaultSettings()
	rows, err := tx.Query(`SELECT key, value FROM settings`)
	if err != nil {
		return s, fmt.Errorf("读取设置: %w", err)
	}
	defer rows.Close()
	vals := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return s, err
		}
		vals[k] = v
	}
	if err := rows.Err(); err != nil {
		return s, err
	}
	rv := reflect.ValueOf(&s).Elem()
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Type().Field(i)
		v, ok := vals[f.Tag.Get("key")]
		if !ok {
			continue
		}
		switch f.Type.Kind() {
		case reflect.String:
			rv.Field(i).SetString(v)
		case reflect.Int:
			n, _ := strconv.Atoi(v)
			rv.Field(i).SetInt(int64(n))
		case reflect.Bool:
			rv.Field(i).SetBool(v == "1")
		}
	}
	return s, nil
}

// SaveSettings validates and stores the settings, recording every changed field in the history.
func (db *DB) SaveSettings(ctx context.Context, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := readSettings(tx)
		if err != nil {
			return err
		}
		var changes []string
		ov, nv := reflect.ValueOf(old), reflect.ValueOf(s)
		for i := 0; i < nv.NumField(); i++ {
			f := nv.Type().Field(i)
			o, n := settingText(ov.Field(i)), settingText(nv.Field(i))
			if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, f.Tag.Get("key"), n); err != nil {
				return fmt.Errorf("保存设置: %w", err)
			}
			if o != n {
				changes = append(changes, fmt.Sprintf("%s: %s → %s", f.Tag.Get("label"), o, n))
			}
		}
		if len(changes) == 0 {
			return nil
		}
		return tx.logHistory("settings", 0, ActionUpdate, "设置", strings.Join(changes, "\n"))
	})
}

func settingText(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Int:
		return strconv.Itoa(int(v.Int()))
	case reflect.Bool:
		if v.Bool() {
			return "1"
		}
		return "0"
	}
	return v.String()
}

// The kinds of file whose folder the window remembers (Folder, SetFolder): each file dialog opens where the
// clerk last saved or opened a file of its kind.
const (
	FolderExports = "exports" // lists and the yearly report (.xlsx, .pdf, .txt)
	FolderPrints  = "prints"  // printed documents saved as PDF
	FolderImports = "imports" // rosters, station and suggestion lists read in, and their templates
	FolderBackups = "backups" // 备份到… and restoring from a file
)

// FolderKinds are the kinds of remembered folder.
var FolderKinds = []string{FolderExports, FolderPrints, FolderImports, FolderBackups}

// folderKey is the settings key of a remembered folder; these keys stay out of Settings, so moving between
// folders is not an office change the history records.
func folderKey(kind string) (string, error) {
	if !oneOf(kind, FolderKinds) {
		return "", Errorf(EINVALID, "未知的文件夹类型 %s", kind)
	}
	return "folder." + kind, nil
}

// Folder returns the folder the clerk last used for files of a kind (FolderExports …), "" when none yet.
func (db *DB) Folder(ctx context.Context, kind string) (string, error) {
	key, err := folderKey(kind)
	if err != nil {
		return "", err
	}
	var dir string
	err = db.view(ctx, func(tx *Tx) error {
		err := tx.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&dir)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("读取上次使用的文件夹: %w", err)
	}
	return dir, nil
}

// SetFolder remembers dir as the folder for files of a kind.
func (db *DB) SetFolder(ctx context.Context, kind, dir string) error {
	key, err := folderKey(kind)
	if err != nil {
		return err
	}
	if strings.TrimSpace(dir) == "" {
		return fieldErr("文件夹", "不能为空")
	}
	return db.update(ctx, func(tx *Tx) error {
		_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, dir)
		return err
	})
}

// Dict returns the values of one dictionary in display order.
func (db *DB) Dict(ctx context.Context, kind string) ([]string, error) {
	var out []string
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.dict(kind)
		return err
	})
	return out, err
}

func (tx *Tx) dict(kind string) ([]string, error) {
	rows, err := tx.Query(`SELECT value FROM dict WHERE kind = ? ORDER BY sort, id`, kind)
	if err != nil {
		return nil, fmt.Errorf("读取字典: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// inDict reports whether v is a value of the dictionary kind.
func (tx *Tx) inDict(kind, v string) (bool, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM dict WHERE kind = ? AND value = ?`, kind, v).Scan(&n)
	return n > 0, err
}

// checkDict returns a field error when v is set and not in the dictionary.
func (tx *Tx) checkDict(kind, field, v string) error {
	if v == "" {
		return nil
	}
	ok, err := tx.inDict(kind, v)
	if err != nil {
		return err
	}
	if !ok {
		return fieldErr(field, "「%s」不在%s字典中，请先在设置中添加", v, DictKinds[kind])
	}
	return nil
}

// AddDictValue appends a value to a dictionary.
func (db *DB) AddDictValue(ctx context.Context, kind, value string) error {
	value = strings.TrimSpace(value)
	if _, ok := DictKinds[kind]; !ok {
		return Errorf(EINVALID, "未知的字典类型 %s", kind)
	}
	if value == "" {
		return fieldErr(DictKinds[kind], "的值不能为空")
	}
	if n := len([]rune(value)); n > 40 {
		return fieldErr(DictKinds[kind], "的值不能超过40个字(现有%d个)", n)
	}
	return db.update(ctx, func(tx *Tx) error {
		if ok, err := tx.inDict(kind, value); err != nil {
			return err
		} else if ok {
			return Errorf(ECONFLICT, "%s中已有「%s」", DictKinds[kind], value)
		}
		if _, err := tx.Exec(`INSERT INTO dict (kind, value, sort) VALUES (?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM dict WHERE kind = ? AND sort < 99))`, kind, value, kind); err != nil {
			return err
		}
		return tx.logHistory("dict", 0, ActionCreate, DictKinds[kind], value)
	})
}

// RemoveDictValue removes a value from a dictionary. Records that use it keep their text.
func (db *DB) RemoveDictValue(ctx context.Context, kind, value string) error {
	return db.update(ctx, func(tx *Tx) error {
		res, err := tx.Exec(`DELETE FROM dict WHERE kind = ? AND value = ?`, kind, value)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Errorf(ENOTFOUND, "%s中没有「%s」", DictKinds[kind], value)
		}
		return tx.logHistory("dict", 0, ActionDelete, DictKinds[kind], value)
	})
}

// Holiday is a day of the holiday calendar: a statutory day off, or a 调休 working day on a weekend.
type Holiday struct {
	Date    Date
	Workday bool   // true: a 调休 working day (a weekend day that is worked)
	Name    string // 春节, 国庆节 …
}

// Holidays returns the calendar entries of a year (all years when year is 0).
func (db *DB) Holidays(ctx context.Context, year int) ([]Holiday, error) {
	var out []Holiday
	err := db.view(ctx, func(tx *Tx) error {
		q := `SELECT date, kind, name FROM holidays`
		var args []any
		if year > 0 {
			q += ` WHERE date LIKE ?`
			args = append(args, fmt.Sprintf("%04d-%%", year))
		}
		rows, err := tx.Query(q+` ORDER BY date`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h Holiday
			var kind string
			if err := rows.Scan(&h.Date, &kind, &h.Name); err != nil {
				return err
			}
			h.Workday = kind == "workday"
			out = append(out, h)
		}
		return rows.Err()
	})
	return out, err
}

// SetHolidays replaces the calendar entries of one year with hs, in one transaction.
func (db *DB) SetHolidays(ctx context.Context, year int, hs []Holiday) error {
	seen := map[Date]bool{}
	for i, h := range hs {
		if h.Date == "" || !h.Date.Valid() {
			return fieldErr(fmt.Sprintf("第%d行日期", i+1), "不是有效日期")
		}
		if h.Date.Year() != year {
			return fieldErr(fmt.Sprintf("第%d行日期", i+1), "「%s」不在%d年", h.Date.Chinese(), year)
		}
		if seen[h.Date] {
			return fieldErr(fmt.Sprintf("第%d行日期", i+1), "「%s」重复", h.Date.Chinese())
		}
		seen[h.Date] = true
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(`DELETE FROM holidays WHERE date LIKE ?`, fmt.Sprintf("%04d-%%", year)); err != nil {
			return err
		}
		for _, h := range hs {
			kind := "holiday"
			if h.Workday {
				kind = "workday"
			}
			if _, err := tx.Exec(`INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?)`, h.Date, kind, h.Name); err != nil {
				return err
			}
		}
		return tx.logHistory("calendar", int64(year), ActionUpdate, fmt.Sprintf("%d年节假日", year), fmt.Sprintf("共%d天", len(hs)))
	})
}

// calendar loads the holiday calendar (small: a few dozen rows a year).
func (tx *Tx) calendar() (Calendar, error) {
	c := Calendar{}
	rows, err := tx.Query(`SELECT date, kind FROM holidays`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var d Date
		var kind string
		if err := rows.Scan(&d, &kind); err != nil {
			return c, err
		}
		c[d] = kind == "workday"
	}
	return c, rows.Err()
}

// nullID maps 0 to NULL for optional foreign keys.
// nullInt is NULL for 0 (a count the office does not keep), else n.
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
