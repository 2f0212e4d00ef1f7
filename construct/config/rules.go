package config

import (
	"errors"
	"fmt"
	"maps"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/defineauth/defineauth/internal/cognito"
)

// Rule is one validation rule: a stable id, a one-line summary, the severities its
// problems have, and its check.
type Rule struct {
	// ID is stable: R.. are configurations Cognito refuses at deploy time or that
	// fail at every sign-in (the README's rule table), DA.. are defineauth's own.
	ID string
	// Summary says in one line what the rule rejects or warns about.
	Summary string
	// Severity is "error", "warning", or "error / warning" for a rule that reports
	// both (the rule fixtures check that every problem has a declared severity).
	Severity string
	// Consequence says what happens without the rule: for R rules what Cognito says
	// or does (the service error CloudFormation shows), for DA rules what defineauth's
	// own check prevents.
	Consequence string
	check       func(c *Config) []*Problem
}

// The severities a rule declares.
const (
	sevError   = "error"
	sevWarning = "warning"
	sevBoth    = "error / warning"
)

// rules is the table of every config rule, in the order problems are reported.
var rules = []Rule{
	{"DA001", "name uses only ASCII letters, digits, spaces and + = , . @ - _, at most 117 characters", sevError,
		"a name Cognito or CloudFormation refuses, or a stack name past 128 characters, found at deploy time", checkName},
	{"DA002", "loginWith needs email or phone", sevError,
		"a pool nobody can sign in to", checkLogin},
	{"DA003", "enumerated fields take one of their listed values", sevError,
		"an unknown value read as the default (Amplify's construct makes MFA OFF from \"MANDATORY\")", checkEnums},
	{"R1", "MFA OPTIONAL or REQUIRED needs at least one method", sevError,
		"\"Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.\"", checkMFAHasMethod},
	{"R2", "MFA OFF cannot have methods configured", sevError,
		"\"Invalid MFA configuration given, can't turn off MFA and configure an MFA together.\"", checkMFAOffHasNoMethod},
	{"R3", "SMS MFA needs an SMS sender", sevError,
		"\"SMS configuration and Auto verification for phone_number are required when MFA is required/optional\"", checkSMSMFASender},
	{"R4", "phone auto-verification (phone sign-in, SMS MFA) needs an SMS sender", sevError,
		"\"SMS configuration is required when phone_number is selected for auto verification\"", checkPhoneVerifySender},
	{"R5", "with MFA on and an SMS sender configured, SMS must be an MFA method", sevError,
		"\"Can't turn off SMS_MFA when SMS configuration is set for the user pool\"", checkSMSConfiguredIsMethod},
	{"R6", "SMS MFA cannot be combined with phone account recovery", sevError,
		"\"Invalid account recovery setting parameter. Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when SMS MFA is configured.\"", checkSMSMFAPhoneRecovery},
	{"R7", "email MFA cannot be the only MFA method", sevError,
		"the pool fails to create, with the R3 message", checkEmailMFANotAlone},
	{"R8", "email MFA needs an SES email sender and the ESSENTIALS or PLUS plan", sevError,
		"the service refuses email MFA without an SES sender, or on the LITE plan", checkEmailMFASenderPlan},
	{"R9", "SMS messages with a code contain {####}, at most 140 characters Cognito accepts", sevError,
		"the service refuses the message", checkSMSMessages},
	{"R12", "passwordless sign-in cannot be combined with MFA REQUIRED", sevError,
		"the service refuses passwordless first factors with MFA required", checkPasswordlessMFARequired},
	{"R10", "keepOriginalUntilVerified only for auto-verified attributes", sevError,
		"\"All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes\"", checkKeepOriginalVerified},
	{"R11", "your own SMS role needs both snsCallerArn and externalId", sevError,
		"\"Role does not have a trust relationship allowing Cognito to assume the role\"", checkOwnSMSRole},
	{"R13", "SMS MFA needs users to have a phone number", sevBoth,
		"deploys, but users without a phone number cannot sign in (MFAMethodNotFoundException in the client)", checkSMSMFAPhone},
	{"R15", "threat protection (AUDIT or ENFORCED) needs the PLUS feature plan", sevError,
		"the service refuses threat protection on the LITE and ESSENTIALS plans", checkThreatProtectionPlan},
	{"R16", "the custom challenge triggers (define, create, verify) are set together", sevError,
		"sign-in with CUSTOM_AUTH cannot complete: the challenge is defined, created and verified by three triggers together", checkChallengeTriggersTogether},
	{"R17", "pre token generation V2_0 or V3_0 needs the ESSENTIALS or PLUS feature plan", sevError,
		"the service refuses the V2_0 and V3_0 token events on the LITE plan", checkTokenEventPlan},
	{"R18", "a custom email or SMS sender needs a KMS key", sevError,
		"the service refuses a custom sender without LambdaConfig.KMSKeyID", checkSenderKey},
	{"R19", "the userMigration trigger needs a sign-in flow that sends the password", sevError,
		"deploys, but users still in the old store cannot sign in: with SRP sign-in the migration trigger gets no password", checkMigrationPassword},
	{"R21", "verification and email MFA emails keep their code or link placeholder, within Cognito's lengths and characters", sevError,
		"the service refuses the message, or (a message without its code or link) users cannot verify or sign in", checkEmailMessages},
	{"R22", "invitations contain {username} and {####}, within Cognito's lengths and characters", sevError,
		"the service refuses the invitation, or invited users never learn their user name or temporary password", checkInvitation},
	{"R23", "passwordless sign-in needs the ESSENTIALS or PLUS feature plan", sevError,
		"the service refuses passwordless sign-in on the LITE plan", checkPasswordlessPlan},
	{"R24", "a one-time-code first factor needs its channel: SES email for EMAIL_OTP, an SMS configuration for SMS_OTP", sevError,
		"codes that cannot be sent: Cognito sends email codes only through SES, SMS codes only with an SMS configuration", checkOTPChannel},
	{"R26", "passkeys need the relying party id: the domain the front end is served from", sevBoth,
		"passkeys that fail to register or to sign in: the relying party must be the front end's domain", checkRelyingParty},
	{"R27", "device tracking has no effect with passwordless (choice-based) sign-in", sevWarning,
		"a setting that does nothing for passwordless sign-in", checkDevicesPasswordless},
	{"R29", "callback and logout URLs are absolute https URLs (http only for localhost), at least one callback URL", sevError,
		"the service refuses http (but for localhost) and relative URLs; without a callback URL the hosted sign-in cannot return", checkRedirectURLs},
	{"R30", "the domain prefix is one Cognito accepts: lower-case letters, digits, hyphens, no aws, amazon or cognito", sevError,
		"the service refuses the domain; without one, external sign-in has no hosted sign-in to go through", checkDomainPrefix},
	{"R31", "OAuth scopes: the client's PHONE, EMAIL, PROFILE need OPENID; each provider's scopes are its own", sevError,
		"the service (or the provider) refuses the scopes", checkOAuthScopes},
	{"R32", "attribute mappings write attributes that exist and are mutable", sevError,
		"deploys, but the second federated sign-in of every user fails updating an immutable or missing attribute", checkAttributeMapping},
	{"R33", "an OIDC provider's issuer is an https URL", sevError,
		"the service refuses an OIDC issuer that is not https", checkOIDCIssuer},
	{"R34", "SAML metadata is an https URL or an XML document", sevError,
		"the service refuses the SAML provider", checkSAMLMetadata},
	{"R35", "every provider has the details Cognito requires (client id and secret; Apple: team id, key id, private key; OIDC: issuer)", sevError,
		"the service refuses a provider without its client id, secret or (Apple) key details", checkProviderDetails},
	{"R36", "MFA and device tracking do not apply to federated users", sevWarning,
		"a setting that does not protect federated users", checkFederatedMFA},
	{"R39", "password history needs the ESSENTIALS or PLUS feature plan", sevError,
		"the service refuses a password history on the LITE plan (the API reference's PasswordPolicyType: \"your user pool must be in the Essentials tier or higher\")", checkPasswordHistoryPlan},
	{"R40", "every provider maps every required attribute (email is mapped by default when users sign in with email alone)", sevError,
		"deploys, but every federated sign-in fails: Cognito needs a mapping for each attribute the pool requires (the developer guide, \"Mapping IdP attributes to profiles and tokens\")", checkRequiredMapped},
	{"R41", "the web ACL is a regional AWS WAF web ACL", sevError,
		"the association fails: a user pool is a regional resource and takes a web ACL of scope REGIONAL (the developer guide, \"Associate an AWS WAF web ACL with a user pool\")", checkWebACL},
	{"R38", "every value within the limits of Cognito's API model and the CloudFormation schemas: lengths, characters, list sizes", sevError,
		"the service refuses the value (InvalidParameterException, or CloudFormation's schema validation); limits generated from the Cognito API models and the CloudFormation registry schemas", checkServiceLimits},
	{"DA004", "password policy within Cognito's limits (warns when weaker than the default)", sevBoth,
		"a password policy Cognito refuses, or a weak one", checkPassword},
	{"DA005", "user attributes are known standard attributes or well-formed custom ones", sevError,
		"attributes Cognito refuses, or that break sign-in", checkAttributes},
	{"DA006", "senders are well-formed (ARNs, regions, addresses)", sevError,
		"senders that fail at deploy time or at the first message", checkSenders},
	{"DA007", "group names are unique and well-formed", sevError,
		"groups that fail to create, or collide", checkGroups},
	{"DA008", "device tracking without MFA is pointless", sevWarning,
		"a setting that does nothing", checkDevices},
	{"DA009", "settings that can lose users", sevWarning,
		"a pool that can be deleted with its users", checkDataLoss},
	{"DA010", "account recovery that users cannot complete", sevWarning,
		"users who cannot reset their own passwords", checkRecovery},
	{"DA011", "a name derived from a file name or construct path (renaming it replaces the pool)", sevWarning,
		"a rename of the file or construct that would move the stack, and so the pool", checkDerivedName},
	{"DA013", "trigger and sender functions and the sender key are well-formed ARNs, named once, one key for both senders", sevError,
		"a trigger or key Cognito refuses at deploy time, or one function named twice (which of the two is meant?)", checkTriggers},
	{"DA014", "options are given only for settings that are on (loginWith.email, loginWith.phone, multifactor.email)", sevError,
		"options silently ignored because their setting is off", checkOptions},
	{"DA015", "the preferred first challenge is one of the enabled first factors", sevError,
		"a front end that offers first a factor users cannot use", checkPreferred},
	{"DA016", "link verification needs the pool's domain (loginWith.externalProviders.domainPrefix)", sevError,
		"deploys, but every sign-up fails: the verification link needs a user pool domain", checkLinkStyle},
	{"DA017", "external providers are well-formed: names, secrets (Secrets Manager only), scopes and methods", sevError,
		"a provider Cognito refuses, a secret that cannot be resolved, or a pool nobody can sign in to", checkProviders},
	{"DA018", "external sign-in needs a domain prefix", sevError,
		"external providers with no hosted domain to sign in through", checkDomainGiven},
	{"DA020", "the inbound federation trigger without an external provider never runs", sevWarning,
		"a trigger that never runs", checkInboundFederationUseful},
	{"DA019", "every ARN the config names (functions, the sender key, the SMS role) is in one partition", sevError,
		"a stack that cannot deploy: Cognito cannot use a function, key or role of another partition", checkPartition},
	{"DA012", "the stack fits CloudFormation's limits (at most 500 resources, a template of at most 1 MB)", sevError,
		"a stack CloudFormation refuses (more than 500 resources, or a template over 1 MB)", checkLimits},
	{"DA105", "values that look like unresolved CDK tokens", sevError,
		"a CDK error at synth, or a literal token in the template", checkTokens},
}

