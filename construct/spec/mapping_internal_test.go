package spec

import (
	"reflect"
	"slices"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
)

func ptr[T any](v T) *T { return &v }

// TestMapping checks the pure-Go mapping from config to template values, case by case.
func TestMapping(t *testing.T) {
	tests := []struct {
		name         string
		cfg          config.Config
		mfa          string
		enabled      []string
		autoVerified []string
		recovery     []string
		smsConfig    bool
	}{
		{"mfa absent", config.Config{LoginWith: config.LoginWith{Email: true}},
			"OFF", nil, []string{"email"}, []string{"verified_email"}, false},
		{"required totp", config.Config{LoginWith: config.LoginWith{Email: true}, Multifactor: &config.Multifactor{Mode: config.MFARequired, TOTP: true}},
			"ON", []string{"SOFTWARE_TOKEN_MFA"}, []string{"email"}, []string{"verified_email"}, false},
		{"optional, all methods in fixed order", config.Config{LoginWith: config.LoginWith{Email: true}, Multifactor: &config.Multifactor{Mode: config.MFAOptional, Email: true, TOTP: true, SMS: &config.SMSMFA{}}},
			"OPTIONAL", []string{"SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"}, []string{"email", "phone_number"}, []string{"verified_email"}, true},
		{"phone login, no MFA: phone recovery", config.Config{LoginWith: config.LoginWith{Phone: true}},
			"OFF", nil, []string{"phone_number"}, []string{"verified_phone_number"}, true},
		{"phone login, SMS MFA: recovery defaults to admin only (R6)", config.Config{LoginWith: config.LoginWith{Phone: true}, Multifactor: &config.Multifactor{Mode: config.MFARequired, SMS: &config.SMSMFA{}}},
			"ON", []string{"SMS_MFA"}, []string{"phone_number"}, []string{"admin_only"}, true},
		{"legacy recovery omits the setting", config.Config{LoginWith: config.LoginWith{Email: true}, AccountRecovery: config.RecoveryPhoneAndEmail},
			"OFF", nil, []string{"email"}, nil, false},
		{"methods with mode OFF are mapped as written (R2 rejects them)", config.Config{LoginWith: config.LoginWith{Email: true}, Multifactor: &config.Multifactor{Mode: config.MFAOff, SMS: &config.SMSMFA{}}},
			"OFF", []string{"SMS_MFA"}, []string{"email"}, []string{"verified_email"}, false},
		{"SMS disabled", config.Config{LoginWith: config.LoginWith{Email: true}, Senders: config.Senders{SMS: &config.SMSSender{Disabled: true}}},
			"OFF", nil, []string{"email"}, []string{"verified_email"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.cfg
			if got := mfaConfiguration(&c); got != tt.mfa {
				t.Errorf("MfaConfiguration = %q, want %q", got, tt.mfa)
			}
			if got := enabledMFAs(&c); !slices.Equal(got, tt.enabled) {
				t.Errorf("EnabledMfas = %v, want %v", got, tt.enabled)
			}
			if got := c.AutoVerifiedAttributes(); !slices.Equal(got, tt.autoVerified) {
				t.Errorf("AutoVerifiedAttributes = %v, want %v", got, tt.autoVerified)
			}
			if got := c.ResolvedAccountRecovery().RecoveryMechanisms(); !slices.Equal(got, tt.recovery) {
				t.Errorf("RecoveryMechanisms = %v, want %v", got, tt.recovery)
			}
			if got := c.SMSConfigured(); got != tt.smsConfig {
				t.Errorf("SMSConfigured = %v, want %v", got, tt.smsConfig)
			}
		})
	}
}

func TestSchema(t *testing.T) {
	c := config.Config{LoginWith: config.LoginWith{Email: true}, UserAttributes: map[string]config.Attribute{
		"lastUpdateTime": {},
		"givenName":      {Required: true, Mutable: ptr(false)},
		"custom:tier":    {MaxLen: ptr(8)},
		"custom:n":       {DataType: "Number", Min: ptr(1)},
	}}
	got := schema(&c)
	want := []SchemaAttribute{
		{Name: "n", AttributeDataType: "Number", Mutable: true, NumberAttributeConstraints: &NumberBounds{MinValue: "1"}},
		{Name: "tier", AttributeDataType: "String", Mutable: true, StringAttributeConstraints: &AttributeBounds{MaxLength: "8"}},
		{Name: "email", AttributeDataType: "String", Required: true, Mutable: true},
		{Name: "given_name", AttributeDataType: "String", Required: true, Mutable: false},
		{Name: "updated_at", AttributeDataType: "Number", Mutable: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Schema:\n got %+v\nwant %+v", got, want)
	}
	if got := c.RequiredAttributes(); !slices.Equal(got, []string{"email", "given_name"}) {
		t.Errorf("RequiredAttributes = %v", got)
	}
}
