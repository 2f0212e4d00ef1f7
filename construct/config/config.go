// Package config is the defineauth configuration: the Go structs a user writes, or the
// same thing as a JSON file, decoded strictly and validated in pure Go.
//
// Nothing in this package touches jsii or Node.js, so decoding and validating a config
// takes milliseconds and can run anywhere Go runs. Field names follow Amplify Gen 2's
// defineAuth; every field documents its default (see also defaults.go).
package config

// Config describes one Cognito user pool with its app client and identity pool.
//
// The zero value is not valid: at least one LoginWith method is required. Every
// other field has a documented, safe default.
type Config struct {
	// Name names the user pool, the identity pool, the web client (<name>-web) and,
	// in the ready-made stack, the stack (defineauth-<name>). ASCII letters, digits,
	// spaces and + = , . @ - _ only, at most 117 characters (MaxNameLength), not only
	// spaces. Default: the construct path (construct.NewAuth) or the config file's
	// name (Load, the CLI and the CDK app), with a warning (DA011), since renaming
	// that source would rename the stack and create a new, empty pool: write the name
	// down to pin it.
	Name string `json:"name,omitempty"`

	// LoginWith chooses the sign-in identifiers. At least one is required. Each chosen
	// attribute becomes a username attribute, is required in the schema and is
	// auto-verified. It cannot be changed after the pool exists (rule U3).
	LoginWith LoginWith `json:"loginWith"`

	// Multifactor configures MFA. Nil means MFA OFF.
	Multifactor *Multifactor `json:"multifactor,omitempty"`

	// DeviceTracking turns on "remember device". Nil means devices are not remembered.
	DeviceTracking *DeviceTracking `json:"deviceTracking,omitempty"`

	// UserAttributes declares standard attributes by their camelCase name
	// (phoneNumber, givenName, ...) and custom attributes as "custom:<name>".
	// Default: none besides the login attributes. Required attributes and existing
	// attributes cannot be changed after the pool exists (rule U5).
	UserAttributes map[string]Attribute `json:"userAttributes,omitempty"`

	// AccountRecovery chooses how users reset a forgotten password. Default: EMAIL_ONLY
	// when email is a login method or a required attribute, else PHONE_ONLY_WITHOUT_MFA
	// when SMS MFA is off, else NONE (administrators only), so the default never
	// collides with SMS MFA (rule R6).
	AccountRecovery AccountRecovery `json:"accountRecovery,omitempty"`

	// Senders configures how the pool sends SMS and email. Default: an SMS role is
	// created when something needs SMS, and email goes through Cognito's own sender.
	Senders Senders `json:"senders,omitempty"`

	// PasswordPolicy sets password rules. Default: at least 12 characters with
	// lower-case, upper-case, digits and symbols; temporary passwords valid 7 days.
	PasswordPolicy *PasswordPolicy `json:"passwordPolicy,omitempty"`

	// FeaturePlan is the Cognito feature plan (LITE, ESSENTIALS or PLUS).
	// Default: ESSENTIALS. Email MFA needs ESSENTIALS or PLUS.
	FeaturePlan FeaturePlan `json:"featurePlan,omitempty"`

	// ThreatProtection is Cognito's threat protection (advanced security): OFF,
	// AUDIT (log risky sign-ins) or ENFORCED (also block them or ask for MFA). AUDIT
	// and ENFORCED need the PLUS feature plan (rule R15). Default: not set, which
	// Cognito treats as OFF.
	ThreatProtection ThreatProtection `json:"threatProtection,omitempty"`

	// RemovalPolicy says what happens to the pool (and its SMS role) when it leaves the
	// stack: RETAIN keeps it with its users, DESTROY deletes them. Default: RETAIN.
	RemovalPolicy RemovalPolicy `json:"removalPolicy,omitempty"`

	// DeletionProtection refuses to delete the pool while it is on. Default: true.
	DeletionProtection *bool `json:"deletionProtection,omitempty"`

	// AllowUnauthenticatedIdentities lets the identity pool hand out guest
	// credentials. Default: false.
	AllowUnauthenticatedIdentities bool `json:"allowUnauthenticatedIdentities,omitempty"`

	// Groups lists user pool groups; a group's precedence is its index. Each group
	// gets an IAM role that its signed-in members assume through the identity pool
	// (the pool picks the role from the ID token; a user in several groups gets the
	// role of the group with the lowest precedence). Default: none.
	Groups []string `json:"groups,omitempty"`

	// PasswordlessOptions says which first factor the front end offers first.
	// Default: none (the client asks the user).
	PasswordlessOptions *PasswordlessOptions `json:"passwordlessOptions,omitempty"`

	// SelfSignUp lets users sign themselves up; false makes an administrator-only
	// pool (users are invited, loginWith.email.userInvitation). Default: true.
	SelfSignUp *bool `json:"selfSignUp,omitempty"`

	// Triggers connects Lambda functions to Cognito's triggers. Default: none.
	Triggers Triggers `json:"triggers,omitempty"`

	// WebClient adjusts the web app client. Default: SRP and refresh tokens only.
	WebClient WebClient `json:"webClient,omitempty"`

	// WAFWebACLArn associates a regional AWS WAF web ACL with the pool: it inspects
	// every request to the pool's API and hosted sign-in (rule R41). One per pool.
	// From Go, the ARN of a web ACL in the same stack works too (a token).
	// Default: none.
	WAFWebACLArn string `json:"wafWebAclArn,omitempty"`

	// Tags are added to every resource of the construct that takes tags: the user
	// pool, the identity pool and the IAM roles (for cost allocation). At most 50;
	// keys of 1 to 128 and values of at most 256 letters, digits, spaces and
	// _ . : / = + - @, not starting with aws: (reserved for AWS; rule R38).
	// Default: none.
	Tags map[string]string `json:"tags,omitempty"`

	// nameFrom says where a defaulted Name came from ("" when the user gave it).
	nameFrom string
	// attached holds the Go function objects attached per trigger (their labels),
	// attachedKey the Go KMS key object's label; see Attach.
	attached    map[Trigger]string
	attachedKey string
	// secrets holds the providers whose secret a Go program passed (AttachSecret).
	secrets map[string]bool
}

