//go:build ignore

// Icons writes the program's icon in the sizes a Linux desktop asks for, as the freedesktop icon theme
// layout under OUT: OUT/NxN/apps/NAME.png. Used by .ci/deb:
//
//	go run .ci/icons.go SOURCE.png OUT NAME 16 24 32 48 64 128 256 512
package main

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/image/draw"
)

func main() {
	if len(os.Args) < 5 {
		fmt.Fprintln(os.Stderr, "usage: go run .ci/icons.go SOURCE.png OUT NAME SIZE…")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3], os.Args[4:]); err != nil {
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

func run(source, out, name string, sizes []string) error {
	f, err := os.Open(source)
	if err != nil {
		return err
	}
	defer f.Close()
	src, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", source, err)
	}
	for _, s := range sizes {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fmt.Errorf("size %q", s)
		}
		dst := image.NewNRGBA(image.Rect(0, 0, n, n))
		// Catmull-Rom keeps the small sizes sharp; the source is square (512×512).
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		dir := filepath.Join(out, fmt.Sprintf("%dx%d", n, n), "apps")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			return err
		}
		if err := png.Encode(w, dst); err != nil {
			w.Close()
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
	return nil
}
