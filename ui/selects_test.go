package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSelectsAreMadeByNewSelect: a select made by widget.NewSelect shows Fyne's untranslated 「(Select one)」
// until something is chosen, so the window makes every select by newSelect (the Chinese placeholder).
func TestSelectsAreMadeByNewSelect(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if ok && fn.Name.Name == "newSelect" {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "widget" && sel.Sel.Name == "NewSelect" {
						t.Errorf("%s: widget.NewSelect: use newSelect (a Chinese placeholder)", fset.Position(sel.Pos()))
					}
				}
				if lit, ok := n.(*ast.CompositeLit); ok {
					if sel, ok := lit.Type.(*ast.SelectorExpr); ok {
						if x, ok := sel.X.(*ast.Ident); ok && x.Name == "widget" && sel.Sel.Name == "Select" {
							t.Errorf("%s: widget.Select{…}: use newSelect (a Chinese placeholder)", fset.Position(lit.Pos()))
						}
					}
				}
				return true
			})
		}
	}
	if _, err := os.Stat("form.go"); err != nil {
		t.Fatal("run in the ui package's directory:", err)
	}

	// And what it shows: the Chinese placeholder, never Fyne's own.
	test.NewTempApp(t)
	if s := newSelect([]string{"甲", "乙"}, nil); s.PlaceHolder != "(请选择)" || s.Selected != "" {
		t.Errorf("placeholder %q, selected %q", s.PlaceHolder, s.Selected)
	}
}
