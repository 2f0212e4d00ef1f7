package strictjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	_ "github.com/defineauth/defineauth/internal/golden" // accepts -update (go test ./... -update)
)

func TestParseAccepts(t *testing.T) {
	got, err := Parse([]byte(`{"a": [1, "x", true, false, null, {"b": -2.5e3}], "c": {}, "é": "\u00e9"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": []any{json.Number("1"), "x", true, false, nil, map[string]any{"b": json.Number("-2.5e3")}}, "c": map[string]any{}, "é": "é"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("-want +got:\n%s", d)
	}
}

// Each refused document with the exact position a reader would look at. The
// neighbour column says what the same document looks like when it is right.
func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		kind      Kind
		path      string
		line, col int
		firstLine int
		msg       string
	}{
		{"duplicate top-level", "{\n  \"mode\": \"REQUIRED\",\n  \"mode\": \"OPTIONAL\"\n}", Duplicate, "mode", 3, 3, 2, `"mode" is given twice`},
		{"duplicate nested", "{\"multifactor\": {\"mode\": \"REQUIRED\",\n \"totp\": true,\n \"mode\": \"OFF\"}}", Duplicate, "multifactor.mode", 3, 2, 1, "first on line 1"},
		{"duplicate in array element", `{"a": [{"x": 1, "x": 2}]}`, Duplicate, "a[0].x", 1, 17, 1, "given twice"},
		{"duplicate after escape", `{"a": 1, "\u0061": 2}`, Duplicate, "a", 1, 10, 1, "given twice"},
		{"invalid UTF-8 in a value", "{\"sms\": \"code \xff{####}\"}", Encoding, "sms", 1, 15, 0, "byte 0xFF at offset 14 is not UTF-8"},
		{"invalid UTF-8 in a name", "{\n\"na\xc3me\": 1}", Encoding, "", 2, 4, 0, "byte 0xC3 at offset 5"},
		{"lone surrogate escape", `{"a": "\ud800"}`, Syntax, "a", 1, 8, 0, "surrogate"},
		{"UTF-8 byte-order mark", "\xef\xbb\xbf{}", Encoding, "", 1, 1, 0, "byte-order mark"},
		{"UTF-16 LE with BOM", "\xff\xfe{\x00}\x00", Encoding, "", 1, 1, 0, "UTF-16"},
		{"UTF-16 BE without BOM", "\x00{\x00}", Encoding, "", 1, 1, 0, "UTF-16"},
		{"syntax: bad literal", "{\n  \"a\": tru\n}", Syntax, "a", 2, 11, 0, "in literal true"},
		{"syntax: trailing comma", "{\"a\": 1,}", Syntax, "", 1, 8, 0, "invalid character ','"},
		{"syntax: missing colon", `{"a" 1}`, Syntax, "a", 1, 6, 0, "expecting ':'"},
		{"syntax: raw newline in string", "{\"a\": \"x\ny\"}", Syntax, "a", 1, 9, 0, "in string"},
		{"second value", `{"a": 1} {"b": 2}`, Trailing, "", 1, 10, 0, "exactly one value"},
		{"trailing garbage", "{\"a\": 1}\n\n x", Trailing, "", 3, 2, 0, "exactly one value"},
		{"truncated", `{"a": [1, 2`, Syntax, "a[2]", 1, 12, 0, "ends before"},
		{"empty", ``, Syntax, "", 1, 1, 0, "ends before"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.doc))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("want *Error, got %v", err)
			}
			if e.Kind != tc.kind || e.Path != tc.path || e.Line != tc.line || e.Column != tc.col || e.FirstLine != tc.firstLine || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("got kind %d path %q at %d:%d (first %d) %q; want kind %d path %q at %d:%d (first %d) containing %q",
					e.Kind, e.Path, e.Line, e.Column, e.FirstLine, e.Msg, tc.kind, tc.path, tc.line, tc.col, tc.firstLine, tc.msg)
			}
		})
	}
}

func TestParseNeighbours(t *testing.T) {
	for _, doc := range []string{
		`{"mode": "REQUIRED", "multifactor": {"mode": "OFF"}}`, // same name in different objects
		`{"a": [{"x": 1}, {"x": 2}]}`,                          // same name in sibling objects
		"{\"sms\": \"code é {####}\"}",                         // multi-byte UTF-8
		"{\"a\": 1}\n\n",                                       // trailing white space
	} {
		if _, err := Parse([]byte(doc)); err != nil {
			t.Errorf("%q: %v", doc, err)
		}
	}
}

func TestReadAllBound(t *testing.T) {
	data, err := ReadAll(strings.NewReader("12345"), 5)
	if err != nil || string(data) != "12345" {
		t.Fatalf("at the bound: %q, %v", data, err)
	}
	var e *Error
	if _, err := ReadAll(strings.NewReader("123456"), 5); !errors.As(err, &e) || e.Kind != TooLarge || !strings.Contains(e.Msg, "5 bytes") {
		t.Fatalf("past the bound: %v", err)
	}
	// An endless stream costs limit+1 bytes, then stops.
	if _, err := ReadAll(endless{}, 1<<20); !errors.As(err, &e) || !strings.Contains(e.Msg, "1 MiB") {
		t.Fatalf("endless: %v", err)
	}
	if _, err := ReadAll(iotest.ErrReader(errors.New("boom")), 5); err == nil || err.Error() != "boom" {
		t.Fatalf("read error: %v", err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '{'
	}
	return len(p), nil
}

func TestExcerpt(t *testing.T) {
	if got := Excerpt("short"); got != "short" {
		t.Errorf("short: %q", got)
	}
	long := strings.Repeat("é", 1000)
	got := Excerpt(long)
	if !strings.HasPrefix(got, strings.Repeat("é", 64)+"...") || !strings.HasSuffix(got, "(1000 characters)") {
		t.Errorf("long: %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a": 1}`, `{"a": 1, "a": 2}`, "{\"a\": \"\xff\"}", `[1, [2, {"b": null}]]`, "\xef\xbb\xbf{}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 || e.Column < 1 || e.Msg == "" {
				t.Fatalf("error without a position: %#v", err)
			}
			return
		}
		// What Parse accepts, encoding/json reads to the same value.
		var std any
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.UseNumber()
		if err := dec.Decode(&std); err != nil {
			t.Fatalf("Parse accepted what encoding/json refuses: %v", err)
		}
		if d := cmp.Diff(std, v); d != "" {
			t.Fatalf("Parse and encoding/json disagree:\n%s", d)
		}
	})
}
