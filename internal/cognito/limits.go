// Package cognito is the one home of what Amazon Cognito and CloudFormation accept
// for the values defineauth writes: lengths, patterns, list sizes, ranges and enums,
// generated from the service's own machine-readable models (limits_gen.go, by
// genlimits.py from the Cognito API models and the CloudFormation registry schemas;
// a test regenerates it and compares). Config validation and lint both check values
// with it, so no limit is typed by hand, and none in two places.
package cognito

//go:generate sh -c "python3 genlimits.py | gofmt > limits_gen.go"

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf16"
)

// Limit is what the service accepts for one value.
type Limit struct {
	// What names the value in messages ("a callback URL").
	What string
	// MinLen and MaxLen bound a string's length, counted as the service counts (in
	// UTF-16 code units, which is never less than the characters); 0 is no bound.
	MinLen, MaxLen int
	// MinItems and MaxItems bound a list of such values; 0 is no bound.
	MinItems, MaxItems int
	// MinValue and MaxValue bound a number; nil is no bound.
	MinValue, MaxValue *int
	// Patterns must all match a string (RE2 syntax; each anchors itself as the
	// model does: the API's patterns match the whole value).
	Patterns []string
	// Enum lists the values accepted, when the model lists them.
	Enum []string
	// Sources name where the limit comes from: "api <service>:<Operation>.<member>"
	// or "cfn <Type>:<Property>".
	Sources []string
	// In are where lint finds the value in a template.
	In []Location

	once     sync.Once
	compiled []*regexp.Regexp
}

// Location is a property of a resource type in a template: Path is dotted (a step
// into a list applies to each item), ".*" stands for every value of a map and
// ".@key" for its keys.
type Location struct{ Type, Path string }

func bound(n int) *int { return &n }

// Length is s's length as Cognito counts it: UTF-16 code units.
func Length(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func (l *Limit) patterns() []*regexp.Regexp {
	l.once.Do(func() {
		for _, p := range l.Patterns {
			l.compiled = append(l.compiled, regexp.MustCompile(p))
		}
	})
	return l.compiled
}

// Check says what is wrong with s as this value ("" when nothing): its length, its
// characters, or a value not in the enum. The message does not quote s.
func (l *Limit) Check(s string) string { problem, _ := l.explain(s); return problem }

// Fix says how to make s acceptable, naming the model the limit comes from.
func (l *Limit) Fix(s string) string { _, fix := l.explain(s); return fix }

// explain is what is wrong with s and how to fix it, in one pass.
func (l *Limit) explain(s string) (problem, fix string) {
	if len(l.Enum) > 0 && !slices.Contains(l.Enum, s) {
		return "is not one of " + strings.Join(l.Enum, ", "), "use one of " + strings.Join(l.Enum, ", ")
	}
	n := Length(s)
	switch {
	case l.MaxLen > 0 && n > l.MaxLen:
		return fmt.Sprintf("is %d characters long; %s", n, l.lengths()), fmt.Sprintf("shorten it to at most %d characters", l.MaxLen)
	case n < l.MinLen:
		return fmt.Sprintf("is %d characters long; %s", n, l.lengths()), fmt.Sprintf("write at least %d characters", l.MinLen)
	}
	fix = fmt.Sprintf("write %s in the form the service takes (%s)", l.What, l.Source())
	for _, re := range l.patterns() {
		if !re.MatchString(s) {
			return "has characters, or a form, that the service does not accept for " + l.What, fix
		}
	}
	return "", fix
}

func (l *Limit) lengths() string {
	switch {
	case l.MaxLen == 0:
		return fmt.Sprintf("the service takes at least %d", l.MinLen)
	case l.MinLen == 0:
		return fmt.Sprintf("the service takes at most %d", l.MaxLen)
	}
	return fmt.Sprintf("the service takes %d to %d", l.MinLen, l.MaxLen)
}

// CheckCount says what is wrong with a list of n such values ("" when nothing).
func (l *Limit) CheckCount(n int) string {
	switch {
	case l.MaxItems > 0 && n > l.MaxItems:
		return fmt.Sprintf("has %d entries; the service takes at most %d", n, l.MaxItems)
	case n < l.MinItems && n > 0:
		return fmt.Sprintf("has %d entries; the service takes at least %d", n, l.MinItems)
	}
	return ""
}

// CheckInt says what is wrong with the number n ("" when nothing).
func (l *Limit) CheckInt(n int) string {
	switch {
	case l.MinValue != nil && l.MaxValue != nil && (n < *l.MinValue || n > *l.MaxValue):
		return fmt.Sprintf("is %d; the service takes %d to %d", n, *l.MinValue, *l.MaxValue)
	case l.MinValue != nil && n < *l.MinValue:
		return fmt.Sprintf("is %d; the service takes at least %d", n, *l.MinValue)
	case l.MaxValue != nil && n > *l.MaxValue:
		return fmt.Sprintf("is %d; the service takes at most %d", n, *l.MaxValue)
	}
	return ""
}

// Source says where the limit comes from, for a catalogue or a message.
func (l *Limit) Source() string { return strings.Join(l.Sources, "; ") }
