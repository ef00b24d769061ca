package store

import (
	"context"
	"testing"
)

func TestThemeSetting(t *testing.T) {
	ctx := context.Background()
	t.Run("DefaultLight", func(t *testing.T) {
		db := mustOpen(t)
		s, err := db.Settings(ctx)
		must(t, err)
		if s.Theme != ThemeLight {
			t.Fatalf("theme of a new database = %q, want %q", s.Theme, ThemeLight)
		}
	})
	t.Run("SavedDark", func(t *testing.T) {
		db := mustOpen(t)
		s, _ := db.Settings(ctx)
		s.Theme = ThemeDark
		must(t, db.SaveSettings(ctx, s))
		got, _ := db.Settings(ctx)
		if got.Theme != ThemeDark {
			t.Fatalf("theme = %q after saving %q", got.Theme, ThemeDark)
		}
	})
	t.Run("ErrUnknownTheme", func(t *testing.T) {
		db := mustOpen(t)
		s, _ := db.Settings(ctx)
		s.Theme = "粉色"
		err := db.SaveSettings(ctx, s)
		if ErrorCode(err) != EINVALID || ErrorMessage(err) != "主题只能是浅色、深色或跟随系统" {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestRememberedFolders(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	t.Run("NoneYet", func(t *testing.T) {
		dir, err := db.Folder(ctx, FolderExports)
		if err != nil || dir != "" {
			t.Fatalf("Folder = %q, %v; want empty", dir, err)
		}
	})
	t.Run("EachKindItsOwn", func(t *testing.T) {
		must(t, db.SetFolder(ctx, FolderExports, "/home/文员/报表"))
		must(t, db.SetFolder(ctx, FolderPrints, "/media/U盘/打印"))
		must(t, db.SetFolder(ctx, FolderExports, "/home/文员/报表2024"))
		for kind, want := range map[string]string{FolderExports: "/home/文员/报表2024", FolderPrints: "/media/U盘/打印", FolderImports: "", FolderBackups: ""} {
			if got, err := db.Folder(ctx, kind); err != nil || got != want {
				t.Errorf("Folder(%s) = %q, %v; want %q", kind, got, err, want)
			}
		}
	})
	t.Run("NotInHistory", func(t *testing.T) {
		_, n, err := db.History(ctx, HistoryFilter{Limit: 10})
		must(t, err)
		if n != 0 {
			t.Fatalf("remembering a folder wrote %d history entries", n)
		}
	})
	t.Run("ErrUnknownKind", func(t *testing.T) {
		if err := db.SetFolder(ctx, "photos", "/tmp"); ErrorCode(err) != EINVALID {
			t.Fatalf("err = %v", err)
		}
		if _, err := db.Folder(ctx, "photos"); ErrorCode(err) != EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("SettingsUntouched", func(t *testing.T) {
		s, err := db.Settings(ctx)
		must(t, err)
		if s != DefaultSettings() {
			t.Fatalf("settings changed: %+v", s)
		}
	})
}
