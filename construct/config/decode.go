package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
)

// Decode reads a JSON config strictly: every unknown field and every value of the
// wrong JSON type is reported with its path (rules DA101, DA102), all at once, and a
// malformed document as DA100 with its line and column. It does not validate; call
// Validate on the result. No field falls back silently to a default.
func Decode(data []byte) (*Config, error) {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, syntaxProblem(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, problemf("DA100", "", "remove what follows the closing brace", "the file holds more than one JSON value")
	}
	if _, ok := doc.(map[string]any); !ok {
		return nil, problemf("DA102", "", `write the config as a JSON object: {"name": ...}`, "the config is not a JSON object")
	}
	var problems []error
	walk(doc, reflect.TypeFor[Config](), "", &problems)
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, problemf("DA102", "", "correct the value's type", "%v", err)
	}
	return &c, nil
}

// Load reads and decodes the config file at path; "-" reads standard input.
func Load(path string) (*Config, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// syntaxProblem turns a JSON syntax error into a DA100 problem with line and column.
func syntaxProblem(data []byte, err error) *Problem {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return problemf("DA100", "", "fix the JSON syntax", "line %d, column %d: %s", line, col, se.Error())
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return problemf("DA100", "", "write the whole JSON object", "the file ends before the JSON value does")
	}
	return problemf("DA100", "", "fix the JSON syntax", "%v", err)
}

// position converts a byte offset into a 1-based line and column.
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

var (
	smsMFAPtr = reflect.TypeFor[*SMSMFA]()
	jsonKinds = map[reflect.Kind]string{
		reflect.Bool: "a boolean", reflect.String: "a string", reflect.Int: "a whole number",
		reflect.Struct: "an object", reflect.Map: "an object", reflect.Slice: "an array",
	}
)

// walk compares the decoded JSON value v with the Go type t, collecting a problem for
// every unknown field and every value of the wrong JSON type.
func walk(v any, t reflect.Type, path string, problems *[]error) {
	if v == nil {
		return // null leaves the zero value, as encoding/json does
	}
	if t == smsMFAPtr {
		if _, ok := v.(bool); ok {
			return // "sms": true
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if !kindMatches(v, t) {
		want := jsonKinds[t.Kind()]
		if t == smsMFAPtr.Elem() {
			want = `true, false or {"smsMessage": "..."}`
		}
		*problems = append(*problems, problemf("DA102", path, "use "+want, "expected %s, got %s", want, describe(v)))
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		fields := jsonFields(t)
		obj := v.(map[string]any)
		for _, key := range slices.Sorted(maps.Keys(obj)) {
			sub := join(path, key)
			f, ok := fields[key]
			if !ok {
				names := slices.Sorted(maps.Keys(fields))
				fix := "remove it; known fields here: " + strings.Join(names, ", ")
				if s := suggest(key, names); s != "" {
					fix = fmt.Sprintf("did you mean %q?", s)
				}
				*problems = append(*problems, problemf("DA101", sub, fix, "unknown field %q", key))
				continue
			}
			walk(obj[key], f.Type, sub, problems)
		}
	case reflect.Map:
		obj := v.(map[string]any)
		for _, key := range slices.Sorted(maps.Keys(obj)) {
			walk(obj[key], t.Elem(), join(path, key), problems)
		}
	case reflect.Slice:
		for i, e := range v.([]any) {
			walk(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i), problems)
		}
	}
}

// kindMatches reports whether the JSON value v can decode into a value of type t.
func kindMatches(v any, t reflect.Type) bool {
	switch x := v.(type) {
	case bool:
		return t.Kind() == reflect.Bool
	case string:
		return t.Kind() == reflect.String
	case json.Number:
		_, err := x.Int64()
		return t.Kind() == reflect.Int && err == nil
	case map[string]any:
		return t.Kind() == reflect.Struct || t.Kind() == reflect.Map
	case []any:
		return t.Kind() == reflect.Slice
	}
	return false
}

// describe names the JSON type of v for an error message.
func describe(v any) string {
	switch x := v.(type) {
	case bool:
		return fmt.Sprintf("the boolean %v", x)
	case string:
		return fmt.Sprintf("the string %q", x)
	case json.Number:
		return "the number " + x.String()
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	}
	return "null"
}

// jsonFields maps each JSON field name of struct type t to its field.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out[name] = f
		}
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// suggest returns the candidate closest to name when it is close enough to be the
// intended spelling (same letters ignoring case, or at most two edits away).
func suggest(name string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if strings.EqualFold(c, name) {
			return c
		}
		if d := editDistance(strings.ToLower(name), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
