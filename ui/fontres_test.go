package ui

import (
	"bytes"
	"testing"

	"rendadesk/assets"
)

// TestFontResource: the theme's fonts give the whole bundled font each time they are asked — the copy
// unpacked ahead at start first, then new ones — and keep none themselves.
func TestFontResource(t *testing.T) {
	want := assets.UnpackWindowRegular()
	f := &fontResource{name: "r.otf", unpack: assets.UnpackWindowRegular}
	f.prefetch()
	f.prefetch() // a second prefetch while one is on its way unpacks nothing more
	first := f.Content()
	if !bytes.Equal(first, want) {
		t.Fatalf("the copy unpacked ahead is %d bytes, want the font's %d", len(first), len(want))
	}
	if f.ahead != nil {
		t.Fatal("the resource still holds a copy after handing it over")
	}
	second := f.Content()
	if !bytes.Equal(second, want) || &second[0] == &first[0] {
		t.Fatal("the second Content is not a fresh whole copy of the font")
	}
	if f.Name() != "r.otf" {
		t.Fatalf("name %q", f.Name())
	}
}
