// Package rules is the catalogue of every rule defineauth checks, in one place: the
// configurations Cognito refuses at deploy time (R), the changes to a deployed pool
// that fail or lose users (U), and defineauth's own checks (DA), each with its
// severity, what happens without the check, and which checker reports it: config
// validation (defineauth validate, the construct, the CDK app), lint (any template)
// or the upgrade check (a change against the deployed template). `defineauth rules`
// prints it, and the README's rule table is generated from it (a test keeps them equal).
package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/lint"
	"github.com/defineauth/defineauth/upgrade"
)

// The checkers.
const (
	Config  = "config"  // config validation: defineauth validate, construct.NewAuth, the CDK app
	Lint    = "lint"    // defineauth lint, on any CloudFormation template
	Upgrade = "upgrade" // defineauth upgrade-check, the CDK app's -c baseline
)

// Rule is one catalogue entry.
type Rule struct {
	ID          string
	Title       string
	Severity    string // "error", "warning" or "error / warning"
	Consequence string // what Cognito or CloudFormation does without the check
	Checkers    []string
}

// All returns the catalogue: the R rules in number order, then the U rules, then the
// DA rules in number order.
func All() []Rule {
	var out []Rule
	add := func(r Rule) { // a rule several checkers report is one entry, its words from the table that has them
		if i := slices.IndexFunc(out, func(o Rule) bool { return o.ID == r.ID }); i >= 0 {
			out[i].Checkers = append(out[i].Checkers, r.Checkers...)
			if out[i].Title == "" {
				out[i].Title, out[i].Consequence, out[i].Severity = r.Title, r.Consequence, r.Severity
			}
			return
		}
		out = append(out, r)
	}
	for _, r := range config.Rules() {
		add(Rule{ID: r.ID, Title: r.Summary, Severity: r.Severity, Consequence: r.Consequence, Checkers: []string{Config}})
	}
	for _, r := range lint.Rules() {
		add(Rule{ID: r.ID, Title: r.Title, Severity: r.Severity, Consequence: r.Consequence, Checkers: []string{Lint}})
	}
	for _, r := range upgrade.Rules() {
		add(Rule{ID: r.ID, Title: r.Title, Severity: string(r.Severity), Consequence: r.Consequence, Checkers: []string{Upgrade}})
	}
	slices.SortStableFunc(out, func(a, b Rule) int {
		if d := kind(a.ID) - kind(b.ID); d != 0 {
			return d
		}
		return number(a.ID) - number(b.ID)
	})
	return out
}

func kind(id string) int { return strings.Index("RUD", id[:1]) }

func number(id string) int {
	n, _ := strconv.Atoi(strings.TrimLeft(id, "RUDA"))
	return n
}

// Table renders the catalogue as the README's Markdown table.
func Table() string {
	var b strings.Builder
	b.WriteString("| id | severity | checked by | what it catches | without the check |\n|---|---|---|---|---|\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.ID, r.Severity, strings.Join(r.Checkers, ", "), escape(r.Title), escape(r.Consequence))
	}
	return b.String()
}

// escape keeps a cell in its column.
func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
