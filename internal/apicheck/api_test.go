// Package apicheck holds the test that defineauth's public packages can be used from
// another module: no exported declaration names a type of an internal package.
package apicheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "github.com/defineauth/defineauth/internal/golden" // every test binary takes -update
)

// public are the packages a user's module imports.
var public = []string{"construct", "construct/access", "construct/config", "construct/golambda", "construct/spec",
	"lint", "outputs", "rules", "stacks", "upgrade"}

// TestNoInternalTypeInPublicAPI: an exported function, method, type, field, variable
// or constant of a public package names no type from an internal package (a user's
// module could not name it: "use of internal package not allowed").
func TestNoInternalTypeInPublicAPI(t *testing.T) {
	for _, dir := range public {
		files, _ := filepath.Glob(filepath.Join("..", "..", dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			internal := map[string]bool{} // local names of internal imports
			for _, imp := range file.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if strings.Contains(path, "/internal/") {
					name := filepath.Base(path)
					if imp.Name != nil {
						name = imp.Name.Name
					}
					internal[name] = true
				}
			}
			check := func(what string, n ast.Node) {
				if n == nil {
					return
				}
				ast.Inspect(n, func(x ast.Node) bool {
					if sel, ok := x.(*ast.SelectorExpr); ok {
						if id, ok := sel.X.(*ast.Ident); ok && internal[id.Name] {
							t.Errorf("%s: %s names %s.%s, an internal package's", f, what, id.Name, sel.Sel.Name)
						}
					}
					if _, ok := x.(*ast.FuncLit); ok {
						return false // a value's body is not its signature
					}
					return true
				})
			}
			for _, d := range file.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Name.IsExported() && (d.Recv == nil || exportedRecv(d.Recv)) {
						check(d.Name.Name, d.Type)
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							if s.Name.IsExported() {
								checkType(s.Name.Name, s.Type, check)
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if n.IsExported() {
									check(n.Name, s.Type)
								}
							}
						}
					}
				}
			}
		}
	}
}

// checkType checks a type's exported parts: fields and methods, or the whole type.
func checkType(name string, typ ast.Expr, check func(string, ast.Node)) {
	switch x := typ.(type) {
	case *ast.StructType:
		for _, f := range x.Fields.List {
			if len(f.Names) == 0 || f.Names[0].IsExported() {
				check(name+" field", f.Type)
			}
		}
	case *ast.InterfaceType:
		for _, m := range x.Methods.List {
			check(name+" method", m.Type)
		}
	default:
		check(name, typ)
	}
}

func exportedRecv(r *ast.FieldList) bool {
	t := r.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if g, ok := t.(*ast.IndexExpr); ok {
		t = g.X
	}
	id, ok := t.(*ast.Ident)
	return ok && id.IsExported()
}
