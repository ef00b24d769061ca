// Package store is the model of 人大工作台: the domain types (Deputy, Station, Suggestion, Meeting …), their
// validation and rules (the suggestion state machine, deadlines, figures), and their storage in one SQLite file.
// It knows nothing of Fyne, Excel or PDF.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is the office's database: one SQLite file opened in WAL mode with full synchronous writes, so that
// when a method returns without error the change is on disk.
type DB struct {
	db   *sql.DB
	path string
	// Now returns the current time; tests replace it to get reproducible timestamps.
	Now func() time.Time
	// readOnly is set by OpenReadOnly; copyOf is the schema version of the file when OpenReadOnly read a
	// private upgraded copy of an older file (tmp) rather than the file itself.
	readOnly bool
	copyOf   int
	tmp      string
	// noBackup skips BeforeMigrate: the private copy of OpenReadOnly is upgraded without a backup of it.
	noBackup bool
	// closer closes a read-only connection (see openReadOnly); nil for the others.
	closer func() error
	// failure is the last failure of the daily backup this session (see LastBackupFailure).
	failureMu sync.Mutex
	failure   *BackupFailure
}

// Open opens (creating if needed) the database at path and brings its schema up to date.
// A file that is not a SQLite database, or whose schema is newer than this program knows, is refused
// with a Chinese message and left untouched.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, Errorf(EINVALID, "未指定数据库文件")
	}
	if path == ":memory:" {
		// database/sql would give every pooled connection its own empty database.
		return nil, Errorf(EINVALID, "不支持内存数据库，请指定文件路径")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("数据库路径 %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("创建数据库文件夹: %w", err)
	}
	if err := createPrivate(abs); err != nil {
		return nil, err
	}
	tightenFiles(abs, abs+"-wal", abs+"-shm")
	sqldb, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("打开数据库: %w", err)
	}
	db := &DB{db: sqldb, path: abs, Now: time.Now}
	if err := db.migrate(context.Background()); err != nil {
		sqldb.Close()
		return nil, err
	}
	return db, nil
}

// OpenReadOnly opens an existing database only to read it, for the commands that read (check, export,
// print, backup): the file is not changed in any way — no switch of its journal to WAL, no schema written into
// an empty file, no migration — and a window may have it open meanwhile. A missing or 0-byte file, a file
// that is not ours and a newer schema are refused with a Chinese message. A file of an older schema is read
// through a private upgraded copy in the temporary folder (removed by Close), so it is read as the program
// reads its own and the file itself stays as it was until a window (or a command that writes) opens it.
func OpenReadOnly(path string) (*DB, error) {
	ctx := context.Background()
	if path == "" {
		return nil, Errorf(EINVALID, "未指定数据库文件")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("数据库路径 %s: %w", path, err)
	}
	st, err := os.Stat(abs)
	switch {
	case err != nil:
		return nil, Errorf(ENOTFOUND, "找不到数据库文件 %s", path)
	case st.IsDir():
		return nil, Errorf(EINVALID, "%s 是文件夹，不是数据库文件", path)
	case st.Size() == 0:
		return nil, Errorf(ESCHEMA, "文件 %s 是空的(0字节)，还不是人大工作台的数据库(用人大工作台窗口打开它，才会建成新的数据库)", filepath.Base(abs))
	}
	sqldb, closer, err := openReadOnly(ctx, abs, true)
	if err != nil {
		return nil, err
	}
	db := &DB{db: sqldb, path: abs, Now: time.Now, readOnly: true, closer: closer}
	v, err := db.checkSchema(ctx)
	if err == nil && v == 0 {
		err = Errorf(ESCHEMA, "文件 %s 还不是人大工作台的数据库(没有数据表；用人大工作台窗口打开它，才会建成新的数据库)", filepath.Base(abs))
	}
	if err != nil || v == SchemaVersion() {
		if err != nil {
			closer()
			return nil, err
		}
		return db, nil
	}
	defer closer()
	return upgradedCopy(ctx, db, v)
}