// decodeRules are reported by Decode, before any validation rule can run.
var decodeRules = []Rule{
	{"DA100", "the config is one JSON value, UTF-8 without a byte-order mark, at most 1 MiB", sevError,
		"a file read differently from how it was reviewed, or not at all", nil},
	{"DA101", "no unknown fields (with a did-you-mean suggestion)", sevError,
		"a misspelt field silently ignored", nil},
	{"DA102", "every value has its field's JSON type", sevError,
		"a value of the wrong type silently read as another", nil},
	{"DA103", "no member given twice in one object (both lines are named)", sevError,
		"a file reviewed with one value and deployed with the other (JSON readers keep one of two duplicate members)", nil},
	{"DA104", "no explicit empty value or null that would silently become the default", sevError,
		"an explicit value silently replaced by the default", nil},
}

// Rules returns every rule, for documentation and tools: first those Decode reports
// (DA100-DA104), then the validation rules in reporting order.
func Rules() []Rule { return slices.Concat(decodeRules, rules) }

// Check runs every rule and returns all problems, errors and warnings, in rule order.
func (c *Config) Check() []*Problem {
	var out []*Problem
	for _, r := range rules {
		out = append(out, r.check(c)...)
	}
	// R38 is the service's limits for every field; a field another rule already
	// refuses gets that rule's problem alone.
	refused := map[string]bool{}
	for _, p := range out {
		if p.Rule != "R38" && p.Severity == Error {
			refused[p.Path] = true
		}
	}
	return slices.DeleteFunc(out, func(p *Problem) bool { return p.Rule == "R38" && refused[p.Path] })
}

