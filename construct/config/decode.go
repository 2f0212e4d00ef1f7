package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/defineauth/defineauth/internal/strictjson"
)

// MaxConfigSize is the largest config Decode and Load accept: far above any real
// config (a pool with the most groups CloudFormation allows is under 100 KiB), and
// small enough that a hostile or endless input costs little memory.
const MaxConfigSize = 1 << 20

// Decode reads a JSON config strictly, reporting every problem at once: malformed
// JSON with its exact line and column, bytes that are not UTF-8, a byte-order mark or
// UTF-16 (DA100); a member given twice in one object, with both lines (DA103); every
// unknown field (DA101) and every value of the wrong JSON type (DA102), each with its
// path; and an explicit empty value or null that would otherwise silently become the
// default (DA104). It does not validate; call Validate on the result.
func Decode(data []byte) (*Config, error) {
	if len(data) > MaxConfigSize {
		return nil, parseProblem(&strictjson.Error{Kind: strictjson.TooLarge,
			Msg: fmt.Sprintf("the config is %s, larger than the %s defineauth reads", strictjson.Size(int64(len(data))), strictjson.Size(MaxConfigSize))})
	}
	doc, err := strictjson.Parse(data)
	if err != nil {
		return nil, parseProblem(err)
	}
	if _, ok := doc.(map[string]any); !ok {
		return nil, problemf("DA102", "", `write the config as a JSON object: {"name": ...}`, "the config is %s, not a JSON object", describe(doc))
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

// Load reads and decodes the config file at path; "-" reads standard input. See Read.
func Load(path string) (*Config, error) {
	if path == "-" {
		return Read(os.Stdin, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read decodes a config from r, reading at most MaxConfigSize bytes. path is the
// file r reads ("-" for standard input): when the config gives no name, its name is
// derived from the file's name (see NameFromFile) and Warnings says so (DA011).
// Errors reading r are returned as they are; everything else is a *Problem.
func Read(r io.Reader, path string) (*Config, error) {
	data, err := strictjson.ReadAll(r, MaxConfigSize)
	if err != nil {
		return nil, parseProblem(err)
	}
	c, err := Decode(data)
	if err != nil {
		return nil, err
	}
	if c.Name == "" && path != "-" && path != "" { // an explicit "" was refused by Decode (DA104)
		c.SetDefaultName(NameFromFile(path), "the file name "+quote(filepath.Base(path)))
	}
	return c, nil
}

// parseProblem turns a strictjson error into a DA100 or DA103 problem; any other
// error (a failing read) is returned as it is.
func parseProblem(err error) error {
	var e *strictjson.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Kind {
	case strictjson.Duplicate:
		return problemf("DA103", e.Path, fmt.Sprintf("keep one of the two (lines %d and %d) and delete the other", e.FirstLine, e.Line), "%s", e.Error())
	case strictjson.Encoding:
		return problemf("DA100", e.Path, "save the file as UTF-8 (without a byte-order mark)", "%s", e.Error())
	case strictjson.Trailing:
		return problemf("DA100", "", "remove what follows the config's closing brace", "%s", e.Error())
	case strictjson.TooLarge:
		return problemf("DA100", "", "check that this is the right file: a real config is a few KiB", "%s", e.Error())
	}
	return problemf("DA100", e.Path, "fix the JSON syntax", "%s", e.Error())
}

var (
	secretType = reflect.TypeFor[Secret]()
	jsonKinds  = map[reflect.Kind]string{
		reflect.Bool: "a boolean", reflect.String: "a string", reflect.Int: "a whole number",
		reflect.Struct: "an object", reflect.Map: "an object", reflect.Slice: "an array",
	}
)

// walk compares the decoded JSON value v with the Go type t, collecting a problem for
// every unknown field and every value of the wrong JSON type.
func walk(v any, t reflect.Type, path string, problems *[]error) {
	if v == nil {
		*problems = append(*problems, problemf("DA104", path, "remove the field to get its default, or give a value",
			"null is not a value here; it would silently become the default"))
		return
	}
	if _, ok := flagOrObject[t]; ok {
		if _, ok := v.(bool); ok {
			return // "sms": true, "email": false, ...
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if !kindMatches(v, t) {
		if t == secretType {
			// Never echo what stands where a secret goes: it may be the secret.
			*problems = append(*problems, problemf("DA102", path, `name the secret instead: {"secretsManager": "<secret name or ARN>", "jsonKey": "<key>"}`,
				"a secret is named here, never written: expected an object, got %s (value not shown)", kindName(v)))
			return
		}
		want := jsonKinds[t.Kind()]
		if w, ok := flagOrObject[reflect.PointerTo(t)]; ok {
			want = w
		}
		*problems = append(*problems, problemf("DA102", path, "use "+want, "expected %s, got %s", want, describe(v)))
		return
	}
	if t.Kind() == reflect.Struct {
		t = walkShape(t)
	}
	switch t.Kind() {
	case reflect.String:
		if s := v.(string); isToken(s) {
			*problems = append(*problems, problemf("DA105", path, "write the value itself; a JSON config cannot hold CDK tokens",
				"%s looks like an unresolved CDK token", quote(s)))
		}
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
				*problems = append(*problems, problemf("DA101", sub, fix, "unknown field %s", quote(key)))
				continue
			}
			if isExplicitZero(obj[key], f.Type) {
				*problems = append(*problems, explicitZero(sub, obj[key]))
				continue
			}
			walk(obj[key], f.Type, sub, problems)
		}
	case reflect.Map:
		obj := v.(map[string]any)
		for _, key := range slices.Sorted(maps.Keys(obj)) {
			if isToken(key) {
				*problems = append(*problems, problemf("DA105", join(path, key), "write the name itself; a JSON config cannot hold CDK tokens",
					"%s looks like an unresolved CDK token", quote(key)))
			}
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
		return "the string " + quote(x)
	case json.Number:
		return "the number " + x.String()
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	}
	return "null"
}

// kindName names the JSON type of v without its value.
func kindName(v any) string {
	switch v.(type) {
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case []any:
		return "an array"
	}
	return "an object"
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

func join(path, key string) string { return strictjson.Join(path, excerpt(key)) }

// isExplicitZero reports whether the JSON value v is "" or 0 for a field of type t
// whose zero value means "not set" (a string or int that is not a pointer).
func isExplicitZero(v any, t reflect.Type) bool {
	switch x := v.(type) {
	case string:
		return x == "" && t.Kind() == reflect.String
	case json.Number:
		n, err := x.Int64()
		return err == nil && n == 0 && t.Kind() == reflect.Int
	}
	return false
}

// explicitZero reports an explicit "" or 0 for a field whose Go zero value means "not
// set": decoding it would quietly give the default instead of what the file says.
func explicitZero(path string, v any) *Problem {
	what := `""`
	if _, ok := v.(json.Number); ok {
		what = "0"
	}
	return problemf("DA104", path, "remove the field to get its default, or give a real value",
		"%s would be read as \"not set\" and silently replaced by the default", what)
}

// excerpt shortens user input quoted in a message (see strictjson.Excerpt).
func excerpt(s string) string { return strictjson.Excerpt(s) }

// quote is excerpt in double quotes, escaped as %q escapes.
func quote(s string) string { return strconv.Quote(excerpt(s)) }

// suggest returns the candidate closest to name when it is close enough to be the
// intended spelling (same letters ignoring case, or at most two edits away).
func suggest(name string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if strings.EqualFold(c, name) {
			return c
		}
		if diff := len(name) - len(c); diff >= bestDist || -diff >= bestDist {
			continue // the distance is at least the difference in length
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