// LoginWith chooses the attributes users sign in with, and how. In JSON, "email" and
// "phone" are true, false, or an object of their options (which turns them on);
// "webAuthn" is true or an object of its options (the flag tags, see json.go).
type LoginWith struct {
	// Email signs users in with their email address. Default: false.
	Email bool `json:"email,omitempty" flag:"EmailOptions"`
	// EmailOptions holds the verification email, the invitation and email one-time
	// codes; only with Email. Default: Cognito's messages, no codes.
	EmailOptions *EmailLogin `json:"-"`
	// Phone signs users in with their phone number; it needs an SMS sender, which is
	// created automatically unless Senders.SMS.Disabled is set. Default: false.
	Phone bool `json:"phone,omitempty" flag:"PhoneOptions"`
	// PhoneOptions holds the verification SMS and SMS one-time codes; only with
	// Phone. Default: Cognito's message, no codes.
	PhoneOptions *PhoneLogin `json:"-"`
	// WebAuthn lets users sign in with passkeys. Default: off.
	WebAuthn *WebAuthn `json:"webAuthn,omitempty" flag:""`
	// ExternalProviders adds sign-in with Google, Facebook, Amazon, Apple, OIDC and
	// SAML through a hosted domain. Default: none.
	ExternalProviders *ExternalProviders `json:"externalProviders,omitempty"`
}

// Multifactor configures multi-factor authentication.
type Multifactor struct {
	// Mode is OFF, OPTIONAL (each user chooses) or REQUIRED (every user, every
	// sign-in). Required when Multifactor is set. A pool cannot move to REQUIRED
	// after it was created with OFF or OPTIONAL (rule U1).
	Mode MFAMode `json:"mode"`
	// SMS enables codes by text message; in JSON `true` or {"smsMessage": "..."}.
	// Default: off.
	SMS *SMSMFA `json:"sms,omitempty" flag:""`
	// TOTP enables authenticator apps. Default: off.
	TOTP bool `json:"totp,omitempty"`
	// Email enables codes by email; it needs Senders.Email and the ESSENTIALS or
	// PLUS feature plan, and another method besides it. In JSON `true` or
	// {"emailMessage": "...", "emailSubject": "..."}. Default: off.
	Email bool `json:"email,omitempty" flag:"EmailOptions"`
	// EmailOptions holds the email MFA message and subject; only with Email.
	// Default: Cognito's.
	EmailOptions *EmailMFA `json:"-"`
}

// SMSMFA enables SMS MFA, optionally with a custom message.
type SMSMFA struct {
	// Message is the SMS text; it must contain the {####} code placeholder and be at
	// most 140 characters. Default: Cognito's message.
	Message string `json:"smsMessage,omitempty"`
}

// DeviceTracking turns on remembering devices. Any DeviceTracking value, even with both
// fields false, remembers devices; leave DeviceTracking nil to not remember them.
type DeviceTracking struct {
	// ChallengeRequiredOnNewDevice makes a new device pass MFA, after which the
	// remembered device stands in for the second factor on later sign-ins.
	ChallengeRequiredOnNewDevice bool `json:"challengeRequiredOnNewDevice,omitempty"`
	// DeviceOnlyRememberedOnUserPrompt remembers a device only when the app asks the
	// user and calls UpdateDeviceStatus; false remembers every device.
	DeviceOnlyRememberedOnUserPrompt bool `json:"deviceOnlyRememberedOnUserPrompt,omitempty"`
}

