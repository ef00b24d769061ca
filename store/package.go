package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// 报送包 (issue 19 §1, SPEC §2.8 and §6.8): what a township sends the county for a period, as one file that the
// county's program can verify. The container is a SQLite file (the same driver reads it) with one row: the
// manifest — who, which period, when, with which program, how many records — and the report the township's
// own outputs print (ReportData: the figures, the records behind them, the ledger, the roster, the stations,
// the meetings), both as JSON, and the SHA-256 over the two. Phone numbers stay home unless the settings say
// otherwise. Changing a byte of either makes the county refuse the file.

// PackageFormat is the format of the packages this program writes; it reads every format up to it.
const PackageFormat = 1

// PackageExt is the file extension of a package.
const PackageExt = ".rdpkg"

// packageAppID marks a package file (PRAGMA application_id, 'RDPK'), so that a database or another SQLite
// file is told apart from a package by its first page.
const packageAppID = 0x5244504B

// PackageManifest says what a package holds.
type PackageManifest struct {
	Office       string         `json:"office"`        // ××镇人大主席团
	Township     string         `json:"township"`      // ××镇
	TownshipCode string         `json:"township_code"` // 行政区划代码; "" when the township set none
	Upper        string         `json:"upper"`         // the congress it is sent to, as the township names it
	From         Date           `json:"from"`
	To           Date           `json:"to"`
	AsOf         Date           `json:"as_of"`
	MadeAt       string         `json:"made_at"` // local time 2006-01-02 15:04:05
	MadeBy       string         `json:"made_by"` // 制表人
	Program      string         `json:"program"`
	Schema       int            `json:"schema"` // the township database's schema version
	Format       int            `json:"format"` // PackageFormat of the program that made it
	Phones       bool           `json:"phones"` // the deputies' phone numbers are in it
	Counts       []PackageCount `json:"counts"` // records held, in a fixed order
}

// PackageCount is how many records of a kind a package holds.
type PackageCount struct {
	Kind string `json:"kind"` // 代表, 联络站, 建议, 会议活动, 履职记录, 述职
	N    int    `json:"n"`
}

// Key is the township's identity in a county database: its code, or its name when it has none.
func (m PackageManifest) Key() string {
	if m.TownshipCode != "" {
		return m.TownshipCode
	}
	return m.Township
}

// PeriodName is 「2025年」 for a calendar year, else 「2025年1月1日至2025年6月30日」.
func (m PackageManifest) PeriodName() string {
	return ReportVersion{From: m.From, To: m.To}.PeriodName()
}

// CountsText is 「代表74名、联络站12个、建议86件…」.
func (m PackageManifest) CountsText() string {
	units := map[string]string{"代表": "名", "联络站": "个", "建议": "件", "会议活动": "次", "履职记录": "条", "述职": "人次"}
	parts := make([]string, len(m.Counts))
	for i, c := range m.Counts {
		parts[i] = fmt.Sprintf("%s%d%s", c.Kind, c.N, units[c.Kind])
	}
	return strings.Join(parts, "、")
}

// Package is an exchange package: the manifest, the township's report and the checksum over both.
type Package struct {
	Manifest PackageManifest
	Report   ReportData
	SHA256   string // lower-case hex

	manifest, report []byte // as written or read: the bytes the checksum is over
}

// packageSum is the SHA-256 of a package's manifest and report as stored.
func packageSum(manifest, report []byte) string {
	h := sha256.New()
	h.Write(manifest)
	h.Write([]byte{'\n'})
	h.Write(report)
	return hex.EncodeToString(h.Sum(nil))
}

// MakePackage reads the period from..to as it stood on asOf (LoadReport: the same figures the township's own
// export prints) and makes the package of it. A township office only: a county database has nothing of its
// own to send. Phone numbers (the deputies', a voter's who raised an item) are left out unless the settings
// send them.
func (db *DB) MakePackage(ctx context.Context, from, to, asOf Date) (Package, error) {
	var p Package
	cs, err := db.CountySettings(ctx)
	if err != nil {
		return p, err
	}
	if cs.IsCounty() {
		return p, Errorf(EINVALID, "本数据库是县(区)人大常委会的汇总数据库，不能生成报送包")
	}
	rep, err := db.LoadReport(ctx, from, to, asOf)
	if err != nil {
		return p, err
	}
	s := rep.Settings
	if s.OfficeName == "" || s.Township == "" {
		return p, Errorf(EINVALID, "请先在 设置 → 单位 中填写单位名称和乡镇名称，县里凭它们认出报送包")
	}
	if !cs.PackagePhones {
		for i := range rep.Deputies {
			rep.Deputies[i].Phone = ""
		}
		for i := range rep.Ledger {
			rep.Ledger[i].VoterContact = ""
		}
	}
	f := rep.Figures
	p.Report = rep
	p.Manifest = PackageManifest{Office: s.OfficeName, Township: s.Township, TownshipCode: cs.TownshipCode,
		Upper: s.UpperCongress, From: f.From, To: f.To, AsOf: f.AsOf, MadeAt: rep.Made.Format("2006-01-02 15:04:05"),
		MadeBy: s.ClerkName, Program: "人大工作台", Schema: SchemaVersion(), Format: PackageFormat, Phones: cs.PackagePhones,
		Counts: []PackageCount{{"代表", len(rep.Deputies)}, {"联络站", len(rep.Stations)}, {"建议", len(rep.Ledger)},
			{"会议活动", len(rep.Meetings)}, {"履职记录", len(rep.Records)}, {"述职", len(rep.ReportBacks)}}}
	if p.manifest, err = json.Marshal(p.Manifest); err != nil {
		return p, err
	}
	if p.report, err = json.Marshal(p.Report); err != nil {
		return p, err
	}
	p.SHA256 = packageSum(p.manifest, p.report)
	return p, nil
}

