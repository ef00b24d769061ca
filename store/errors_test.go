package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestErrorMessageSaysTheCauseInChinese(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"DiskFullErrno", fmt.Errorf("备份到 /x/a.db: %w", &fs.PathError{Op: "write", Path: "/x/a.db", Err: syscall.ENOSPC}),
			"备份到 /x/a.db: write /x/a.db: 磁盘空间不足(no space left on device)"},
		{"DiskFullSQLite", errors.New("保存: database or disk is full (13)"), "保存: 磁盘空间不足(database or disk is full (13))"},
		{"NoPermission", fmt.Errorf("创建数据库文件夹: %w", &fs.PathError{Op: "mkdir", Path: "/y", Err: syscall.EACCES}),
			"创建数据库文件夹: mkdir /y: 没有写入权限(permission denied)"},
		{"ReadOnlyDatabase", errors.New("保存: attempt to write a readonly database (8)"), "保存: 没有写入权限(attempt to write a readonly database (8))"},
		{"Damaged", errors.New("读取数据库 t.db: database disk image is malformed (11)"), "读取数据库 t.db: 文件已损坏(database disk image is malformed (11))"},
		{"Locked", errors.New("开始事务: database is locked (5)"), "开始事务: 文件正被其他程序使用(database is locked (5))"},
		{"WindowsSharing", errors.New("保存 a.xlsx 失败: The process cannot access the file because it is being used by another process."),
			"保存 a.xlsx 失败: 文件正被其他程序使用(The process cannot access the file because it is being used by another process.)"},
		{"CodedErrorKeepsItsWords", Errorf(ECORRUPT, "文件 t.db 已损坏或不是数据库文件(file is not a database (26))"),
			"文件 t.db 已损坏或不是数据库文件(file is not a database (26))"},
		{"AlreadyChinese", errors.New("磁盘空间不足。"), "磁盘空间不足。"},
		{"Other", errors.New("找不到文件"), "找不到文件"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ErrorMessage(c.err); got != c.want {
				t.Errorf("ErrorMessage =\n %q\nwant\n %q", got, c.want)
			}
		})
	}
}

// TestErrorMessageOfARealFailure writes through a read-only connection, as SQLite refuses a file the clerk
// may not write.
func TestErrorMessageOfARealFailure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", fileURI(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_, err = raw.ExecContext(context.Background(), `INSERT INTO units (name, kind) VALUES ('a', 'b')`)
	if got := ErrorMessage(fmt.Errorf("保存: %w", err)); !strings.HasPrefix(got, "保存: 没有写入权限(attempt to write a readonly database") {
		t.Errorf("ErrorMessage = %q", got)
	}
}
