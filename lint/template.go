// Package lint checks CloudFormation templates for Cognito user pools that
// CloudFormation would fail to deploy (rules R1-R11, R13 of docs/cognito-rules.md), and
// for values Cognito does not accept where the resource schema has no enum. It reads
// only the template, so it works on templates from CDK in any language, Amplify, or
// hand-written ones. It is a second implementation of the rules, independent of
// package config: tests make the two agree.
package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
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
	Rule     string   // R1..R14, or DA200 for a value Cognito does not accept
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

// logicalID is what CloudFormation accepts as a logical id.
var logicalID = regexp.MustCompile(`^[A-Za-z0-9]{1,255}$`)

// template is the part of a CloudFormation template lint reads.
type template struct {
	Parameters map[string]struct {
		Default any `json:"Default"`
	} `json:"Parameters"`
	Resources map[string]resource `json:"Resources"`
}

type resource struct {
	Type       string         `json:"Type"`
	Properties map[string]any `json:"Properties"`
}

// Report is the result of checking one template.
type Report struct {
	UserPools int       // how many AWS::Cognito::UserPool resources the template has
	Findings  []Finding // sorted by resource, then rule order
}

// Template parses a CloudFormation JSON template and checks every
// AWS::Cognito::UserPool in it. Findings are sorted by resource, then rule order.
func Template(data []byte) ([]Finding, error) {
	r, err := Check(data)
	return r.Findings, err
}

// Check is Template, also counting the user pools it checked.
func Check(data []byte) (Report, error) {
	var t template
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&t); err != nil {
		return Report{}, fmt.Errorf("not a CloudFormation JSON template: %v", err)
	}
	if t.Resources == nil {
		return Report{}, fmt.Errorf("not a CloudFormation template: no Resources section")
	}
	ids := make([]string, 0, len(t.Resources))
	for id, r := range t.Resources {
		if !logicalID.MatchString(id) {
			return Report{}, fmt.Errorf("not a valid CloudFormation template: logical id %q is not alphanumeric", id)
		}
		if r.Type == "AWS::Cognito::UserPool" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	r := Report{UserPools: len(ids)}
	for _, id := range ids {
		p := &pool{id: id, props: t.Resources[id].Properties, tmpl: &t}
		r.Findings = append(r.Findings, p.check()...)
	}
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
