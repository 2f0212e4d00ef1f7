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

// smsMFA reports whether SMS is an enabled MFA method (MFA on and SMS chosen).
func (c *Config) smsMFA() bool { return c.mfaOn() && c.Multifactor.SMS != nil }

// smsDisabled reports whether the user promised the pool never sends SMS.
func (c *Config) smsDisabled() bool { return c.Senders.SMS != nil && c.Senders.SMS.Disabled }

// SMSConfigured reports whether the pool gets an SMS configuration: SMS sending is
// not disabled and phone login, SMS MFA or an explicit SMS sender asks for it.
func (c *Config) SMSConfigured() bool {
	if c.smsDisabled() {
		return false
	}
	return c.LoginWith.Phone || c.smsMFA() || c.Senders.SMS != nil
}

// OwnSMSRole reports whether the user brings their own SNS caller role (an ARN or an
// external id is given; rule R11 wants both).
func (c *Config) OwnSMSRole() bool {
	s := c.Senders.SMS
	return s != nil && (s.SNSCallerArn != "" || s.ExternalID != "")
}

// phoneAutoVerified reports whether phone_number is auto-verified: it is a login
// attribute, or SMS MFA is on (codes must go to a verified phone, rule R13).
func (c *Config) phoneAutoVerified() bool { return c.LoginWith.Phone || c.smsMFA() }

// AutoVerifiedAttributes returns CloudFormation's AutoVerifiedAttributes.
func (c *Config) AutoVerifiedAttributes() []string {
	var out []string
	if c.LoginWith.Email {
		out = append(out, "email")
	}
	if c.phoneAutoVerified() {
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
	case !c.smsMFA():
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
	// PasswordHistorySize is as written: nil when not set (no history).
	PasswordHistorySize *int
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
		PasswordHistorySize:      p.PasswordHistorySize,
	}
	if r.MinLength == 0 {
		r.MinLength = DefaultMinPasswordLength
	}
	if p.TempPasswordValidityDays != nil {
		r.TempPasswordValidityDays = *p.TempPasswordValidityDays
	}
	return r
}

// ResolvedAttribute is one attribute of the pool as it is in effect: Cognito's name (custom
// attributes without "custom:"), its data type (String unless given; updated_at is a
// Number), whether it is required and mutable (login attributes always both), and
// the bounds of a custom String or Number attribute.
type ResolvedAttribute struct {
	Name, DataType    string
	Custom            bool
	Required, Mutable bool
	// MinLen and MaxLen bound a String, Min and Max a Number (nil: no bound).
	MinLen, MaxLen, Min, Max *int
}

// Attributes returns the pool's attributes: the login attributes and every declared
// attribute (unknown standard names are left out: validation reports them), sorted
// by name (custom ones as custom:<name>) so templates are stable.
func (c *Config) Attributes() []ResolvedAttribute {
	byName := map[string]ResolvedAttribute{}
	for _, name := range c.UsernameAttributes() {
		byName[name] = ResolvedAttribute{Name: name, DataType: "String", Required: true, Mutable: true}
	}
	for key, a := range c.UserAttributes {
		mutable := a.Mutable == nil || *a.Mutable
		if custom, ok := customName(key); ok {
			dt := a.DataType
			if dt == "" {
				dt = "String"
			}
			r := ResolvedAttribute{Name: custom, DataType: dt, Custom: true, Mutable: mutable}
			if dt == "String" {
				r.MinLen, r.MaxLen = a.MinLen, a.MaxLen
			}
			if dt == "Number" {
				r.Min, r.Max = a.Min, a.Max
			}
			byName["custom:"+custom] = r
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
		r := ResolvedAttribute{Name: name, DataType: dt, Required: a.Required, Mutable: mutable}
		if c.isLogin(name) {
			r.Required, r.Mutable = true, true
		}
		byName[name] = r
	}
	out := make([]ResolvedAttribute, 0, len(byName))
	for _, k := range slices.Sorted(maps.Keys(byName)) {
		out = append(out, byName[k])
	}
	return out
}

// RequiredAttributes returns the Cognito names of the required standard attributes.
func (c *Config) RequiredAttributes() []string {
	var out []string
	for _, s := range c.Attributes() {
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
