package lint

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/cognito"
)

// checkLimits applies the service's limits (rule R38: lengths, characters, list
// sizes, ranges and enums, generated from the Cognito API models and the
// CloudFormation registry schemas into internal/cognito) to every value of the
// template they name. Enums on the user pool itself are DA200's. Values not known
// statically (intrinsic functions) are skipped. A Lambda permission counts only
// when it lets Cognito invoke the function.
func checkLimits(t *cfn.Template) []Finding {
	var out []Finding
	for _, id := range slices.Sorted(maps.Keys(t.Resources)) {
		r := t.Resources[id]
		if r.Type == "AWS::Lambda::Permission" {
			if s, _ := t.Str(r.Properties["Principal"]); s != "cognito-idp.amazonaws.com" {
				continue
			}
		}
		add := func(fix, format string, args ...any) {
			out = append(out, Finding{Rule: "R38", Severity: Error, Resource: id, Message: cfn.Sayf(format, args...), Fix: fix})
		}
		for _, l := range cognito.All {
			if len(l.Enum) > 0 && r.Type == "AWS::Cognito::UserPool" {
				continue
			}
			for _, loc := range l.In {
				if loc.Type != r.Type {
					continue
				}
				for _, v := range valuesAt(r.Properties, loc.Path) {
					if v.list != nil {
						if msg := l.CheckCount(len(v.list)); msg != "" {
							add("shorten the list", "%s %s", cfn.Sentence(v.path), cfn.Sentence(msg))
						}
						continue
					}
					if l.MinValue != nil || l.MaxValue != nil {
						if n, ok := t.Int(v.value); ok {
							if msg := l.CheckInt(n); msg != "" {
								add(fmt.Sprintf("use a number the service takes (%s)", l.Source()), "%s %s", cfn.Sentence(v.path), cfn.Sentence(msg))
							}
						}
						continue
					}
					if s, ok := t.Str(v.value); ok {
						if msg := l.Check(s); msg != "" {
							add(l.Fix(s), "%s %q %s", cfn.Sentence(v.path), s, cfn.Sentence(msg))
						} else if (l == cognito.TagKey || l == cognito.TagValue) && cognito.IsReservedTag(s) {
							add("choose tags without the aws: prefix", "%s %q starts with aws:, which AWS reserves for its own tags", cfn.Sentence(v.path), s)
						}
					}
				}
			}
		}
	}
	return out
}

// found is one value at a location: a scalar, or (list set) a whole list.
type found struct {
	path  string
	value any
	list  []any
}

// valuesAt returns the values at a location path (see cognito.Location) in props:
// each step into a list applies to its items, and a list at the end is returned
// whole (for its size) and item by item.
func valuesAt(props map[string]any, path string) []found {
	cur := []found{{path: "", value: props}}
	for _, step := range strings.Split(path, ".") {
		var next []found
		for _, c := range cur {
			items := []found{c}
			if l, ok := c.value.([]any); ok {
				items = nil
				for i, e := range l {
					items = append(items, found{path: fmt.Sprintf("%s[%d]", c.path, i), value: e})
				}
			}
			for _, it := range items {
				obj := cfn.Object(it.value)
				if obj == nil || cfn.IsIntrinsic(obj) {
					continue
				}
				switch step {
				case "*":
					for _, k := range slices.Sorted(maps.Keys(obj)) {
						next = append(next, found{path: it.path + "." + k, value: obj[k]})
					}
				case "@key":
					for _, k := range slices.Sorted(maps.Keys(obj)) {
						next = append(next, found{path: it.path + " key", value: k})
					}
				default:
					if v, ok := obj[step]; ok {
						next = append(next, found{path: strings.TrimPrefix(it.path+"."+step, "."), value: v})
					}
				}
			}
		}
		cur = next
	}
	var out []found
	for _, c := range cur {
		if l, ok := c.value.([]any); ok {
			out = append(out, found{path: c.path, list: l})
			for i, e := range l {
				out = append(out, found{path: fmt.Sprintf("%s[%d]", c.path, i), value: e})
			}
			continue
		}
		out = append(out, c)
	}
	return out
}