// upgradedCopy copies the older database ro reads into a private temporary file and brings the copy's schema
// up to date, for OpenReadOnly.
func upgradedCopy(ctx context.Context, ro *DB, version int) (*DB, error) {
	f, err := os.CreateTemp("", "rendadesk-只读副本-*.db")
	if err != nil {
		return nil, fmt.Errorf("读取旧版数据库 %s 需要一个临时副本，但无法创建: %w", filepath.Base(ro.path), err)
	}
	tmp := f.Name()
	f.Close()
	removeAll := func() {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(tmp + suffix)
		}
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		removeAll()
		return nil, err
	}
	if _, err := ro.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		removeAll()
		return nil, fmt.Errorf("复制旧版数据库 %s: %w", filepath.Base(ro.path), err)
	}
	sqldb, err := sql.Open("sqlite", dsn(tmp))
	if err != nil {
		removeAll()
		return nil, err
	}
	db := &DB{db: sqldb, path: ro.path, Now: time.Now, readOnly: true, copyOf: version, tmp: tmp, noBackup: true}
	if err := db.migrate(ctx); err != nil {
		sqldb.Close()
		removeAll()
		return nil, err
	}
	return db, nil
}

// openReadOnly opens the database file at abs read-only and returns the connection and the function that
// closes it. A WAL file in a folder that cannot be written (a write-protected USB stick) cannot even be opened
// so, because SQLite wants its -shm file; it is then read as an unchanging file.
//
// Reading a database in WAL mode makes SQLite create its -wal and -shm files beside it when they are not
// there, and a read-only connection cannot remove them again; so when no window or writing command holds the
// file's lock, close removes what this connection added (an empty -wal, the -shm), leaving the folder as it was.
func openReadOnly(ctx context.Context, abs string, mapped bool) (*sql.DB, func() error, error) {
	var had [2]bool
	for i, suffix := range []string{"-wal", "-shm"} {
		_, err := os.Lstat(abs + suffix)
		had[i] = err == nil
	}
	closer := func(sqldb *sql.DB) func() error {
		return func() error {
			err := sqldb.Close()
			tidyCompanions(abs, had)
			return err
		}
	}
	// mapped (a reading command: OpenReadOnly): the pages are read straight from the system's file cache,
	// mapped (mmap_size), instead of a read call and a copy into SQLite's own cache for every page (the yearly
	// export of a large year reads most of a 400 MB file, twice side by side): ≈ 7% of the stress export's
	// time through the command line, ≈ 10 ms of a township's. A file is never shrunk in place while mapped: a
	// restore renames another over it. Not for the integrity check (CheckFile), which reads every page once:
	// in the window's process the mapped file would count in its memory (RSS) for as long as it runs.
	dsn := fileURI(abs) + "?mode=ro&_pragma=busy_timeout(10000)"
	if mapped {
		dsn += "&_pragma=mmap_size(1073741824)"
	}
	sqldb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, nil, err
	}
	var v int
	err = sqldb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	if err == nil {
		return sqldb, closer(sqldb), nil
	}
	closer(sqldb)()
	if msg := err.Error(); !strings.Contains(msg, "readonly") && !strings.Contains(msg, "unable to open") {
		return nil, nil, notADatabase(abs, err)
	}
	if sqldb, err = sql.Open("sqlite", fileURI(abs)+"?mode=ro&immutable=1"); err != nil {
		return nil, nil, err
	}
	if err := sqldb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		sqldb.Close()
		return nil, nil, notADatabase(abs, err)
	}
	return sqldb, sqldb.Close, nil
}

