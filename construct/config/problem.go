package config

import (
	"errors"
	"fmt"
)

// Severity says whether a Problem stops synthesis.
type Severity string

// The severities.
const (
	// Error: Cognito would reject the configuration, or it would lose users.
	Error Severity = "error"
	// Warning: legal, but probably not what the user meant.
	Warning Severity = "warning"
)

// Problem is one finding about a config: a stable rule id, the offending field as a
// JSON path, what is wrong and how to fix it.
type Problem struct {
	Rule     string   // stable catalogue id: R.. from Cognito's rules, DA.. for defineauth's own
	Severity Severity // Error or Warning
	Path     string   // JSON path of the field, e.g. "multifactor.sms"
	Message  string   // what is wrong
	Fix      string   // how to fix it
}

// Error formats the problem on one line: "R6 accountRecovery: ... (fix: ...)".
func (p *Problem) Error() string {
	s := p.Rule
	if p.Severity == Warning {
		s += " warning"
	}
	if p.Path != "" {
		s += " " + p.Path
	}
	s += ": " + p.Message
	if p.Fix != "" {
		s += " Fix: " + p.Fix
	}
	return s
}

// Problems returns every *Problem joined into err (by errors.Join or wrapping).
func Problems(err error) []*Problem {
	var out []*Problem
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if p, ok := e.(*Problem); ok {
			out = append(out, p)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		walk(errors.Unwrap(e))
	}
	walk(err)
	return out
}

// problemf builds an error-severity problem.
func problemf(rule, path, fix, format string, args ...any) *Problem {
	return &Problem{Rule: rule, Severity: Error, Path: path, Message: fmt.Sprintf(format, args...), Fix: fix}
}

// warnf builds a warning.
func warnf(rule, path, fix, format string, args ...any) *Problem {
	p := problemf(rule, path, fix, format, args...)
	p.Severity = Warning
	return p
}
