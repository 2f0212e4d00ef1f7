package config

import (
	"maps"
	"slices"
)

// Every default in one place, each with the reason it was chosen.
const (
	// DefaultMinPasswordLength is 12: longer than Cognito's and Amplify's 8, since
	// length is what makes a password hard to guess.
	DefaultMinPasswordLength = 12
	// DefaultTempPasswordValidityDays is Cognito's own default, written out so the
	// template says what is in force.
	DefaultTempPasswordValidityDays = 7
	// DefaultFeaturePlan is ESSENTIALS, Cognito's plan for new pools; it allows
	// email MFA. PLUS (threat protection) costs more and is the user's decision.
	DefaultFeaturePlan = PlanEssentials
	// DefaultRemovalPolicy is RETAIN: deleting a stack must never delete users.
	DefaultRemovalPolicy = RemovalRetain
	// DefaultDeletionProtection is on, for the same reason.
	DefaultDeletionProtection = true
)

// Mode returns the MFA mode in force: OFF when Multifactor is nil or has no mode.
func (c *Config) Mode() MFAMode {
	if c.Multifactor == nil || c.Multifactor.Mode == "" {
		return MFAOff
	}
	return c.Multifactor.Mode
}

// hasMethods reports whether any MFA method is configured, whatever the mode.
func (m *Multifactor) hasMethods() bool {
	return m != nil && (m.SMS != nil || m.TOTP || m.Email)
}

// mfaOn reports whether MFA is OPTIONAL or REQUIRED (an unknown mode is reported by
// DA003 and treated as off here, so it raises no follow-on problems).
func (c *Config) mfaOn() bool { m := c.Mode(); return m == MFAOptional || m == MFARequired }

// SMSMFA reports whether SMS is an enabled MFA method (MFA on and SMS chosen).
func (c *Config) SMSMFA() bool { return c.mfaOn() && c.Multifactor.SMS != nil }

// EnabledMFAs returns CloudFormation's EnabledMfas: the configured methods, in the
// order SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP. It maps what the config says, even
// where rule R2 rejects it (methods with mode OFF), so a forced template shows it.
func (c *Config) EnabledMFAs() []string {
	m := c.Multifactor
	if m == nil {
		return nil
	}
	var out []string
	if m.SMS != nil {
		out = append(out, "SMS_MFA")
	}
	if m.TOTP {
		out = append(out, "SOFTWARE_TOKEN_MFA")
	}
	if m.Email {
		out = append(out, "EMAIL_OTP")
	}
	return out
}

// CfnMFAConfiguration returns CloudFormation's MfaConfiguration: OFF, OPTIONAL or ON.
func (c *Config) CfnMFAConfiguration() string {
	switch c.Mode() {
	case MFARequired:
		return "ON"
	case MFAOptional:
		return "OPTIONAL"
	}
	return "OFF"
}

// smsDisabled reports whether the user promised the pool never sends SMS.
func (c *Config) smsDisabled() bool { return c.Senders.SMS != nil && c.Senders.SMS.Disabled }

// SMSConfigured reports whether the pool gets an SMS configuration: SMS sending is
// not disabled and phone login, SMS MFA or an explicit SMS sender asks for it.
func (c *Config) SMSConfigured() bool {
	if c.smsDisabled() {
		return false
	}
	return c.LoginWith.Phone || c.SMSMFA() || c.Senders.SMS != nil
}

// OwnSMSRole reports whether the user brings their own SNS caller role (an ARN or an
// external id is given; rule R11 wants both).
func (c *Config) OwnSMSRole() bool {
	s := c.Senders.SMS
	return s != nil && (s.SNSCallerArn != "" || s.ExternalID != "")
}

// PhoneAutoVerified reports whether phone_number is auto-verified: it is a login
// attribute, or SMS MFA is on (codes must go to a verified phone, rule R13).
func (c *Config) PhoneAutoVerified() bool { return c.LoginWith.Phone || c.SMSMFA() }

// AutoVerifiedAttributes returns CloudFormation's AutoVerifiedAttributes.
func (c *Config) AutoVerifiedAttributes() []string {
	var out []string
	if c.LoginWith.Email {
		out = append(out, "email")
	}
	if c.PhoneAutoVerified() {
		out = append(out, "phone_number")
	}
	return out
}

// UsernameAttributes returns CloudFormation's UsernameAttributes.
func (c *Config) UsernameAttributes() []string {
	var out []string
	if c.LoginWith.Email {
		out = append(out, "email")
	}
	if c.LoginWith.Phone {
		out = append(out, "phone_number")
	}
	return out
}

// isLogin reports whether the Cognito attribute name is a login attribute.
func (c *Config) isLogin(cognitoName string) bool {
	return (cognitoName == "email" && c.LoginWith.Email) || (cognitoName == "phone_number" && c.LoginWith.Phone)
}

// KeepOriginalAttributes returns the attributes whose old value stays in force until
// the new one is verified (UserAttributeUpdateSettings): login attributes by default,
// and whatever the config sets with KeepOriginalUntilVerified.
func (c *Config) KeepOriginalAttributes() []string {
	var out []string
	for _, name := range []string{"email", "phone_number"} {
		keep := c.isLogin(name)
		if a, ok := c.UserAttributes[camelOf(name)]; ok && a.KeepOriginalUntilVerified != nil {
			keep = *a.KeepOriginalUntilVerified
		}
		if keep {
			out = append(out, name)
		}
	}
	return out
}

// camelOf returns the config name of a standard Cognito attribute name.
func camelOf(cognitoName string) string {
	for camel, n := range standardAttrs {
		if n == cognitoName {
			return camel
		}
	}
	return cognitoName
}