// Validate returns nil when Cognito would accept the config, else an error joining
// (errors.Join) one *Problem per error found; use Problems to list them. Warnings
// are not errors: read them with Warnings.
func (c *Config) Validate() error {
	var errs []error
	for _, p := range c.Check() {
		if p.Severity == Error {
			errs = append(errs, p)
		}
	}
	return errors.Join(errs...)
}

// Warnings returns the warning-severity problems: legal settings that are probably
// not what the user meant.
func (c *Config) Warnings() []*Problem {
	var out []*Problem
	for _, p := range c.Check() {
		if p.Severity == Warning {
			out = append(out, p)
		}
	}
	return out
}

var (
	roleARN = regexp.MustCompile(`^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$`)
)

// domainName matches a DNS domain name; compiled on first use, since its bounded
// repetitions make it costly to compile at every start of the command.
var domainName = lazyRegexp(`^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$`)

// lazyRegexp compiles expr on first use.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// hasControl reports whether s holds a control character other than those in allowed.
func hasControl(s, allowed string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && !strings.ContainsRune(allowed, r) })
}

// isToken reports whether s holds a CDK token (a Go user's value that only
// CloudFormation resolves, such as a parameter's value); the fields that accept one
// (ARNs, external id, regions, addresses) are not checked further. Decode refuses
// tokens in JSON, where they cannot be real.
func isToken(s string) bool {
	return strings.Contains(s, "${Token[") || strings.Contains(s, "#{Token[")
}

func checkName(c *Config) []*Problem {
	const fix = "use 1 to 117 ASCII letters, digits, spaces and + = , . @ - _"
	switch {
	case c.Name == "":
		return []*Problem{problemf("DA001", "name", `add "name": "myapp" (a name is derived only from a config file's name or a construct path)`,
			"name is not set")}
	case len(c.Name) > MaxNameLength:
		return []*Problem{problemf("DA001", "name", fix,
			"name is %d characters long, so the stack name %s%s would have %d, more than CloudFormation's 128", len(c.Name), StackNamePrefix, "<name>", len(StackNamePrefix)+len(c.Name))}
	case !namePattern.MatchString(c.Name):
		return []*Problem{problemf("DA001", "name", fix+" (no tabs or line breaks)", "name %s has characters Cognito does not allow", quote(c.Name))}
	case strings.TrimSpace(c.Name) == "":
		return []*Problem{problemf("DA001", "name", fix, "name is only spaces")}
	}
	return nil
}

func checkDerivedName(c *Config) []*Problem {
	if c.nameFrom == "" {
		return nil
	}
	return []*Problem{warnf("DA011", "name", fmt.Sprintf(`add "name": %s to pin it`, quote(c.Name)),
		"name %s is derived from %s; renaming that would rename the stack, and a new stack creates a new, empty pool", quote(c.Name), c.nameFrom)}
}