// tidyCompanions removes the -wal (when empty) and the -shm of the database at abs that were not there
// before a read (had: -wal, -shm), provided no window or writing command has the file: they hold its Lock,
// and would be using them. A file without a lock file beside it (a backup, a file a restore kept aside) was
// never opened by one, and gets no lock file for this.
func tidyCompanions(abs string, had [2]bool) {
	if had[0] && had[1] {
		return
	}
	if _, err := os.Lstat(abs + ".lock"); err == nil {
		release, err := Lock(abs)
		if err != nil {
			return
		}
		defer release()
	}
	if st, err := os.Stat(abs + "-wal"); !had[0] && err == nil && st.Size() == 0 {
		os.Remove(abs + "-wal")
	}
	if !had[1] {
		os.Remove(abs + "-shm")
	}
}

// ReadOnlyNote says, for a database OpenReadOnly read through an upgraded copy, that the file is of an older
// version and was left as it is; "" otherwise.
func (db *DB) ReadOnlyNote() string {
	if db.copyOf == 0 {
		return ""
	}
	return fmt.Sprintf("数据库 %s 是旧版本(%d)，已在临时副本上升级后读取，原文件没有改动；用人大工作台窗口打开一次即会升级到版本 %d",
		filepath.Base(db.path), db.copyOf, SchemaVersion())
}

// tightenFiles makes existing files readable by the owner only, where the system has such permissions: a
// database (or backup) made by an older version, copied in, or unpacked from an archive may be readable by
// every user of the computer. Missing files are skipped; a failure is harmless (the file stays as it was).
func tightenFiles(paths ...string) {
	if runtime.GOOS == "windows" {
		return // permissions there are ACLs, inherited from the user's folder; chmod only sets read-only
	}
	for _, p := range paths {
		if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, st.Mode().Perm()&^0o077)
		}
	}
}

// createPrivate creates an empty file readable by the owner only (0600) when it does not exist yet, so that
// SQLite and its -wal/-shm companions inherit a private file rather than the process umask's default.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		return f.Close()
	}
	if os.IsExist(err) {
		return nil
	}
	return fmt.Errorf("创建数据库文件 %s: %w", path, err)
}

// dsn builds the modernc.org/sqlite connection string. _txlock=immediate makes every transaction take the
// write lock at BEGIN, so two writers queue on busy_timeout instead of failing with SQLITE_BUSY on upgrade.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_txlock", "immediate")
	return fileURI(path) + "?" + q.Encode()
}

// fileURI turns an absolute path into a SQLite file: URI, escaping spaces, '#' and '?'.
func fileURI(path string) string {
	return "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()
}

// Path returns the absolute path of the database file.
func (db *DB) Path() string { return db.path }

// Close closes the database (and removes the private copy OpenReadOnly may have made).
func (db *DB) Close() error {
	if db.closer != nil {
		return db.closer()
	}
	err := db.db.Close()
	if db.tmp != "" {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(db.tmp + suffix)
		}
	}
	return err
}

// Tx is a write transaction with the time it started; every public method builds on one.
type Tx struct {
	*sql.Tx
	db  *DB
	now time.Time
	// stmts, when not nil, keeps each statement prepared once for the transaction (Exec, Query and QueryRow
	// below): a transaction that saves thousands of records (an import) otherwise parses the same SQL for
	// every one, a quarter of its time. The statements close with the transaction.
	stmts map[string]*sql.Stmt
	// noSearchIndex leaves the search indexes alone (reindexSuggestion): the import's trial run, always
	// rolled back, checks what a save can refuse, and an index row cannot refuse; writing it there cost a
	// third of the check.
	noSearchIndex bool
	// searchQueue, when not nil, holds the suggestions whose search rows are written by flushSearch.
	searchQueue *[]int64
}

// maxCachedStmts bounds the statements a transaction keeps (a query built with a variable IN list would
// otherwise add one per length).
const maxCachedStmts = 256

// cacheStatements makes the transaction keep its statements prepared (see Tx.stmts).
func (tx *Tx) cacheStatements() { tx.stmts = map[string]*sql.Stmt{} }

