package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Several settings are written in JSON either as a boolean or as an object of their
// options, which also turns them on, as Amplify writes them: "sms" and "email" under
// multifactor; "email", "phone" and "webAuthn" under loginWith. Each is declared once,
// in its Go struct, by a flag tag:
//
//   - flag:"Options" on a bool names the field that holds its options
//     (Email bool `json:"email" flag:"EmailOptions"` with EmailOptions *EmailLogin);
//   - flag:"" on a pointer to the options makes the pointer the switch (nil is off).
//
// The JSON codec below and Decode's strict walk both read these tags.

// flagOrObject lists the option types a JSON boolean may stand for, with the form
// Decode's messages name.
var flagOrObject = map[reflect.Type]string{
	reflect.TypeFor[*SMSMFA]():     `true, false or {"smsMessage": "..."}`,
	reflect.TypeFor[*EmailMFA]():   `true, false or {"emailMessage": "...", "emailSubject": "..."}`,
	reflect.TypeFor[*EmailLogin](): `true, false or an object of email options`,
	reflect.TypeFor[*PhoneLogin](): `true, false or an object of phone options`,
	reflect.TypeFor[*WebAuthn]():   `true or {"relyingPartyId": "...", "userVerification": "..."}`,
}

// jsonField is one member of a struct's JSON form.
type jsonField struct {
	key       string
	omitEmpty bool
	index     int // the Go field
	options   int // with a bool flag: the field of its options; else -1
	flag      bool
}

// jsonForm lists the JSON members of a struct with flag tags, in field order.
func jsonForm(t reflect.Type) []jsonField {
	forms.Lock()
	defer forms.Unlock()
	if f, ok := forms.m[t]; ok {
		return f
	}
	var out []jsonField
	for i := range t.NumField() {
		sf := t.Field(i)
		key, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if key == "-" || !sf.IsExported() {
			continue
		}
		f := jsonField{key: key, omitEmpty: strings.Contains(opts, "omitempty"), index: i, options: -1}
		if name, ok := sf.Tag.Lookup("flag"); ok {
			f.flag = true
			if name != "" {
				o, ok := t.FieldByName(name)
				if !ok || sf.Type.Kind() != reflect.Bool || o.Type.Kind() != reflect.Pointer {
					panic(fmt.Sprintf("config: flag tag of %s.%s names no options pointer %q", t.Name(), sf.Name, name))
				}
				f.options = o.Index[0]
			}
		}
		out = append(out, f)
	}
	if forms.m == nil {
		forms.m = map[reflect.Type][]jsonField{}
	}
	forms.m[t] = out
	return out
}

var forms struct {
	sync.Mutex
	m map[reflect.Type][]jsonField
}

// walkShape is the type Decode's walk compares a flag-bearing struct's JSON with:
// each flag as its options type (a boolean is accepted for those, flagOrObject),
// every other member as it is. Types without flag tags are their own shape.
func walkShape(t reflect.Type) reflect.Type {
	form := jsonForm(t)
	var fields []reflect.StructField
	hasFlag := false
	for _, f := range form {
		sf := t.Field(f.index)
		typ := sf.Type
		if f.options >= 0 {
			typ = t.Field(f.options).Type
		}
		hasFlag = hasFlag || f.flag
		fields = append(fields, reflect.StructField{Name: sf.Name, Type: typ, Tag: reflect.StructTag(`json:"` + f.key + `"`)})
	}
	if !hasFlag {
		return t
	}
	return reflect.StructOf(fields)
}

// decodeFlags decodes a JSON object into the struct v points to, reading each flag
// as absent, true, false, null or an object of its options (an object turns it on).
func decodeFlags(data []byte, v any) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	rv := reflect.ValueOf(v).Elem()
	for _, f := range jsonForm(rv.Type()) {
		raw, ok := members[f.key]
		field := rv.Field(f.index)
		if !f.flag {
			if ok {
				if err := json.Unmarshal(raw, field.Addr().Interface()); err != nil {
					return err
				}
			}
			continue
		}
		opts := field // the options pointer itself, or the one the bool names
		if f.options >= 0 {
			opts = rv.Field(f.options)
		}
		opts.SetZero()
		on := false
		switch r := bytes.TrimSpace(raw); {
		case !ok, len(r) == 0, string(r) == "false", string(r) == "null":
		case string(r) == "true":
			on = true
			if f.options < 0 { // the pointer is the switch: on with no options
				opts.Set(reflect.New(opts.Type().Elem()))
			}
		default:
			on = true
			opts.Set(reflect.New(opts.Type().Elem()))
			if err := json.Unmarshal(r, opts.Interface()); err != nil {
				return err
			}
		}
		if f.options >= 0 {
			field.SetBool(on)
		}
	}
	return nil
}

// encodeFlags writes the form a user writes (see decodeFlags): a flag is absent when
// off, true without options (or with empty ones), else its options; so a config
// survives a round trip through JSON.
func encodeFlags(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	var b bytes.Buffer
	b.WriteByte('{')
	for _, f := range jsonForm(rv.Type()) {
		field := rv.Field(f.index)
		var val any = field.Interface()
		if f.flag {
			on, opts := !field.IsZero(), field
			if f.options >= 0 {
				on, opts = field.Bool(), rv.Field(f.options)
			}
			if !on {
				continue
			}
			val = json.RawMessage("true")
			if !opts.IsNil() {
				o, err := json.Marshal(opts.Interface())
				if err != nil {
					return nil, err
				}
				if string(o) != "{}" {
					val = json.RawMessage(o)
				}
			}
		} else if f.omitEmpty && field.IsZero() {
			continue
		}
		m, err := json.Marshal(val)
		if err != nil {
			return nil, err
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads "sms" and "email" as flags (see decodeFlags).
func (m *Multifactor) UnmarshalJSON(data []byte) error { return decodeFlags(data, m) }

// MarshalJSON writes the form a user writes (see encodeFlags).
func (m Multifactor) MarshalJSON() ([]byte, error) { return encodeFlags(m) }

// UnmarshalJSON reads "email", "phone" and "webAuthn" as flags (see decodeFlags).
func (l *LoginWith) UnmarshalJSON(data []byte) error { return decodeFlags(data, l) }

// MarshalJSON writes the form a user writes (see encodeFlags).
func (l LoginWith) MarshalJSON() ([]byte, error) { return encodeFlags(l) }
