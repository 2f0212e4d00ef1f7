// Package lint checks CloudFormation templates (JSON or YAML) for Cognito user pools
// that CloudFormation would fail to deploy or that fail at sign-in (the catalogue's
// R rules whose checkers include lint: `defineauth rules`), for values Cognito does
// not accept where the resource schema has no enum (DA200), and for every value the
// service's models limit (R38). It reads
// only the template, so it works on templates from CDK in any language, Amplify, or
// hand-written ones. It is a second implementation of the rules, independent of
// package config: tests make the two agree.
package lint

import (
	"fmt"

	"github.com/defineauth/defineauth/internal/cfn"
)

// Severity says whether a finding fails the lint.
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one problem with one resource.
type Finding struct {
	Rule     string   // a catalogue id: an R rule, or DA200 for a value Cognito does not accept
	Severity Severity // Error or Warning
	Resource string   // logical id of the user pool
	Message  string   // what is wrong
	Fix      string   // how to fix it
}

// String formats the finding on one line.
func (f Finding) String() string {
	sev := ""
	if f.Severity == Warning {
		sev = " warning"
	}
	return fmt.Sprintf("%s%s %s: %s Fix: %s", f.Rule, sev, f.Resource, f.Message, f.Fix)
}

// Report is the result of checking one template.
type Report struct {
	UserPools int       // how many AWS::Cognito::UserPool resources the template has
	Findings  []Finding // sorted by resource, then rule order
}

// Template parses a CloudFormation template (JSON or YAML) and checks every
// AWS::Cognito::UserPool in it, and every value of the template that Cognito's
// limits name (R38). Findings come pool by pool in rule order, then R38's by resource.
func Template(data []byte) ([]Finding, error) {
	r, err := Check(data)
	return r.Findings, err
}

// Check is Template, also counting the user pools it checked.
func Check(data []byte) (Report, error) {
	t, err := cfn.Parse(data)
	if err != nil {
		return Report{}, err
	}
	ids := t.OfType("AWS::Cognito::UserPool")
	r := Report{UserPools: len(ids)}
	for _, id := range ids {
		p := &pool{id: id, props: t.Resources[id].Properties, tmpl: t}
		r.Findings = append(r.Findings, p.check()...)
	}
	r.Findings = append(r.Findings, checkLimits(t)...)
	return r, nil
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}