// FileName is the package's usual name: 「青川县××镇_510822102_2025年报送包.rdpkg」 without the county.
func (p Package) FileName() string {
	parts := []string{p.Manifest.Office}
	if p.Manifest.TownshipCode != "" {
		parts = append(parts, p.Manifest.TownshipCode)
	}
	parts = append(parts, p.Manifest.PeriodName()+"报送包")
	return strings.Join(parts, "_") + PackageExt
}

// WritePackage writes the package to path as a new file: written beside it under a temporary name, synced and
// renamed, so that a stick pulled out mid-write leaves the old file (or none), never half a package.
func WritePackage(p Package, path string) error {
	if p.SHA256 == "" || p.manifest == nil {
		return errors.New("package not made by MakePackage")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".*.tmp")
	if err != nil {
		return fmt.Errorf("写报送包 %s: %w", filepath.Base(path), err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	defer os.Remove(name + "-journal")
	conn, err := sql.Open("sqlite", fileURI(name)+"?_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)")
	if err != nil {
		return err
	}
	_, err = conn.Exec(fmt.Sprintf(`PRAGMA application_id = %d; PRAGMA user_version = %d;
		CREATE TABLE package (
			format INTEGER NOT NULL, township TEXT NOT NULL, township_code TEXT NOT NULL,
			period_from TEXT NOT NULL, period_to TEXT NOT NULL, as_of TEXT NOT NULL, made_at TEXT NOT NULL,
			manifest TEXT NOT NULL, report BLOB NOT NULL, sha256 TEXT NOT NULL)`, packageAppID, PackageFormat))
	if err == nil {
		m := p.Manifest
		_, err = conn.Exec(`INSERT INTO package VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.Format, m.Township, m.TownshipCode,
			m.From, m.To, m.AsOf, m.MadeAt, string(p.manifest), p.report, p.SHA256)
	}
	if cerr := conn.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("写报送包 %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(name, abs); err != nil {
		return fmt.Errorf("写报送包 %s: %w", filepath.Base(path), err)
	}
	return nil
}

// ReadPackage reads and verifies the package at path, read-only (a stick may be write-protected). A file that
// is not a package, a package of a newer format or schema, or one whose content does not match its checksum is
// refused with a Chinese message naming the file.
func ReadPackage(path string) (Package, error) {
	var p Package
	base := filepath.Base(path)
	abs, err := filepath.Abs(path)
	if err != nil {
		return p, err
	}
	if _, err := os.Stat(abs); err != nil {
		return p, Errorf(ENOTFOUND, "找不到报送包 %s", base)
	}
	conn, err := sql.Open("sqlite", fileURI(abs)+"?mode=ro&immutable=1")
	if err != nil {
		return p, err
	}
	defer conn.Close()
	var app, format int
	if err := conn.QueryRow(`PRAGMA application_id`).Scan(&app); err != nil {
		return p, Errorf(ESCHEMA, "%s 不是报送包（不是人大工作台生成的文件，或已损坏）", base)
	}
	if app != packageAppID {
		// Opened immutable, a database's newest pages (in its -wal) are not seen: look again the usual way.
		if db, err := sql.Open("sqlite", fileURI(abs)+"?mode=ro"); err == nil {
			var tables int
			db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'suggestions'`).Scan(&tables)
			db.Close()
			if tables > 0 {
				return p, Errorf(ESCHEMA, "%s 是人大工作台的数据库文件，不是报送包；请乡镇在 报表 → 生成报送包 中生成", base)
			}
		}
		return p, Errorf(ESCHEMA, "%s 不是报送包（不是人大工作台生成的文件）", base)
	}
	var sum string
	err = conn.QueryRow(`SELECT format, manifest, report, sha256 FROM package`).Scan(&format, &p.manifest, &p.report, &sum)
	if err != nil {
		return p, Errorf(ECORRUPT, "报送包 %s 不完整或已损坏(%v)", base, err)
	}
	if format > PackageFormat {
		return p, Errorf(ESCHEMA, "报送包 %s 的格式(第%d版)比本程序新，请升级人大工作台后再导入", base, format)
	}
	if got := packageSum(p.manifest, p.report); got != sum {
		return p, Errorf(ECORRUPT, "报送包 %s 的内容与校验值不符，可能在传送中损坏或被改动过；请乡镇重新生成报送包", base)
	}
	p.SHA256 = sum
	if err := json.Unmarshal(p.manifest, &p.Manifest); err != nil {
		return p, Errorf(ECORRUPT, "报送包 %s 的清单无法读取(%v)", base, err)
	}
	if p.Manifest.Schema > SchemaVersion() {
		return p, Errorf(ESCHEMA, "报送包 %s 由较新版本的人大工作台生成(数据版本%d，本程序%d)，请升级后再导入", base, p.Manifest.Schema, SchemaVersion())
	}
	if err := json.Unmarshal(p.report, &p.Report); err != nil {
		return p, Errorf(ECORRUPT, "报送包 %s 的报表数据无法读取(%v)", base, err)
	}
	m := p.Manifest
	if m.Township == "" || m.Office == "" {
		return p, Errorf(ECORRUPT, "报送包 %s 没有注明乡镇", base)
	}
	if _, err := ParseDate(string(m.From)); err != nil || m.To < m.From || m.AsOf < m.From {
		return p, Errorf(ECORRUPT, "报送包 %s 的统计期间不对(%s至%s，截至%s)", base, m.From, m.To, m.AsOf)
	}
	return p, nil
}
