package cfn

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"

	_ "github.com/defineauth/defineauth/internal/golden" // every test binary takes -update
)

// TestYAMLAliasBounds: aliases cannot crash the reader or make it allocate without
// bound; each hostile document has a legitimate neighbour that still reads.
func TestYAMLAliasBounds(t *testing.T) {
	value400K := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("x", 300_000)))
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("Blob: &b !!binary " + value400K + "\nResources:\n  P:\n    Type: AWS::SNS::Topic\n    Properties:\n      L:\n")
		for range n {
			b.WriteString("        - *b\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, doc, want string // want "" means the document reads
	}{
		{"self-containing alias", "loop: &loop [*loop]\nResources: {}\n", "refers to a value that contains it"},
		{"self-containing mapping", "loop: &loop {a: *loop}\nResources: {}\n", "refers to a value that contains it"},
		{"cycle through a tag", "loop: &loop !Join [*loop]\nResources: {}\n", "refers to a value that contains it"},
		{"cycle two deep", "a: &a [[x, *a]]\nResources: {}\n", "refers to a value that contains it"},
		{"an alias used twice, no cycle", "a: &a [x]\nb: [*a, *a]\nResources: {}\n", ""},
		{"nested anchors, no cycle", "a: &a [&b [x], *b]\nc: *a\nResources: {}\n", ""},
		{"3,000 aliases of a 400 KB value", many(3000), "expand to more than 16 MiB"},
		{"20 aliases of a 400 KB value", many(20), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Parse([]byte(tc.doc))
			runtime.ReadMemStats(&after)
			if tc.want == "" && err != nil {
				t.Fatalf("a legitimate document is refused: %v", err)
			}
			if tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 256<<20 {
				t.Errorf("reading allocated %d MiB", grew>>20)
			}
		})
	}
}

// TestParseSections covers what Parse refuses and keeps, on its own (lint and the
// upgrade check test it through their commands too).
func TestParseSections(t *testing.T) {
	tmpl, err := Parse([]byte(`{"Parameters": {"P": {"Type": "String", "Default": "x"}},
	 "Resources": {"A": {"Type": "AWS::Cognito::UserPool", "DeletionPolicy": "Retain", "Properties": {"N": 1}}, "B": {"Type": "AWS::SNS::Topic"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintln(tmpl.OfType("AWS::Cognito::UserPool"), tmpl.Resources["A"].DeletionPolicy, tmpl.Parameters["P"].Default); got != "[A] Retain x\n" {
		t.Errorf("got %s", got)
	}
	if s, ok := tmpl.Str(map[string]any{"Ref": "P"}); !ok || s != "x" {
		t.Errorf("Ref to a parameter with a default: %q %v", s, ok)
	}
	for v, want := range map[any]int{json.Number("5"): 5, "24": 24, 3.0: 3} {
		if n, ok := tmpl.Int(v); !ok || n != want {
			t.Errorf("Int(%v) = %d %v, want %d", v, n, ok, want)
		}
	}
	for _, v := range []any{"x", 2.5, map[string]any{"Ref": "Missing"}} {
		if _, ok := tmpl.Int(v); ok {
			t.Errorf("Int(%v) is known", v)
		}
	}
	for _, doc := range []string{
		`{"Resources": {"a-b": {"Type": "X"}}}`,
		`{"Resources": {"` + strings.Repeat("A", 256) + `": {"Type": "X"}}}`,
		`{"Resources": {"A": {"type": "X"}}}`,
		`{"resources": {}}`,
		`[]`,
	} {
		if _, err := Parse([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", doc)
		}
	}
}