// Attribute declares one user attribute.
type Attribute struct {
	// Required makes sign-up fail without the attribute. Default: false (true for
	// login attributes, which are always required).
	Required bool `json:"required,omitempty"`
	// Mutable lets users change the attribute after sign-up. Default: true.
	Mutable *bool `json:"mutable,omitempty"`
	// DataType is String, Number, Boolean or DateTime; custom attributes only.
	// Default: String.
	DataType string `json:"dataType,omitempty"`
	// MinLen and MaxLen bound a custom String attribute. Default: no bound.
	MinLen *int `json:"minLen,omitempty"`
	// MaxLen is the longest value a custom String attribute takes.
	MaxLen *int `json:"maxLen,omitempty"`
	// Min and Max bound a custom Number attribute. Default: no bound.
	Min *int `json:"min,omitempty"`
	// Max is the largest value a custom Number attribute takes.
	Max *int `json:"max,omitempty"`
	// KeepOriginalUntilVerified keeps the old email or phone number in force until
	// the new one is verified; only for auto-verified attributes (rule R10).
	// Default: true for login attributes, false otherwise.
	KeepOriginalUntilVerified *bool `json:"keepOriginalUntilVerified,omitempty"`
}

// Senders configures outgoing SMS and email.
type Senders struct {
	// SMS configures the SNS sender. Nil: a role is created when SMS is needed.
	SMS *SMSSender `json:"sms,omitempty"`
	// Email configures an SES sender. Nil: Cognito's default sender (low quota,
	// not allowed with email MFA).
	Email *EmailSender `json:"email,omitempty"`
	// CustomEmail sends every email through your Lambda function. Default: none.
	CustomEmail *CustomSender `json:"customEmail,omitempty"`
	// CustomSMS sends every text message through your Lambda function. SMS MFA
	// and phone verification still need the SMS settings above. Default: none.
	CustomSMS *CustomSender `json:"customSms,omitempty"`
}

// SMSSender configures how the pool sends text messages through Amazon SNS.
type SMSSender struct {
	// SNSCallerArn is the ARN of your own IAM role that Cognito assumes to publish
	// through SNS; it needs ExternalID too (rule R11). Default: a role is created
	// and retained with the pool.
	SNSCallerArn string `json:"snsCallerArn,omitempty"`
	// ExternalID is the sts:ExternalId your role's trust policy expects.
	ExternalID string `json:"externalId,omitempty"`
	// SNSRegion is the region of the SNS service to use. Default: the stack's region.
	SNSRegion string `json:"snsRegion,omitempty"`
	// Disabled promises that the pool never sends SMS: no role and no SMS
	// configuration are created, and anything that needs SMS is an error.
	Disabled bool `json:"disabled,omitempty"`
}

// EmailSender sends email through Amazon SES with your verified identity.
type EmailSender struct {
	// FromEmail is the sender address; required. It (or SESVerifiedDomain) must be
	// a verified SES identity in SESRegion.
	FromEmail string `json:"fromEmail"`
	// FromName is shown as the sender's name. Default: none.
	FromName string `json:"fromName,omitempty"`
	// ReplyTo is the reply-to address. Default: none.
	ReplyTo string `json:"replyTo,omitempty"`
	// SESRegion is the region of the SES identity. Default: the stack's region.
	SESRegion string `json:"sesRegion,omitempty"`
	// SESVerifiedDomain is the verified SES domain identity, when the address
	// itself is not verified. Default: the address is the identity.
	SESVerifiedDomain string `json:"sesVerifiedDomain,omitempty"`
}

// PasswordPolicy sets password rules. A nil boolean means true.
type PasswordPolicy struct {
	// MinLength is the minimum length, 6 to 99. Default: 12.
	MinLength int `json:"minLength,omitempty"`
	// RequireLowercase demands a lower-case letter. Default: true.
	RequireLowercase *bool `json:"requireLowercase,omitempty"`
	// RequireUppercase demands an upper-case letter. Default: true.
	RequireUppercase *bool `json:"requireUppercase,omitempty"`
	// RequireDigits demands a digit. Default: true.
	RequireDigits *bool `json:"requireDigits,omitempty"`
	// RequireSymbols demands a symbol. Default: true.
	RequireSymbols *bool `json:"requireSymbols,omitempty"`
	// TempPasswordValidityDays is how long an administrator-set temporary password
	// lasts, 0 to 365 days. Default: 7.
	TempPasswordValidityDays *int `json:"tempPasswordValidityDays,omitempty"`
	// PasswordHistorySize is how many of a user's previous passwords they may not
	// use again, 0 to 24; it needs the ESSENTIALS or PLUS feature plan (rule R39).
	// Default: not set, so passwords may be reused (as with 0).
	PasswordHistorySize *int `json:"passwordHistorySize,omitempty"`
}
