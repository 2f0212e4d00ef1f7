package config

// MFAMode is the MFA enforcement: OFF, OPTIONAL or REQUIRED.
type MFAMode string

// The MFA modes. REQUIRED becomes MfaConfiguration "ON" in the template.
const (
	MFAOff      MFAMode = "OFF"
	MFAOptional MFAMode = "OPTIONAL"
	MFARequired MFAMode = "REQUIRED"
)

// AccountRecovery is how a user recovers a forgotten password.
type AccountRecovery string

// The account recovery settings, as Amplify names them.
const (
	// RecoveryEmailAndPhoneWithoutMFA tries the verified email, then the phone.
	RecoveryEmailAndPhoneWithoutMFA AccountRecovery = "EMAIL_AND_PHONE_WITHOUT_MFA"
	// RecoveryPhoneWithoutMFAAndEmail tries the verified phone, then the email.
	RecoveryPhoneWithoutMFAAndEmail AccountRecovery = "PHONE_WITHOUT_MFA_AND_EMAIL"
	// RecoveryEmailOnly uses the verified email only.
	RecoveryEmailOnly AccountRecovery = "EMAIL_ONLY"
	// RecoveryPhoneOnlyWithoutMFA uses the verified phone only.
	RecoveryPhoneOnlyWithoutMFA AccountRecovery = "PHONE_ONLY_WITHOUT_MFA"
	// RecoveryPhoneAndEmail is Cognito's legacy behaviour: no setting is emitted.
	RecoveryPhoneAndEmail AccountRecovery = "PHONE_AND_EMAIL"
	// RecoveryNone leaves recovery to administrators.
	RecoveryNone AccountRecovery = "NONE"
)

// FeaturePlan is the Cognito feature plan (CloudFormation UserPoolTier).
type FeaturePlan string

// The feature plans.
const (
	PlanLite       FeaturePlan = "LITE"
	PlanEssentials FeaturePlan = "ESSENTIALS"
	PlanPlus       FeaturePlan = "PLUS"
)

// ThreatProtection is the threat protection mode (CloudFormation's
// UserPoolAddOns.AdvancedSecurityMode).
type ThreatProtection string

// The threat protection modes.
const (
	ThreatProtectionOff      ThreatProtection = "OFF"
	ThreatProtectionAudit    ThreatProtection = "AUDIT"
	ThreatProtectionEnforced ThreatProtection = "ENFORCED"
)

// RemovalPolicy is what happens to the pool when it leaves the stack.
type RemovalPolicy string

// The removal policies.
const (
	RemovalRetain  RemovalPolicy = "RETAIN"
	RemovalDestroy RemovalPolicy = "DESTROY"
)

// recoveryMechanisms maps each setting to CloudFormation's RecoveryMechanisms, in
// priority order. PHONE_AND_EMAIL maps to nil: the property is left out.
var recoveryMechanisms = map[AccountRecovery][]string{
	RecoveryEmailAndPhoneWithoutMFA: {"verified_email", "verified_phone_number"},
	RecoveryPhoneWithoutMFAAndEmail: {"verified_phone_number", "verified_email"},
	RecoveryEmailOnly:               {"verified_email"},
	RecoveryPhoneOnlyWithoutMFA:     {"verified_phone_number"},
	RecoveryPhoneAndEmail:           nil,
	RecoveryNone:                    {"admin_only"},
}

// RecoveryMechanisms returns the CloudFormation recovery mechanism names for a, in
// priority order; nil for PHONE_AND_EMAIL (property omitted) or an unknown value.
func (a AccountRecovery) RecoveryMechanisms() []string {
	return recoveryMechanisms[a]
}

// usesPhone reports whether a lets users recover through their phone.
func (a AccountRecovery) usesPhone() bool {
	for _, m := range recoveryMechanisms[a] {
		if m == "verified_phone_number" {
			return true
		}
	}
	return false
}

var (
	mfaModes      = []MFAMode{MFAOff, MFAOptional, MFARequired}
	recoveries    = []AccountRecovery{RecoveryEmailAndPhoneWithoutMFA, RecoveryPhoneWithoutMFAAndEmail, RecoveryEmailOnly, RecoveryPhoneOnlyWithoutMFA, RecoveryPhoneAndEmail, RecoveryNone}
	featurePlans  = []FeaturePlan{PlanLite, PlanEssentials, PlanPlus}
	threatModes   = []ThreatProtection{ThreatProtectionOff, ThreatProtectionAudit, ThreatProtectionEnforced}
	removals      = []RemovalPolicy{RemovalRetain, RemovalDestroy}
	customTypes   = []string{"String", "Number", "Boolean", "DateTime"}
	standardAttrs = map[string]string{
		"address":           "address",
		"birthdate":         "birthdate",
		"email":             "email",
		"familyName":        "family_name",
		"fullname":          "name",
		"gender":            "gender",
		"givenName":         "given_name",
		"lastUpdateTime":    "updated_at",
		"locale":            "locale",
		"middleName":        "middle_name",
		"nickname":          "nickname",
		"phoneNumber":       "phone_number",
		"preferredUsername": "preferred_username",
		"profilePage":       "profile",
		"profilePicture":    "picture",
		"timezone":          "zoneinfo",
		"website":           "website",
	}
)

// StandardAttributeName returns Cognito's name for a standard attribute's camelCase
// config name (phoneNumber -> phone_number) and whether the name is known.
func StandardAttributeName(camel string) (string, bool) {
	n, ok := standardAttrs[camel]
	return n, ok
}