// stmt returns the prepared statement for query, or nil when the transaction does not keep them.
func (tx *Tx) stmt(query string) *sql.Stmt {
	if tx.stmts == nil {
		return nil
	}
	if st, ok := tx.stmts[query]; ok {
		return st
	}
	if len(tx.stmts) >= maxCachedStmts {
		return nil
	}
	st, err := tx.Tx.Prepare(query)
	if err != nil {
		return nil // run as before: the error, if any, comes from running it
	}
	tx.stmts[query] = st
	return st
}

// Exec runs a statement, prepared once when the transaction keeps statements.
func (tx *Tx) Exec(query string, args ...any) (sql.Result, error) {
	if st := tx.stmt(query); st != nil {
		return st.Exec(args...)
	}
	return tx.Tx.Exec(query, args...)
}

// Query runs a query, prepared once when the transaction keeps statements.
func (tx *Tx) Query(query string, args ...any) (*sql.Rows, error) {
	if st := tx.stmt(query); st != nil {
		return st.Query(args...)
	}
	return tx.Tx.Query(query, args...)
}

// QueryRow runs a query for one row, prepared once when the transaction keeps statements.
func (tx *Tx) QueryRow(query string, args ...any) *sql.Row {
	if st := tx.stmt(query); st != nil {
		return st.QueryRow(args...)
	}
	return tx.Tx.QueryRow(query, args...)
}

// stamp is the timestamp written to created_at/updated_at and history.
func (tx *Tx) stamp() string { return tx.now.Format("2006-01-02 15:04:05") }

// begin starts a transaction.
func (db *DB) begin(ctx context.Context) (*Tx, error) {
	t, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("开始事务: %w", err)
	}
	return &Tx{Tx: t, db: db, now: db.Now()}, nil
}

// update runs fn in one transaction and commits it, or rolls everything back when fn fails.
func (db *DB) update(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("保存: %w", err)
	}
	return nil
}

// view runs fn in one read transaction (a consistent snapshot of the file).
func (db *DB) view(ctx context.Context, fn func(tx *Tx) error) error {
	t, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("读取: %w", err)
	}
	tx := &Tx{Tx: t, db: db, now: db.Now()}
	defer tx.Rollback()
	return fn(tx)
}

// migration is one numbered schema step from migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order.
func migrations() ([]migration, error) {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		n, rest, ok := strings.Cut(e.Name(), "_")
		if !ok {
			continue
		}
		v, err := strconv.Atoi(n)
		if err != nil {
			return nil, fmt.Errorf("migration %s: bad number", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(rest, ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations must be numbered 1..n without gaps; found %d at position %d", m.version, i+1)
		}
	}
	return ms, nil
}

// migrationHooks are Go steps that run inside a migration's transaction after its SQL, for data that SQL
// alone cannot compute.
var migrationHooks = map[int]func(execQuerier) error{
	3: fillAllGrams,       // index the existing suggestions for short Chinese terms
	8: attachmentTriggers, // 0008_attachments: a record's attachments go with it
	9: migrateDistricts,   // 0009_terms_districts: the 选区 the deputies' records name become the register's (issue 16)
	// 0012_supervision_attachments: the triggers of the owner kinds added since 0008 (评议活动, 整改事项, 信访件).
	12: attachmentTriggers,
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		panic(err)
	}
	return len(ms)
}

// BeforeMigrate is called with the database path before a migration changes an existing database
// (version > 0). By default it keeps a copy beside the file (SPEC §10: a backup before every migration);
// a failed copy stops the migration.
var BeforeMigrate = backupBeforeMigrate

