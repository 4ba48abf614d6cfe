// Command surface prints the exported API of a Go package directory, one declaration
// a line, sorted: what user code can depend on. Types are printed as written, except
// that the package's unexported type aliases are replaced by what they alias, so an
// alias of an imported type prints as that type. Parameter names are left out: only
// types matter to callers.
//
// Usage: go run . DIR
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: surface DIR")
		os.Exit(2)
	}
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(os.Args[1], "*.go"))
	if err != nil {
		panic(err)
	}
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		files = append(files, f)
	}
	aliases := map[string]ast.Expr{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					ts := s.(*ast.TypeSpec)
					if ts.Assign.IsValid() && !ts.Name.IsExported() {
						aliases[ts.Name.Name] = ts.Type
					}
				}
			}
		}
	}
	p := &surface{fset: fset, aliases: aliases}
	var lines []string
	for _, f := range files {
		for _, d := range f.Decls {
			lines = append(lines, p.decl(d)...)
		}
	}
	sort.Strings(lines)
	for i, l := range lines {
		if i == 0 || l != lines[i-1] {
			fmt.Println(l)
		}
	}
}

// builtins are the predeclared type names (lower-case but nameable by callers).
var builtins = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true, "complex128": true,
	"error": true, "float32": true, "float64": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "rune": true, "string": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "uintptr": true,
}

type surface struct {
	fset    *token.FileSet
	aliases map[string]ast.Expr
}

// expr prints e with the package's unexported aliases resolved.
func (s *surface) expr(e ast.Expr) string {
	e = s.resolve(e)
	var b bytes.Buffer
	if err := printer.Fprint(&b, s.fset, e); err != nil {
		panic(err)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// resolve returns a copy of e with alias identifiers replaced. It recurses along the
// type's syntax, which generated signatures keep a few levels deep.
func (s *surface) resolve(e ast.Expr) ast.Expr {
	var out ast.Expr = e
	switch t := e.(type) {
	case *ast.Ident:
		if a, ok := s.aliases[t.Name]; ok {
			out = s.resolve(a)
		} else if !t.IsExported() && !builtins[t.Name] {
			// Callers cannot name an unexported type: only its place in the signature matters.
			out = ast.NewIdent("unexported")
		}
	case *ast.StarExpr:
		out = &ast.StarExpr{X: s.resolve(t.X)}
	case *ast.ArrayType:
		out = &ast.ArrayType{Len: t.Len, Elt: s.resolve(t.Elt)}
	case *ast.MapType:
		out = &ast.MapType{Key: s.resolve(t.Key), Value: s.resolve(t.Value)}
	case *ast.Ellipsis:
		out = &ast.Ellipsis{Elt: s.resolve(t.Elt)}
	case *ast.FuncType:
		out = &ast.FuncType{TypeParams: t.TypeParams, Params: s.fields(t.Params), Results: s.fields(t.Results)}
	case *ast.IndexExpr:
		out = &ast.IndexExpr{X: s.resolve(t.X), Index: s.resolve(t.Index)}
	}
	return out
}

// fields drops names and resolves types: `a, b T` becomes `T, T`.
func (s *surface) fields(l *ast.FieldList) *ast.FieldList {
	if l == nil {
		return nil
	}
	out := &ast.FieldList{}
	for _, f := range l.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		for i := 0; i < n; i++ {
			out.List = append(out.List, &ast.Field{Type: s.resolve(f.Type)})
		}
	}
	return out
}

func (s *surface) typeParams(l *ast.FieldList) string {
	if l == nil || len(l.List) == 0 {
		return ""
	}
	var parts []string
	for _, f := range l.List {
		for _, n := range f.Names {
			parts = append(parts, n.Name+" "+s.expr(f.Type))
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (s *surface) signature(t *ast.FuncType) string {
	sig := strings.TrimPrefix(s.expr(&ast.FuncType{Params: t.Params, Results: t.Results}), "func")
	return sig
}

func (s *surface) decl(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if !d.Name.IsExported() {
			return nil
		}
		if d.Recv == nil {
			return []string{"func " + d.Name.Name + s.typeParams(d.Type.TypeParams) + s.signature(d.Type)}
		}
		recv := d.Recv.List[0].Type
		base := recv
		if star, ok := base.(*ast.StarExpr); ok {
			base = star.X
		}
		switch b := base.(type) {
		case *ast.IndexExpr:
			base = b.X
		case *ast.IndexListExpr:
			base = b.X
		}
		if id, ok := base.(*ast.Ident); !ok || !id.IsExported() {
			return nil
		}
		name := base.(*ast.Ident).Name
		if _, ok := recv.(*ast.StarExpr); ok {
			name = "*" + name
		}
		return []string{"method (" + name + ") " + d.Name.Name + s.signature(d.Type)}
	case *ast.GenDecl:
		var out []string
		for _, spec := range d.Specs {
			switch sp := spec.(type) {
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					if n.IsExported() {
						out = append(out, strings.ToLower(d.Tok.String())+" "+n.Name)
					}
				}
			case *ast.TypeSpec:
				if !sp.Name.IsExported() {
					continue
				}
				head := "type " + sp.Name.Name + s.typeParams(sp.TypeParams)
				switch t := sp.Type.(type) {
				case *ast.StructType:
					out = append(out, head+" struct")
					for _, f := range t.Fields.List {
						for _, n := range f.Names {
							if n.IsExported() {
								out = append(out, "field "+sp.Name.Name+"."+n.Name+" "+s.expr(f.Type))
							}
						}
					}
				case *ast.InterfaceType:
					out = append(out, head+" interface")
					for _, m := range t.Methods.List {
						if ft, ok := m.Type.(*ast.FuncType); ok {
							for _, n := range m.Names {
								out = append(out, "method "+sp.Name.Name+"."+n.Name+s.signature(ft))
							}
						}
					}
				default:
					out = append(out, head+" "+s.expr(sp.Type))
				}
			}
		}
		return out
	}
	return nil
}
