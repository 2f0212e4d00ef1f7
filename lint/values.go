package lint

import "strings"

// value reads template values, resolving what can be known statically: literals, and
// Ref to a parameter with a Default. Anything else (Fn::If, Ref to a resource, ...) is
// unknown, and rules that depend on it are not applied: lint never guesses.
type value struct {
	tmpl *template
}

// str returns v as a string and whether it is known.
func (r value) str(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case map[string]any:
		if ref, ok := x["Ref"].(string); ok && len(x) == 1 {
			if p, ok := r.tmpl.Parameters[ref]; ok {
				if s, ok := p.Default.(string); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}

// list returns v as a list of strings and whether every element is known. A
// comma-separated parameter default counts as a list.
func (r value) list(v any) ([]string, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := r.str(e)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	case map[string]any:
		if s, ok := r.str(x); ok {
			if s == "" {
				return []string{}, true
			}
			return strings.Split(s, ","), true
		}
	}
	return nil, false
}

// boolean returns v as a bool and whether it is known (CloudFormation also accepts
// "true"/"false" strings).
func (r value) boolean(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		return x == "true", x == "true" || x == "false"
	}
	return false, false
}

// object returns v as an object, or nil.
func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
