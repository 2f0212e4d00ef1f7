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
		out := make([]string, 0, min(len(x), MaxListed+1))
		for i, s := range x {
			if i == MaxListed {
				out = append(out, fmt.Sprintf("... (%d more)", len(x)-MaxListed))
				break
			}
			out = append(out, strictjson.Excerpt(s))
		}
		return out
	case []any:
		out := make([]any, 0, min(len(x), MaxListed+1))
		for i, s := range x {
			if i == MaxListed {
				out = append(out, fmt.Sprintf("... (%d more)", len(x)-MaxListed))
				break
			}
			out = append(out, bound(s))
		}
		return out
	case map[string]any:
		return strictjson.Excerpt(fmt.Sprint(x))
	}
	return a
}
