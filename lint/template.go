// Package lint checks CloudFormation templates (JSON or YAML) for Cognito user pools
// that CloudFormation would fail to deploy (rules R1-R11, R13 and R15), and
// for values Cognito does not accept where the resource schema has no enum. It reads
// only the template, so it works on templates from CDK in any language, Amplify, or
// hand-written ones. It is a second implementation of the rules, independent of
// package config: tests make the two agree.
package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/strictjson"
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

// validLogicalID reports whether id is what CloudFormation accepts as a logical id:
// 1 to 255 ASCII letters and digits. (A regular expression with {1,255} would be
// compiled into 255 copies at every start of the command.)
func validLogicalID(id string) bool {
	if id == "" || len(id) > 255 {
		return false
	}
	for _, c := range []byte(id) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// template is the part of a CloudFormation template lint reads.
type template struct {
	Parameters map[string]parameter
	Resources  map[string]resource
}

type parameter struct {
	Default any
}

type resource struct {
	Type       string
	Properties map[string]any
}

// The section names CloudFormation knows, at the top of a template and in a resource.
var (
	sections           = []string{"AWSTemplateFormatVersion", "Conditions", "Description", "Mappings", "Metadata", "Outputs", "Parameters", "Resources", "Rules", "Transform"}
	resourceAttributes = []string{"Condition", "CreationPolicy", "DeletionPolicy", "DependsOn", "Metadata", "Properties", "Type", "UpdatePolicy", "UpdateReplacePolicy", "Version"}
)

// miscased returns the known name that key misspells only in case, or "".
func miscased(key string, known []string) string {
	for _, k := range known {
		if k != key && strings.EqualFold(k, key) {
			return k
		}
	}
	return ""
}

// readTemplate parses a JSON or YAML template and picks out what lint reads, refusing
// what CloudFormation refuses: a section or resource attribute spelled in the wrong
// case (CloudFormation would not see it), a resource without a Type.
func readTemplate(data []byte) (*template, error) {
	doc, err := parseDocument(data)
	if err != nil {
		return nil, err
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not a CloudFormation template: the document is not an object")
	}
	for key := range top {
		if want := miscased(key, sections); want != "" {
			return nil, fmt.Errorf("not a valid CloudFormation template: section %q must be spelled %q", strictjson.Excerpt(key), want)
		}
	}
	res, ok := top["Resources"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not a CloudFormation template: no Resources section")
	}
	t := &template{Parameters: map[string]parameter{}, Resources: map[string]resource{}}
	for name, p := range object(top["Parameters"]) {
		t.Parameters[name] = parameter{Default: object(p)["Default"]}
	}
	for id, r := range res {
		if !validLogicalID(id) {
			return nil, fmt.Errorf("not a valid CloudFormation template: logical id %q is not alphanumeric", strictjson.Excerpt(id))
		}
		attrs, ok := r.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("not a valid CloudFormation template: resource %s is not an object", id)
		}
		for key := range attrs {
			if want := miscased(key, resourceAttributes); want != "" {
				return nil, fmt.Errorf("not a valid CloudFormation template: resource %s: %q must be spelled %q", id, strictjson.Excerpt(key), want)
			}
		}
		typ, ok := attrs["Type"].(string)
		if !ok {
			return nil, fmt.Errorf("not a valid CloudFormation template: resource %s has no Type", id)
		}
		t.Resources[id] = resource{Type: typ, Properties: object(attrs["Properties"])}
	}
	return t, nil
}

// Report is the result of checking one template.
type Report struct {
	UserPools int       // how many AWS::Cognito::UserPool resources the template has
	Findings  []Finding // sorted by resource, then rule order
}

// Template parses a CloudFormation template (JSON or YAML) and checks every
// AWS::Cognito::UserPool in it. Findings are sorted by resource, then rule order.
func Template(data []byte) ([]Finding, error) {
	r, err := Check(data)
	return r.Findings, err
}

// Check is Template, also counting the user pools it checked.
func Check(data []byte) (Report, error) {
	t, err := readTemplate(data)
	if err != nil {
		return Report{}, err
	}
	var ids []string
	for id, r := range t.Resources {
		if r.Type == "AWS::Cognito::UserPool" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	r := Report{UserPools: len(ids)}
	for _, id := range ids {
		p := &pool{id: id, props: t.Resources[id].Properties, tmpl: t}
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
