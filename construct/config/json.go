package config

import (
	"bytes"
	"encoding/json"
)

// UnmarshalJSON reads "sms" as true (SMS on), false or null (off), or
// {"smsMessage": "..."}; the other fields as usual.
func (m *Multifactor) UnmarshalJSON(data []byte) error {
	type plain Multifactor
	var aux struct {
		*plain
		SMS json.RawMessage `json:"sms,omitempty"`
	}
	aux.plain = (*plain)(m)
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	m.SMS = nil
	switch raw := bytes.TrimSpace(aux.SMS); {
	case len(raw) == 0, string(raw) == "false", string(raw) == "null":
	case string(raw) == "true":
		m.SMS = &SMSMFA{}
	default:
		m.SMS = &SMSMFA{}
		return json.Unmarshal(raw, m.SMS)
	}
	return nil
}

// MarshalJSON writes true for SMS without a custom message, so a config survives a
// round trip through JSON in the form a user writes it.
func (s SMSMFA) MarshalJSON() ([]byte, error) {
	if s.Message == "" {
		return []byte("true"), nil
	}
	type plain SMSMFA
	return json.Marshal(plain(s))
}
