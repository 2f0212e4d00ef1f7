package cfn

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/defineauth/defineauth/internal/strictjson"
)

// MaxTemplateSize is the largest template Parse reads: four times what CloudFormation
// accepts (1 MiB from S3), so indented or YAML templates fit, and a hostile input
// costs little memory.
const MaxTemplateSize = 4 << 20

// parseDocument reads a CloudFormation template in JSON or YAML (with the short-form
// tags !Ref, !GetAtt, !Sub, !If, ...) into plain Go values, with intrinsic functions
// in their long form ({"Ref": ...}, {"Fn::GetAtt": [...]}). JSON is read strictly
// (duplicate keys, bad bytes and content after the value are errors, as in
// CloudFormation); YAML duplicate keys are errors too.
func parseDocument(data []byte) (any, error) {
	if len(data) > MaxTemplateSize {
		return nil, fmt.Errorf("the template is %s, larger than the %s defineauth reads (CloudFormation accepts 1 MiB)",
			strictjson.Size(int64(len(data))), strictjson.Size(MaxTemplateSize))
	}
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) == 0 || trimmed[0] == '{' || bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		v, err := strictjson.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("not a valid JSON template: %w", err)
		}
		return v, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a valid YAML template: %v", err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("not a valid YAML template: a template is one YAML document, and more follows the first")
	}
	c := converter{nodes: maxNodes, bytes: maxExpandedBytes, expanding: map[*yaml.Node]bool{}}
	return c.value(&doc)
}

// shortForms maps YAML short-form tags to the intrinsic function they stand for.
var shortForms = map[string]string{
	"!Ref": "Ref", "!Condition": "Condition",
	"!Base64": "Fn::Base64", "!Cidr": "Fn::Cidr", "!FindInMap": "Fn::FindInMap", "!GetAtt": "Fn::GetAtt",
	"!GetAZs": "Fn::GetAZs", "!ImportValue": "Fn::ImportValue", "!Join": "Fn::Join", "!Select": "Fn::Select",
	"!Split": "Fn::Split", "!Sub": "Fn::Sub", "!Transform": "Fn::Transform", "!And": "Fn::And",
	"!Equals": "Fn::Equals", "!If": "Fn::If", "!Not": "Fn::Not", "!Or": "Fn::Or",
	"!Length": "Fn::Length", "!ToJsonString": "Fn::ToJsonString", "!ForEach": "Fn::ForEach",
}

// The bounds of a YAML template once its aliases are expanded: the nodes visited and
// the bytes of the scalar values produced. A small file whose aliases repeat one large
// value (a 400 KB !!binary, say) would otherwise become gigabytes; the byte bound is
// four times the largest template read, so no real template comes near it.
const (
	maxNodes         = 1_000_000
	maxExpandedBytes = 4 * MaxTemplateSize
)

// converter turns YAML nodes into plain values within the bounds above. expanding
// holds the anchors whose expansion is under way: an alias to one of them is a cycle
// (loop: &loop [*loop]), refused before the recursion could exhaust the stack.
type converter struct {
	nodes, bytes int
	expanding    map[*yaml.Node]bool
}

func (c *converter) value(n *yaml.Node) (any, error) {
	if c.nodes--; c.nodes < 0 {
		return nil, fmt.Errorf("not a valid YAML template: too many nodes once aliases are expanded (more than %d)", maxNodes)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.value(n.Content[0])
	case yaml.AliasNode:
		if n.Alias == nil || c.expanding[n.Alias] {
			return nil, fmt.Errorf("line %d: not a valid YAML template: the alias *%s refers to a value that contains it", n.Line, strictjson.Excerpt(n.Value))
		}
		c.expanding[n.Alias] = true
		v, err := c.value(n.Alias)
		delete(c.expanding, n.Alias)
		return v, err
	case yaml.ScalarNode:
		if c.bytes -= len(n.Value); c.bytes < 0 {
			return nil, fmt.Errorf("not a valid YAML template: its aliases expand to more than %s of values", strictjson.Size(maxExpandedBytes))
		}
	}
	if fn, ok := shortForms[n.Tag]; ok {
		return c.intrinsic(fn, n)
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return nil, fmt.Errorf("line %d: unknown tag %s", n.Line, n.Tag)
	}
	switch n.Kind {
	case yaml.MappingNode:
		obj := map[string]any{}
		lines := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a mapping key must be a plain value", k.Line)
			}
			if first, dup := lines[k.Value]; dup {
				return nil, fmt.Errorf("line %d: %q is given twice in the same mapping (first on line %d)", k.Line, strictjson.Excerpt(k.Value), first)
			}
			lines[k.Value] = k.Line
			val, err := c.value(v)
			if err != nil {
				return nil, err
			}
			obj[k.Value] = val
		}
		return obj, nil
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			v, err := c.value(e)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		return arr, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, fmt.Errorf("line %d: %v", n.Line, err)
	}
	return v, nil
}

// intrinsic converts a short-form tag; !GetAtt's scalar form "Res.Attr" becomes the
// list form [Res, Attr].
func (c *converter) intrinsic(fn string, n *yaml.Node) (any, error) {
	if n.Kind == yaml.ScalarNode {
		if fn == "Fn::GetAtt" {
			res, attr, ok := strings.Cut(n.Value, ".")
			if !ok {
				return nil, fmt.Errorf("line %d: !GetAtt %s needs the form Resource.Attribute", n.Line, strictjson.Excerpt(n.Value))
			}
			return map[string]any{fn: []any{res, attr}}, nil
		}
		return map[string]any{fn: n.Value}, nil
	}
	plain := *n
	plain.Tag = ""
	if n.Kind == yaml.MappingNode {
		plain.Tag = "!!map"
	} else if n.Kind == yaml.SequenceNode {
		plain.Tag = "!!seq"
	}
	v, err := c.value(&plain)
	if err != nil {
		return nil, err
	}
	return map[string]any{fn: v}, nil
}
