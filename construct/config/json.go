package config

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// Several settings are written in JSON either as a boolean or as an object of their
// options, which also turns them on, as Amplify writes them: "sms", "email" under
// multifactor; "email", "phone" and "webAuthn" under loginWith. The shapes below are
// what the JSON looks like; Decode checks a file against them.

// multifactorJSON is the JSON shape of Multifactor.
type multifactorJSON struct {
	Mode  MFAMode         `json:"mode"`
	SMS   json.RawMessage `json:"sms,omitempty"`
	TOTP  bool            `json:"totp,omitempty"`
	Email json.RawMessage `json:"email,omitempty"`
}

// loginWithJSON is the JSON shape of LoginWith.
type loginWithJSON struct {
	Email             json.RawMessage    `json:"email,omitempty"`
	Phone             json.RawMessage    `json:"phone,omitempty"`
	WebAuthn          json.RawMessage    `json:"webAuthn,omitempty"`
	ExternalProviders *ExternalProviders `json:"externalProviders,omitempty"`
}

// shapes maps a type with its own JSON form to the type Decode walks instead, and
// flagOrObject lists the option types a JSON boolean may stand for.
var (
	shapes = map[reflect.Type]reflect.Type{
		reflect.TypeFor[Multifactor](): reflect.TypeFor[struct {
			Mode  MFAMode   `json:"mode"`
			SMS   *SMSMFA   `json:"sms"`
			TOTP  bool      `json:"totp"`
			Email *EmailMFA `json:"email"`
		}](),
		reflect.TypeFor[LoginWith](): reflect.TypeFor[struct {
			Email             *EmailLogin        `json:"email"`
			Phone             *PhoneLogin        `json:"phone"`
			WebAuthn          *WebAuthn          `json:"webAuthn"`
			ExternalProviders *ExternalProviders `json:"externalProviders"`
		}](),
	}
	flagOrObject = map[reflect.Type]string{
		reflect.TypeFor[*SMSMFA]():     `true, false or {"smsMessage": "..."}`,
		reflect.TypeFor[*EmailMFA]():   `true, false or {"emailMessage": "...", "emailSubject": "..."}`,
		reflect.TypeFor[*EmailLogin](): `true, false or an object of email options`,
		reflect.TypeFor[*PhoneLogin](): `true, false or an object of phone options`,
		reflect.TypeFor[*WebAuthn]():   `true or {"relyingPartyId": "...", "userVerification": "..."}`,
	}
)

// readFlag decodes raw (absent, true, false, null or an object) into *opts and
// reports whether the setting is on; an object turns it on.
func readFlag[T any](raw json.RawMessage, opts **T) (bool, error) {
	*opts = nil
	switch r := bytes.TrimSpace(raw); {
	case len(r) == 0, string(r) == "false", string(r) == "null":
		return false, nil
	case string(r) == "true":
		return true, nil
	default:
		*opts = new(T)
		return true, json.Unmarshal(r, *opts)
	}
}

// writeFlag is the JSON of a setting: absent when off, true without options (or
// with empty ones), else the options.
func writeFlag[T any](on bool, opts *T) (json.RawMessage, error) {
	if !on {
		return nil, nil
	}
	if opts == nil {
		return json.RawMessage("true"), nil
	}
	b, err := json.Marshal(opts)
	if err != nil || string(b) == "{}" {
		return json.RawMessage("true"), err
	}
	return b, nil
}

// UnmarshalJSON reads "sms" as true (SMS on), false or null (off), or
// {"smsMessage": "..."}, and "email" the same way with EmailMFA's fields.
func (m *Multifactor) UnmarshalJSON(data []byte) error {
	var aux multifactorJSON
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	m.Mode, m.TOTP = aux.Mode, aux.TOTP
	on, err := readFlag(aux.SMS, &m.SMS)
	if err != nil {
		return err
	}
	if on && m.SMS == nil {
		m.SMS = &SMSMFA{}
	}
	m.Email, err = readFlag(aux.Email, &m.EmailOptions)
	return err
}

// MarshalJSON writes the form a user writes (see UnmarshalJSON), so a config
// survives a round trip through JSON.
func (m Multifactor) MarshalJSON() ([]byte, error) {
	aux := multifactorJSON{Mode: m.Mode, TOTP: m.TOTP}
	var err error
	if aux.SMS, err = writeFlag(m.SMS != nil, m.SMS); err != nil {
		return nil, err
	}
	if aux.Email, err = writeFlag(m.Email, m.EmailOptions); err != nil {
		return nil, err
	}
	return json.Marshal(aux)
}

// UnmarshalJSON reads "email" and "phone" as true, false or an object of their
// options, and "webAuthn" as true or an object.
func (l *LoginWith) UnmarshalJSON(data []byte) error {
	var aux loginWithJSON
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	var err error
	if l.Email, err = readFlag(aux.Email, &l.EmailOptions); err != nil {
		return err
	}
	if l.Phone, err = readFlag(aux.Phone, &l.PhoneOptions); err != nil {
		return err
	}
	on, err := readFlag(aux.WebAuthn, &l.WebAuthn)
	if on && l.WebAuthn == nil {
		l.WebAuthn = &WebAuthn{}
	}
	l.ExternalProviders = aux.ExternalProviders
	return err
}

// MarshalJSON writes the form a user writes (see UnmarshalJSON).
func (l LoginWith) MarshalJSON() ([]byte, error) {
	var aux loginWithJSON
	var err error
	if aux.Email, err = writeFlag(l.Email, l.EmailOptions); err != nil {
		return nil, err
	}
	if aux.Phone, err = writeFlag(l.Phone, l.PhoneOptions); err != nil {
		return nil, err
	}
	if aux.WebAuthn, err = writeFlag(l.WebAuthn != nil, l.WebAuthn); err != nil {
		return nil, err
	}
	aux.ExternalProviders = l.ExternalProviders
	return json.Marshal(aux)
}