// phoneRequired reports whether every user has a phone number.
func (c *Config) phoneRequired() bool {
	return c.LoginWith.Phone || c.UserAttributes["phoneNumber"].Required
}

// emailVerified reports whether users' email addresses are verified.
func (c *Config) emailVerified() bool { return c.LoginWith.Email }

// ResolvedAccountRecovery returns the account recovery in force. The default is
// EMAIL_ONLY with email login; else PHONE_ONLY_WITHOUT_MFA unless SMS MFA is on; else
// NONE, because Cognito refuses phone recovery together with SMS MFA (rule R6).
func (c *Config) ResolvedAccountRecovery() AccountRecovery {
	switch {
	case c.AccountRecovery != "":
		return c.AccountRecovery
	case c.emailVerified():
		return RecoveryEmailOnly
	case !c.SMSMFA():
		return RecoveryPhoneOnlyWithoutMFA
	}
	return RecoveryNone
}

// ResolvedFeaturePlan returns the feature plan in force (default ESSENTIALS).
func (c *Config) ResolvedFeaturePlan() FeaturePlan {
	if c.FeaturePlan == "" {
		return DefaultFeaturePlan
	}
	return c.FeaturePlan
}

// ResolvedRemovalPolicy returns the removal policy in force (default RETAIN).
func (c *Config) ResolvedRemovalPolicy() RemovalPolicy {
	if c.RemovalPolicy == "" {
		return DefaultRemovalPolicy
	}
	return c.RemovalPolicy
}

// ResolvedDeletionProtection returns whether deletion protection is on (default on).
func (c *Config) ResolvedDeletionProtection() bool {
	if c.DeletionProtection == nil {
		return DefaultDeletionProtection
	}
	return *c.DeletionProtection
}

// ResolvedPasswordPolicy is the password policy in force, every field set.
type ResolvedPasswordPolicy struct {
	MinLength                int
	RequireLowercase         bool
	RequireUppercase         bool
	RequireDigits            bool
	RequireSymbols           bool
	TempPasswordValidityDays int
}

// ResolvedPasswordPolicy fills every unset field of PasswordPolicy with its default.
func (c *Config) ResolvedPasswordPolicy() ResolvedPasswordPolicy {
	p := c.PasswordPolicy
	if p == nil {
		p = &PasswordPolicy{}
	}
	orTrue := func(b *bool) bool { return b == nil || *b }
	r := ResolvedPasswordPolicy{
		MinLength:                p.MinLength,
		RequireLowercase:         orTrue(p.RequireLowercase),
		RequireUppercase:         orTrue(p.RequireUppercase),
		RequireDigits:            orTrue(p.RequireDigits),
		RequireSymbols:           orTrue(p.RequireSymbols),
		TempPasswordValidityDays: DefaultTempPasswordValidityDays,
	}
	if r.MinLength == 0 {
		r.MinLength = DefaultMinPasswordLength
	}
	if p.TempPasswordValidityDays != nil {
		r.TempPasswordValidityDays = *p.TempPasswordValidityDays
	}
	return r
}

// SchemaAttributes returns the Schema entries: login attributes (always required and
// mutable) and every declared attribute, sorted by name so templates are stable.
// AttributeDataType is always set (rule R14).
func (c *Config) SchemaAttributes() []SchemaAttributeSpec {
	byName := map[string]SchemaAttributeSpec{}
	for _, name := range c.UsernameAttributes() {
		byName[name] = SchemaAttributeSpec{Name: name, AttributeDataType: "String", Required: true, Mutable: true}
	}
	for key, a := range c.UserAttributes {
		mutable := a.Mutable == nil || *a.Mutable
		if custom, ok := customName(key); ok {
			dt := a.DataType
			if dt == "" {
				dt = "String"
			}
			s := SchemaAttributeSpec{Name: custom, AttributeDataType: dt, Mutable: mutable}
			if dt == "String" && (a.MinLen != nil || a.MaxLen != nil) {
				s.StringAttributeConstraints = &AttributeBoundsSpec{MinLength: itoa(a.MinLen), MaxLength: itoa(a.MaxLen)}
			}
			if dt == "Number" && (a.Min != nil || a.Max != nil) {
				s.NumberAttributeConstraints = &NumberBoundsSpec{MinValue: itoa(a.Min), MaxValue: itoa(a.Max)}
			}
			byName["custom:"+custom] = s
			continue
		}
		name, ok := StandardAttributeName(key)
		if !ok {
			continue // reported by validation
		}
		dt := "String"
		if name == "updated_at" {
			dt = "Number"
		}
		s := SchemaAttributeSpec{Name: name, AttributeDataType: dt, Required: a.Required, Mutable: mutable}
		if c.isLogin(name) {
			s.Required, s.Mutable = true, true
		}
		byName[name] = s
	}
	out := make([]SchemaAttributeSpec, 0, len(byName))
	for _, k := range slices.Sorted(maps.Keys(byName)) {
		out = append(out, byName[k])
	}
	return out
}

// RequiredAttributes returns the Cognito names of the required standard attributes.
func (c *Config) RequiredAttributes() []string {
	var out []string
	for _, s := range c.SchemaAttributes() {
		if s.Required {
			out = append(out, s.Name)
		}
	}
	return out
}

// customName returns the name after "custom:" and whether key is a custom attribute.
func customName(key string) (string, bool) {
	const prefix = "custom:"
	if len(key) > len(prefix) && key[:len(prefix)] == prefix {
		return key[len(prefix):], true
	}
	return "", key == prefix
}