// backupBeforeMigrate writes 「备份/<name>-20261123-093000-升级前.db」 (the backup folder beside the database)
// with VACUUM INTO, a consistent, checked copy readable by the owner only, through a connection of its own.
func backupBeforeMigrate(path string, from, to int) error {
	raw, err := sql.Open("sqlite", fileURI(path)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer raw.Close()
	now := time.Now()
	for n := 1; ; n++ {
		out := filepath.Join(BackupDir(path), backupName(backupBase(path), BackupMigrate, now, n))
		err := writeBackup(context.Background(), raw, out)
		if err == nil || ErrorCode(err) != ECONFLICT || n >= 99 {
			if err != nil {
				return fmt.Errorf("升级数据库(版本 %d → %d)前备份到 %s 失败: %w", from, to, filepath.Base(out), err)
			}
			return nil
		}
	}
}

// migrate applies every migration newer than PRAGMA user_version, each in its own transaction.
func (db *DB) migrate(ctx context.Context) error {
	return db.migrateTo(ctx, SchemaVersion())
}

func (db *DB) migrateTo(ctx context.Context, target int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	v, err := db.checkSchema(ctx)
	if err != nil {
		return err
	}
	if v < target && v > 0 && BeforeMigrate != nil && !db.noBackup {
		if err := BeforeMigrate(db.path, v, target); err != nil {
			return fmt.Errorf("升级前备份: %w", err)
		}
	}
	for _, m := range ms[v:target] {
		if err := db.migrateOne(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// migrateOne applies one migration in its own transaction on one connection with foreign keys off, the
// procedure SQLite documents for rebuilding a table that others reference (0009_terms_districts rebuilds terms): with them
// on, dropping the old table would run its ON DELETE actions on every deputy and meeting. The keys are
// checked (PRAGMA foreign_key_check) before the commit.
func (db *DB) migrateOne(ctx context.Context, m migration) error {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return notADatabase(db.path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return notADatabase(db.path, err)
	}
	defer conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return notADatabase(db.path, err)
	}
	fail := func(err error) error {
		tx.Rollback()
		return fmt.Errorf("数据库升级到版本 %d (%s) 失败: %w", m.version, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fail(err)
	}
	if hook := migrationHooks[m.version]; hook != nil {
		if err := hook(tx); err != nil {
			return fail(err)
		}
	}
	var table string
	switch err := tx.QueryRowContext(ctx, `PRAGMA foreign_key_check`).Scan(&table, new(any), new(any), new(any)); {
	case err == nil:
		return fail(fmt.Errorf("表 %s 有引用不存在的记录", table))
	case !errors.Is(err, sql.ErrNoRows):
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version)); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("数据库升级到版本 %d: %w", m.version, err)
	}
	return nil
}

// checkSchema returns the schema version of the file, refusing a schema newer than this program's and a file
// with tables that are not ours.
func (db *DB) checkSchema(ctx context.Context) (int, error) {
	var v int
	if err := db.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, notADatabase(db.path, err)
	}
	if v > SchemaVersion() {
		return 0, Errorf(ESCHEMA, "数据库 %s 的版本(%d)比本程序(%d)新，请使用新版人大工作台打开", filepath.Base(db.path), v, SchemaVersion())
	}
	if v > 0 {
		if ok, err := db.hasOurTables(ctx); err != nil {
			return 0, notADatabase(db.path, err)
		} else if !ok {
			return 0, Errorf(ESCHEMA, "文件 %s 不是人大工作台的数据库", filepath.Base(db.path))
		}
	} else if foreign, err := db.hasForeignTables(ctx); err != nil {
		return 0, notADatabase(db.path, err)
	} else if foreign {
		return 0, Errorf(ESCHEMA, "文件 %s 不是人大工作台的数据库", filepath.Base(db.path))
	}
	return v, nil
}

func (db *DB) hasOurTables(ctx context.Context) (bool, error) {
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('settings', 'suggestions', 'deputies')`).Scan(&n)
	return n == 3, err
}

func (db *DB) hasForeignTables(ctx context.Context) (bool, error) {
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).Scan(&n)
	return n > 0, err
}

func notADatabase(path string, err error) error {
	if strings.Contains(err.Error(), "not a database") || strings.Contains(err.Error(), "malformed") ||
		strings.Contains(err.Error(), "file is encrypted") {
		return Errorf(ECORRUPT, "文件 %s 已损坏或不是数据库文件(%v)", filepath.Base(path), err)
	}
	return fmt.Errorf("读取数据库 %s: %w", filepath.Base(path), err)
}
