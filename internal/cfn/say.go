package cfn

import (
	"fmt"

	"github.com/defineauth/defineauth/internal/strictjson"
)

// Sentence is text a checker wrote itself; Sayf prints it whole.
type Sentence string

// MaxListed is how many entries of a list Sayf prints.
const MaxListed = 8

// Sayf is fmt.Sprintf for messages that quote template values: a string argument
// prints at most strictjson.Excerpt's length (with its full length said), a list at
// most MaxListed entries (with how many were left out), an object as an excerpt of
// its printed form. So a 1 MB value in a template makes a line, not a megabyte, of
// output. Text of the checker's own passes as a Sentence.
func Sayf(format string, args ...any) string {
	bounded := make([]any, len(args))
	for i, a := range args {
		bounded[i] = bound(a)
	}
	return fmt.Sprintf(format, bounded...)
}

func bound(a any) any {
	switch x := a.(type) {
	case Sentence:
		return string(x)
	case string:
		return strictjson.Excerpt(x)
	case []string:
		return boundList(x, func(s string) any { return strictjson.Excerpt(s) })
	case []any:
		return boundList(x, bound)
	case map[string]any:
		return strictjson.Excerpt(fmt.Sprint(x))
	}
	return a
}

// boundList is the first MaxListed entries of l, each bounded, and how many were left
// out.
func boundList[T any](l []T, each func(T) any) []any {
	out := make([]any, 0, min(len(l), MaxListed+1))
	for i, e := range l {
		if i == MaxListed {
			return append(out, fmt.Sprintf("... (%d more)", len(l)-MaxListed))
		}
		out = append(out, each(e))
	}
	return out
}
