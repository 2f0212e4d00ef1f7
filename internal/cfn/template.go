// Package cfn reads CloudFormation templates (JSON or YAML, short-form tags
// included) into the plain model that defineauth's template checks share (lint and
// the upgrade check), and resolves the values that can be known statically: literals
// and Ref to a parameter with a default. Anything else (Fn::If, a Ref to a resource,
// Fn::Sub, ...) is unknown, and a check that needs it does not guess.
package cfn

import (
	"fmt"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/strictjson"
)

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

// Template is the part of a CloudFormation template defineauth reads.
type Template struct {
	Parameters map[string]Parameter
	Resources  map[string]Resource
}

// OfType returns the logical ids of the resources of type typ, sorted.
func (t *Template) OfType(typ string) []string {
	var ids []string
	for id, r := range t.Resources {
		if r.Type == typ {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// Parameter is a template parameter; only its default can be known statically.
type Parameter struct {
	Default any
}

// Resource is one resource: its type, properties and the policies that say what
// happens to it when it leaves the stack or is replaced ("" when not given).
type Resource struct {
	Type                string
	Properties          map[string]any
	DeletionPolicy      string
	UpdateReplacePolicy string
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

// Parse reads a JSON or YAML template and picks out what defineauth reads, refusing
// what CloudFormation refuses: a section or resource attribute spelled in the wrong
// case (CloudFormation would not see it), a resource without a Type, a logical id
// that is not alphanumeric.
func Parse(data []byte) (*Template, error) {
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
	t := &Template{Parameters: map[string]Parameter{}, Resources: map[string]Resource{}}
	for name, p := range Object(top["Parameters"]) {
		t.Parameters[name] = Parameter{Default: Object(p)["Default"]}
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
		deletion, _ := attrs["DeletionPolicy"].(string)
		replace, _ := attrs["UpdateReplacePolicy"].(string)
		t.Resources[id] = Resource{Type: typ, Properties: Object(attrs["Properties"]), DeletionPolicy: deletion, UpdateReplacePolicy: replace}
	}
	return t, nil
}
