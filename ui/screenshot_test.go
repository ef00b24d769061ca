package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestCaptureAllWritesEveryTab(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	dir := filepath.Join(t.TempDir(), "shots")
	if err := d.captureAll(dir); err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, it := range d.tabs.Items {
		want = append(want, fmt.Sprintf("%02d-%s.png", i+1, it.Text))
	}
	want = append(want, fmt.Sprintf("%02d-代表-新增.png", len(d.tabs.Items)+1))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Errorf("%d files written, want %d: %v", len(entries), len(want), entries)
	}
	for _, name := range want {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 100 {
			t.Errorf("%s is %v, want the whole window", name, b)
		}
	}
	if d.deputies.current.ID != 0 || d.deputies.pane.title.Text != "新增代表" {
		t.Errorf("the last picture should show the 新增 form, pane says %q", d.deputies.pane.title.Text)
	}
}

func TestShotSelectFirstFillsDetailPane(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.tabs.SelectIndex(1)
	if !shotSelectFirst(d.tabs.Items[1].Content) {
		t.Fatal("no list found in the 代表 tab")
	}
	if d.deputies.current.ID == 0 {
		t.Error("choosing the first row should put a deputy in the detail pane")
	}
	// Tabs without a list (the settings' first section is a form) are left alone.
	if shotSelectFirst(d.settings.office.content) {
		t.Error("found a list in the office form")
	}
}

func TestShotBlankSpotsFlatPictures(t *testing.T) {
	flat := image.NewNRGBA(image.Rect(0, 0, 90, 60))
	draw.Draw(flat, flat.Bounds(), image.NewUniform(color.Black), image.Point{}, draw.Src)
	if !shotBlank(flat) || !shotBlank(nil) {
		t.Error("a black picture (what Xvfb reads back) should count as blank")
	}
	flat.Set(45, 30, color.White) // one glyph pixel on a sampled spot
	if shotBlank(flat) {
		t.Error("a picture with something drawn on it counted as blank")
	}
}