// MaxResources is CloudFormation's limit of resources in one template.
const MaxResources = 500

// ResourceCount is how many resources the auth construct creates for the config: the
// user pool, web client, identity pool, its two roles and their attachment, the SMS
// role when one is created, a group and its role per group, an invoke permission
// per trigger or sender, the identity providers and the hosted domain.
func (c *Config) ResourceCount() int {
	n := 6 + 2*len(c.Groups) + len(c.Providers())
	if c.WAFWebACLArn != "" {
		n++
	}
	if x := c.LoginWith.ExternalProviders; x != nil && x.DomainPrefix != "" {
		n++
	}
	for _, t := range triggerTable {
		if c.HasTrigger(t.name) {
			n++
		}
	}
	if c.SMSConfigured() && !c.OwnSMSRole() {
		n++
	}
	return n
}

func checkLimits(c *Config) []*Problem {
	if n := c.ResourceCount(); n > MaxResources {
		return []*Problem{problemf("DA012", "groups", fmt.Sprintf("use at most %d groups", max(0, len(c.Groups)-(n-MaxResources+1)/2)),
			"%d groups make %d resources; CloudFormation allows %d in one stack", len(c.Groups), n, MaxResources)}
	}
	return nil
}

// checkTokens refuses token-looking text where CDK would try to resolve it and fail,
// and where a real token could not be checked: names, messages, attribute keys.
func checkTokens(c *Config) []*Problem {
	var out []*Problem
	add := func(path, s string) {
		if isToken(s) {
			out = append(out, problemf("DA105", path, "write the value itself; these fields take no CDK tokens",
				"%s looks like an unresolved CDK token", quote(s)))
		}
	}
	if m := c.Multifactor; m != nil && m.SMS != nil {
		add("multifactor.sms.smsMessage", m.SMS.Message)
	}
	if e := c.Senders.Email; e != nil {
		add("senders.email.fromName", e.FromName)
	}
	for i, g := range c.Groups {
		add(fmt.Sprintf("groups[%d]", i), g)
	}
	if e := c.LoginWith.EmailOptions; e != nil {
		add("loginWith.email.verificationEmailSubject", e.VerificationEmailSubject)
		add("loginWith.email.verificationEmailBody", e.VerificationEmailBody)
		if inv := e.UserInvitation; inv != nil {
			add("loginWith.email.userInvitation.emailSubject", inv.EmailSubject)
			add("loginWith.email.userInvitation.emailBody", inv.EmailBody)
			add("loginWith.email.userInvitation.smsMessage", inv.SMSMessage)
		}
	}
	if p := c.LoginWith.PhoneOptions; p != nil {
		add("loginWith.phone.verificationMessage", p.VerificationMessage)
	}
	if m := c.Multifactor; m != nil && m.EmailOptions != nil {
		add("multifactor.email.emailMessage", m.EmailOptions.EmailMessage)
		add("multifactor.email.emailSubject", m.EmailOptions.EmailSubject)
	}
	if x := c.LoginWith.ExternalProviders; x != nil {
		const base = "loginWith.externalProviders"
		add(base+".domainPrefix", x.DomainPrefix)
		for i, u := range x.CallbackURLs {
			add(fmt.Sprintf("%s.callbackUrls[%d]", base, i), u)
		}
		for i, u := range x.LogoutURLs {
			add(fmt.Sprintf("%s.logoutUrls[%d]", base, i), u)
		}
		for _, p := range c.Providers() {
			add(p.Path+".name", p.Name)
			for _, k := range slices.Sorted(maps.Keys(p.Details)) {
				add(p.Path, p.Details[k])
			}
			for _, k := range slices.Sorted(maps.Keys(p.AttributeMapping)) {
				add(p.Path+".attributeMapping", k)
				add(p.Path+".attributeMapping", p.AttributeMapping[k])
			}
			for _, id := range p.Identifiers {
				add(p.Path+".identifiers", id)
			}
			if p.Secret != nil {
				add(p.Path+"."+secretField(p), p.Secret.SecretsManager+p.Secret.JSONKey)
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(c.UserAttributes)) {
		add("userAttributes."+excerpt(k), k)
	}
	for _, k := range slices.Sorted(maps.Keys(c.Tags)) {
		add("tags."+excerpt(k), k)
		add("tags."+excerpt(k), c.Tags[k])
	}
	return out
}

func checkLogin(c *Config) []*Problem {
	if !c.LoginWith.Email && !c.LoginWith.Phone {
		return []*Problem{problemf("DA002", "loginWith", `set "loginWith": {"email": true} (or "phone": true)`,
			"no sign-in method: loginWith needs email or phone")}
	}
	return nil
}

// enumProblem reports v when it is set and not one of allowed.
func enumProblem[T ~string](path string, v T, allowed []T) *Problem {
	if v == "" || slices.Contains(allowed, v) {
		return nil
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return problemf("DA003", path, "use one of "+strings.Join(names, ", "), "unknown value %s", quote(string(v)))
}

func checkEnums(c *Config) []*Problem {
	var out []*Problem
	if c.Multifactor != nil && c.Multifactor.Mode == "" {
		out = append(out, problemf("DA003", "multifactor.mode", `add "mode": "OFF", "OPTIONAL" or "REQUIRED"`, "multifactor has no mode"))
	}
	if c.Multifactor != nil {
		out = append(out, enumProblem("multifactor.mode", c.Multifactor.Mode, mfaModes))
	}
	out = append(out,
		enumProblem("accountRecovery", c.AccountRecovery, recoveries),
		enumProblem("featurePlan", c.FeaturePlan, featurePlans),
		enumProblem("threatProtection", c.ThreatProtection, threatModes),
		enumProblem("removalPolicy", c.RemovalPolicy, removals),
		enumProblem("triggers.preTokenGenerationVersion", c.Triggers.PreTokenGenerationVersion, tokenEventVersions))
	if e := c.LoginWith.EmailOptions; e != nil {
		out = append(out, enumProblem("loginWith.email.verificationEmailStyle", e.VerificationEmailStyle, verificationStyles))
	}
	if w := c.LoginWith.WebAuthn; w != nil {
		out = append(out, enumProblem("loginWith.webAuthn.userVerification", w.UserVerification, userVerifications))
	}
	return compact(out)
}

// compact drops nil problems.
func compact(ps []*Problem) []*Problem {
	return slices.DeleteFunc(ps, func(p *Problem) bool { return p == nil })
}

func checkMFAHasMethod(c *Config) []*Problem {
	if c.mfaOn() && !c.Multifactor.hasMethods() {
		return []*Problem{problemf("R1", "multifactor",
			`enable a method, e.g. "totp": true, or set "mode": "OFF"`,
			"MFA is %s but no method is enabled; Cognito refuses to deploy it", c.Mode())}
	}
	return nil
}

func checkMFAOffHasNoMethod(c *Config) []*Problem {
	if c.Multifactor != nil && c.Multifactor.Mode == MFAOff && c.Multifactor.hasMethods() {
		return []*Problem{problemf("R2", "multifactor",
			`remove sms/totp/email, or set "mode": "OPTIONAL" or "REQUIRED"`,
			"MFA is OFF but methods are configured; Cognito refuses MFA methods with MFA off")}
	}
	return nil
}

func checkSMSMFASender(c *Config) []*Problem {
	if c.smsMFA() && c.smsDisabled() {
		return []*Problem{problemf("R3", "multifactor.sms",
			`remove "disabled" from senders.sms, or drop SMS from the MFA methods`,
			"SMS MFA needs an SMS sender, but senders.sms.disabled forbids SMS")}
	}
	return nil
}

func checkPhoneVerifySender(c *Config) []*Problem {
	if !c.phoneAutoVerified() || !c.smsDisabled() {
		return nil
	}
	path, why := "loginWith.phone", "phone sign-in verifies phone numbers by SMS"
	if !c.LoginWith.Phone {
		path, why = "multifactor.sms", "SMS MFA auto-verifies phone numbers by SMS"
	}
	return []*Problem{problemf("R4", path,
		`remove "disabled" from senders.sms, or sign in with email and drop SMS MFA`,
		"%s, but senders.sms.disabled forbids SMS", why)}
}

func checkSMSConfiguredIsMethod(c *Config) []*Problem {
	if !c.mfaOn() || !c.SMSConfigured() || c.smsMFA() {
		return nil
	}
	path, why := "senders.sms", "an SMS sender is configured"
	if c.LoginWith.Phone {
		path, why = "loginWith.phone", "phone sign-in needs an SMS sender"
	}
	return []*Problem{problemf("R5", path,
		`add "sms": true to multifactor, or remove what needs the SMS sender`,
		"MFA is %s and %s, but SMS is not an MFA method; Cognito refuses this", c.Mode(), why)}
}

func checkSMSMFAPhoneRecovery(c *Config) []*Problem {
	if c.smsMFA() && c.ResolvedAccountRecovery().usesPhone() {
		return []*Problem{problemf("R6", "accountRecovery",
			`use "EMAIL_ONLY" (or "NONE"), or drop SMS from the MFA methods`,
			"account recovery %s uses the phone, which Cognito forbids together with SMS MFA", c.ResolvedAccountRecovery())}
	}
	return nil
}

func checkEmailMFANotAlone(c *Config) []*Problem {
	if c.mfaOn() && c.Multifactor.Email && c.Multifactor.SMS == nil && !c.Multifactor.TOTP {
		return []*Problem{problemf("R7", "multifactor.email",
			`also enable "totp": true or "sms": true`,
			"email is the only MFA method; Cognito fails to create such a pool")}
	}
	return nil
}

func checkEmailMFASenderPlan(c *Config) []*Problem {
	if !c.mfaOn() || !c.Multifactor.Email {
		return nil
	}
	var out []*Problem
	if c.Senders.Email == nil {
		out = append(out, problemf("R8", "multifactor.email",
			`add "senders": {"email": {"fromEmail": "no-reply@example.com"}} with an SES-verified address`,
			"email MFA needs an SES email sender; Cognito's default sender is not allowed"))
	}
	if c.ResolvedFeaturePlan() == PlanLite {
		out = append(out, problemf("R8", "featurePlan",
			`set "featurePlan": "ESSENTIALS" (or "PLUS")`,
			"email MFA is not available on the LITE feature plan"))
	}
	return out
}

func checkSMSMessages(c *Config) []*Problem {
	var out []*Problem
	if m := c.Multifactor; m != nil && m.SMS != nil && m.SMS.Message != "" {
		out = append(out, messageProblems("R9", "multifactor.sms.smsMessage", cognito.SMSCode, m.SMS.Message)...)
	}
	if p := c.LoginWith.PhoneOptions; p != nil && p.VerificationMessage != "" {
		out = append(out, messageProblems("R9", "loginWith.phone.verificationMessage", cognito.SMSCode, p.VerificationMessage)...)
	}
	return out
}

// messageProblems reports what Cognito refuses in a message of kind k at path.
func messageProblems(rule, path string, k cognito.MessageKind, text string) []*Problem {
	var out []*Problem
	for _, is := range cognito.CheckMessage(k, text) {
		out = append(out, problemf(rule, path, is.Fix, "%s", is.Message))
	}
	return out
}

func checkKeepOriginalVerified(c *Config) []*Problem {
	auto := c.AutoVerifiedAttributes()
	var out []*Problem
	for _, name := range c.KeepOriginalAttributes() {
		if !slices.Contains(auto, name) {
			camel := camelOf(name)
			out = append(out, problemf("R10", "userAttributes."+camel+".keepOriginalUntilVerified",
				fmt.Sprintf("remove keepOriginalUntilVerified, or sign in with %s so it is auto-verified", camel),
				"%s is kept until verified, but it is never auto-verified", name))
		}
	}
	return out
}

func checkOwnSMSRole(c *Config) []*Problem {
	s := c.Senders.SMS
	if s == nil || (s.SNSCallerArn == "") == (s.ExternalID == "") {
		return nil
	}
	if s.SNSCallerArn == "" {
		return []*Problem{problemf("R11", "senders.sms.snsCallerArn",
			"add the ARN of the role whose trust policy expects this external id, or remove externalId",
			"externalId is set without snsCallerArn")}
	}
	return []*Problem{problemf("R11", "senders.sms.externalId",
		"add the sts:ExternalId that the role's trust policy expects, or remove snsCallerArn to have a role created",
		"snsCallerArn is set without externalId; Cognito cannot assume the role")}
}

func checkSMSMFAPhone(c *Config) []*Problem {
	if !c.smsMFA() || c.phoneRequired() {
		return nil
	}
	fix := `add "userAttributes": {"phoneNumber": {"required": true}}, or sign in with phone`
	if c.Mode() == MFARequired && !c.Multifactor.TOTP && !c.Multifactor.Email {
		return []*Problem{problemf("R13", "multifactor.sms", fix,
			"SMS is the only required MFA method, but users need not have a phone number; they could never sign in")}
	}
	return []*Problem{warnf("R13", "multifactor.sms", fix,
		"users without a phone number cannot use SMS MFA")}
}

func checkThreatProtectionPlan(c *Config) []*Problem {
	if (c.ThreatProtection == ThreatProtectionAudit || c.ThreatProtection == ThreatProtectionEnforced) && c.ResolvedFeaturePlan() != PlanPlus {
		return []*Problem{problemf("R15", "threatProtection", `set "featurePlan": "PLUS", or remove threatProtection`,
			"threat protection %s needs the PLUS feature plan, but the plan is %s; Cognito refuses it", c.ThreatProtection, c.ResolvedFeaturePlan())}
	}
	return nil
}

// checkWebACL: a user pool takes a regional AWS WAF web ACL.
func checkWebACL(c *Config) []*Problem {
	a := c.WAFWebACLArn
	if a == "" || isToken(a) {
		return nil
	}
	if msg := cognito.WebACLProblem(a); msg != "" {
		return []*Problem{problemf("R41", "wafWebAclArn", "use the ARN of a web ACL with scope REGIONAL in the pool's region",
			"%s %s", quote(a), msg)}
	}
	return nil
}

// checkPasswordHistoryPlan: password history needs the ESSENTIALS or PLUS plan.
func checkPasswordHistoryPlan(c *Config) []*Problem {
	if p := c.PasswordPolicy; p != nil && p.PasswordHistorySize != nil && *p.PasswordHistorySize > 0 && c.ResolvedFeaturePlan() == PlanLite {
		return []*Problem{problemf("R39", "passwordPolicy.passwordHistorySize", `set "featurePlan": "ESSENTIALS" (or PLUS), or remove passwordHistorySize`,
			"password history needs the ESSENTIALS or PLUS feature plan, but the plan is LITE")}
	}
	return nil
}

func checkPassword(c *Config) []*Problem {
	p := c.PasswordPolicy
	if p == nil {
		return nil
	}
	var out []*Problem
	if l := cognito.PasswordMinimumLength; p.MinLength != 0 && l.CheckInt(p.MinLength) != "" {
		out = append(out, problemf("DA004", "passwordPolicy.minLength", fmt.Sprintf("use a length from %d to %d (12 or more is recommended)", *l.MinValue, *l.MaxValue),
			"minimum length %d is outside Cognito's range", p.MinLength))
	} else if p.MinLength != 0 && p.MinLength < 8 {
		out = append(out, warnf("DA004", "passwordPolicy.minLength", "use 8 or more (the default is 12)",
			"minimum length %d is weak", p.MinLength))
	}
	if d, l := p.TempPasswordValidityDays, cognito.TemporaryPasswordValidityDays; d != nil && l.CheckInt(*d) != "" {
		out = append(out, problemf("DA004", "passwordPolicy.tempPasswordValidityDays", fmt.Sprintf("use %d to %d days", *l.MinValue, *l.MaxValue),
			"temporary password validity %d is outside Cognito's range", *d))
	}
	if h, l := p.PasswordHistorySize, cognito.PasswordHistorySize; h != nil && l.CheckInt(*h) != "" {
		out = append(out, problemf("DA004", "passwordPolicy.passwordHistorySize", fmt.Sprintf("use %d to %d previous passwords", *l.MinValue, *l.MaxValue),
			"password history %d is outside Cognito's range", *h))
	}
	var off []string
	for _, f := range []struct {
		name string
		v    *bool
	}{{"requireLowercase", p.RequireLowercase}, {"requireUppercase", p.RequireUppercase}, {"requireDigits", p.RequireDigits}, {"requireSymbols", p.RequireSymbols}} {
		if f.v != nil && !*f.v {
			off = append(off, f.name)
		}
	}
	if len(off) > 0 {
		out = append(out, warnf("DA004", "passwordPolicy", "remove them to get the default (true)",
			"%s turned off: weaker than the default policy", strings.Join(off, ", ")))
	}
	return out
}

func checkAttributes(c *Config) []*Problem {
	var out []*Problem
	for _, key := range slices.Sorted(maps.Keys(c.UserAttributes)) {
		a := c.UserAttributes[key]
		path := "userAttributes." + key
		if name, custom := customName(key); custom {
			out = append(out, checkCustomAttribute(path, name, a)...)
			continue
		}
		name, ok := StandardAttributeName(key)
		if !ok {
			known := slices.Sorted(maps.Keys(standardAttrs))
			fix := "use a standard attribute (" + strings.Join(known, ", ") + `) or "custom:` + key + `"`
			if s := suggest(key, known); s != "" {
				fix = fmt.Sprintf("did you mean %q?", s)
			}
			out = append(out, problemf("DA005", path, fix, "unknown standard attribute %s", quote(key)))
			continue
		}
		if a.DataType != "" || a.MinLen != nil || a.MaxLen != nil || a.Min != nil || a.Max != nil {
			out = append(out, problemf("DA005", path, "remove dataType/minLen/maxLen/min/max: they apply to custom attributes",
				"standard attribute %s has a fixed type", key))
		}
		if a.KeepOriginalUntilVerified != nil && name != "email" && name != "phone_number" {
			out = append(out, problemf("DA005", path+".keepOriginalUntilVerified", "remove it",
				"only email and phoneNumber can be kept until verified"))
		}
		if c.isLogin(name) && a.Mutable != nil && !*a.Mutable {
			out = append(out, problemf("DA005", path+".mutable", "remove mutable: false",
				"%s is a sign-in attribute; users must be able to change it", key))
		}
	}
	return out
}

func checkCustomAttribute(path, name string, a Attribute) []*Problem {
	var out []*Problem
	if cognito.SchemaAttributeName.Check(name) != "" {
		out = append(out, problemf("DA005", path, fmt.Sprintf("use custom:<name> with %d to %d characters and no spaces", cognito.SchemaAttributeName.MinLen, cognito.SchemaAttributeName.MaxLen),
			"invalid custom attribute name %s", quote(name)))
	}
	if a.DataType != "" && !slices.Contains(customTypes, a.DataType) {
		out = append(out, problemf("DA003", path+".dataType", "use one of "+strings.Join(customTypes, ", "),
			"unknown value %s", quote(a.DataType)))
	}
	if a.Required {
		out = append(out, problemf("DA005", path+".required", "remove required: Cognito does not allow required custom attributes",
			"custom attributes cannot be required"))
	}
	if a.KeepOriginalUntilVerified != nil {
		out = append(out, problemf("DA005", path+".keepOriginalUntilVerified", "remove it", "only email and phoneNumber can be kept until verified"))
	}
	dt := a.DataType
	if dt == "" {
		dt = "String"
	}
	if dt != "String" && (a.MinLen != nil || a.MaxLen != nil) {
		out = append(out, problemf("DA005", path, "remove minLen/maxLen, or use dataType String", "minLen/maxLen apply to String attributes only"))
	}
	if dt != "Number" && (a.Min != nil || a.Max != nil) {
		out = append(out, problemf("DA005", path, "remove min/max, or use dataType Number", "min/max apply to Number attributes only"))
	}
	if a.MinLen != nil && a.MaxLen != nil && *a.MinLen > *a.MaxLen || a.Min != nil && a.Max != nil && *a.Min > *a.Max {
		out = append(out, problemf("DA005", path, "make the lower bound at most the upper bound", "bounds are reversed"))
	}
	if a.MinLen != nil && (*a.MinLen < 0 || *a.MinLen > 2048) || a.MaxLen != nil && (*a.MaxLen < 0 || *a.MaxLen > 2048) {
		out = append(out, problemf("DA005", path, "use lengths from 0 to 2048", "string length bound outside Cognito's range"))
	}
	return out
}

func checkSenders(c *Config) []*Problem {
	var out []*Problem
	if s := c.Senders.SMS; s != nil {
		if s.Disabled && (s.SNSCallerArn != "" || s.ExternalID != "" || s.SNSRegion != "") {
			out = append(out, problemf("DA006", "senders.sms", `remove "disabled", or remove the other SMS settings`,
				"SMS is disabled but SMS settings are given"))
		}
		if s.SNSCallerArn != "" && !isToken(s.SNSCallerArn) && !roleARN.MatchString(s.SNSCallerArn) {
			out = append(out, problemf("DA006", "senders.sms.snsCallerArn", "use an IAM role ARN: arn:aws:iam::123456789012:role/name",
				"%s is not an IAM role ARN", quote(s.SNSCallerArn)))
		}
		if s.ExternalID != "" && !isToken(s.ExternalID) && cognito.AssumeRoleExternalID.Check(s.ExternalID) != "" {
			out = append(out, problemf("DA006", "senders.sms.externalId", fmt.Sprintf("use %d to %d letters, digits and + = , . @ : / - _ (the role's sts:ExternalId)", cognito.AssumeRoleExternalID.MinLen, cognito.AssumeRoleExternalID.MaxLen),
				"%s is not a valid external id", quote(s.ExternalID)))
		}
		if s.SNSRegion != "" && !isToken(s.SNSRegion) && !cognito.IsRegion(s.SNSRegion) {
			out = append(out, problemf("DA006", "senders.sms.snsRegion", `use a region name such as "us-east-1"`,
				"%s is not a region name", quote(s.SNSRegion)))
		}
	}
	if e := c.Senders.Email; e != nil {
		if e.FromEmail == "" {
			out = append(out, problemf("DA006", "senders.email.fromEmail", "add your SES-verified sender address", "fromEmail is required"))
		} else if !isToken(e.FromEmail) && !plainAddress(e.FromEmail) {
			out = append(out, problemf("DA006", "senders.email.fromEmail", "use a bare address such as no-reply@example.com (the name goes in fromName)",
				"%s is not an email address", quote(e.FromEmail)))
		}
		if hasControl(e.FromName, "") {
			out = append(out, problemf("DA006", "senders.email.fromName", "remove the control characters", "fromName contains control characters"))
		}
		if e.ReplyTo != "" && !isToken(e.ReplyTo) && !plainAddress(e.ReplyTo) {
			out = append(out, problemf("DA006", "senders.email.replyTo", "use a bare address such as support@example.com",
				"%s is not an email address", quote(e.ReplyTo)))
		}
		if e.SESRegion != "" && !isToken(e.SESRegion) && !cognito.IsRegion(e.SESRegion) {
			out = append(out, problemf("DA006", "senders.email.sesRegion", `use a region name such as "us-east-1"`,
				"%s is not a region name", quote(e.SESRegion)))
		}
		if d := e.SESVerifiedDomain; d != "" && !isToken(d) && (len(d) > 253 || !domainName().MatchString(d)) {
			out = append(out, problemf("DA006", "senders.email.sesVerifiedDomain", "use the verified domain itself, such as example.com",
				"%s is not a domain name", quote(d)))
		}
	}
	return out
}

// plainAddress reports whether s is a bare email address (no display name).
func plainAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

func checkGroups(c *Config) []*Problem {
	var out []*Problem
	seen := map[string]int{} // name -> index
	for i, g := range c.Groups {
		path := fmt.Sprintf("groups[%d]", i)
		switch j, dup := seen[g]; {
		case cognito.GroupName.Check(g) != "":
			out = append(out, problemf("DA007", path, fmt.Sprintf("use %d to %d characters without spaces", cognito.GroupName.MinLen, cognito.GroupName.MaxLen),
				"invalid group name %s: it %s", quote(g), cognito.GroupName.Check(g)))
		case dup:
			out = append(out, problemf("DA007", path, "remove the duplicate", "group %s is listed twice (also groups[%d])", quote(g), j))
		}
		if _, ok := seen[g]; !ok {
			seen[g] = i
		}
	}
	return out
}

func checkDevices(c *Config) []*Problem {
	if c.DeviceTracking == nil || c.mfaOn() {
		return nil
	}
	msg := "devices are remembered but MFA is OFF, so remembering them skips nothing"
	if c.DeviceTracking.ChallengeRequiredOnNewDevice {
		msg = "challengeRequiredOnNewDevice has no effect with MFA OFF"
	}
	return []*Problem{warnf("DA008", "deviceTracking", "remove deviceTracking, or turn MFA on", "%s", msg)}
}

func checkDataLoss(c *Config) []*Problem {
	var out []*Problem
	if c.ResolvedRemovalPolicy() == RemovalDestroy {
		out = append(out, warnf("DA009", "removalPolicy", `use "RETAIN" for a pool with real users`,
			"DESTROY deletes the pool and every user in it when it leaves the stack"))
	}
	if !c.ResolvedDeletionProtection() {
		out = append(out, warnf("DA009", "deletionProtection", "remove deletionProtection: false for a pool with real users",
			"deletion protection is off"))
	}
	return out
}

func checkRecovery(c *Config) []*Problem {
	r := c.ResolvedAccountRecovery()
	switch {
	case !c.LoginWith.Email && !c.LoginWith.Phone:
		return nil // DA002 already says what is wrong
	case c.AccountRecovery == "" && r == RecoveryNone:
		return []*Problem{warnf("DA010", "accountRecovery",
			`sign in with email too, or set "accountRecovery": "NONE" to accept it`,
			"users cannot reset their own passwords: phone recovery is not allowed with SMS MFA and email is not verified")}
	case slices.Contains(r.RecoveryMechanisms(), "verified_email") && !c.emailVerified() && !slices.Contains(r.RecoveryMechanisms(), "verified_phone_number"):
		return []*Problem{warnf("DA010", "accountRecovery", `sign in with email, or choose a phone recovery`,
			"%s recovers through a verified email, but email addresses are never verified", r)}
	case r == RecoveryPhoneOnlyWithoutMFA && !c.phoneAutoVerified():
		return []*Problem{warnf("DA010", "accountRecovery", `use "EMAIL_ONLY", or sign in with phone`,
			"%s recovers through a verified phone, but phone numbers are never verified", r)}
	}
	return nil
}
