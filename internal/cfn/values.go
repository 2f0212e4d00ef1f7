package cfn

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Str returns v as a string and whether it is known statically: a literal, or a Ref
// to a parameter with a string default.
func (r *Template) Str(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case map[string]any:
		if ref, ok := x["Ref"].(string); ok && len(x) == 1 {
			if p, ok := r.Parameters[ref]; ok {
				if s, ok := p.Default.(string); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}

// List returns v as a list of strings and whether every element is known. A
// comma-separated parameter default counts as a list.
func (r *Template) List(v any) ([]string, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := r.Str(e)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	case map[string]any:
		if s, ok := r.Str(x); ok {
			if s == "" {
				return []string{}, true
			}
			return strings.Split(s, ","), true
		}
	}
	return nil, false
}

// Int returns v as an integer and whether it is known statically: a JSON number, or
// a string or parameter default holding one (CloudFormation takes numbers as strings).
func (r *Template) Int(v any) (int, bool) {
	switch x := v.(type) {
	case json.Number:
		n, err := strconv.Atoi(string(x))
		return n, err == nil
	case float64:
		return int(x), x == float64(int(x))
	case int:
		return x, true
	}
	if s, ok := r.Str(v); ok {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return 0, false
}

// Bool returns v as a bool and whether it is known (CloudFormation also accepts
// "true"/"false" strings).
func (r *Template) Bool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		return x == "true", x == "true" || x == "false"
	}
	return false, false
}

// Object returns v as an object, or nil.
func Object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// ListOf returns v as a list, or nil.
func ListOf(v any) []any {
	l, _ := v.([]any)
	return l
}

// IsIntrinsic reports whether m is an intrinsic function call: one key, Ref,
// Condition or Fn::*.
func IsIntrinsic(m map[string]any) bool {
	if len(m) != 1 {
		return false
	}
	for k := range m {
		return k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::")
	}
	return false
}
