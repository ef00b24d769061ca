package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// On Windows a path typed with forward slashes is printed as Explorer writes it. Run on Windows, or on Linux
// under Wine: GOOS=windows go test -c ./ui/cli && wine cli.test.exe -test.run TestPathsShownNative.
func TestPathsShownNative(t *testing.T) {
	dir := filepath.ToSlash(t.TempDir()) // C:/Users/…/Temp/…
	db := dir + "/人大数据/t.db"
	if code, _, errOut := run("demo", "--db", db, "--scale", "township", "--seed", "1"); code != ExitOK {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"Backup", []string{"backup", "--db", db, "--out", dir + "/备份b.db"}, "已备份到 " + filepath.FromSlash(dir+"/备份b.db")},
		{"Print", []string{"print", "--db", db, "roster-public", "--out", dir + "/名册.pdf"}, filepath.FromSlash(dir + "/名册.pdf")},
		{"Template", []string{"import", "--db", db, "--template", "deputies", "--out", dir + "/模板.xlsx"}, "导入模板 " + filepath.FromSlash(dir+"/模板.xlsx")},
	}
	t.Run("MissingDatabase", func(t *testing.T) {
		code, _, errOut := run("check", "--db", dir+"/没有这个文件.db")
		want := "找不到数据库文件 " + filepath.FromSlash(dir+"/没有这个文件.db")
		if code != ExitError || !strings.Contains(errOut, want) {
			t.Fatalf("exit %d, %q; want %q", code, errOut, want)
		}
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(c.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.Contains(out, c.want) || strings.Contains(out, "/") {
				t.Fatalf("output %q, want %q and no forward slash", out, c.want)
			}
		})
	}
}
