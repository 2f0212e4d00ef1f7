package config

import (
	"maps"
	"slices"
	"strings"
)

// Triggers connects Cognito's Lambda triggers to functions. A config file names each
// function by its ARN; a Go program may instead attach a CDK function object
// (construct.AuthProps, Auth.AddTrigger), which counts as set for every rule. For
// each trigger the construct writes the pool's LambdaConfig entry and a
// lambda:InvokeFunction permission for cognito-idp.amazonaws.com limited to this
// pool (SourceArn). Default: no triggers.
type Triggers struct {
	// PreSignUp runs before a user is created; it can refuse the sign-up, confirm
	// the user or verify the email or phone without a code.
	PreSignUp string `json:"preSignUp,omitempty"`
	// PostConfirmation runs after a user confirms their account.
	PostConfirmation string `json:"postConfirmation,omitempty"`
	// PreAuthentication runs before each sign-in and can refuse it.
	PreAuthentication string `json:"preAuthentication,omitempty"`
	// PostAuthentication runs after each successful sign-in.
	PostAuthentication string `json:"postAuthentication,omitempty"`
	// PreTokenGeneration changes the claims of the tokens Cognito issues; which
	// tokens depends on PreTokenGenerationVersion.
	PreTokenGeneration string `json:"preTokenGeneration,omitempty"`
	// PreTokenGenerationVersion is the event version sent to PreTokenGeneration:
	// V1_0 (ID token claims only), V2_0 (ID and access token claims and scopes) or
	// V3_0 (V2_0 also for machine-to-machine tokens). V2_0 and V3_0 need the
	// ESSENTIALS or PLUS feature plan (rule R17). Default: V1_0.
	PreTokenGenerationVersion TokenEventVersion `json:"preTokenGenerationVersion,omitempty"`
	// CustomMessage writes the texts of verification, invitation and MFA messages.
	CustomMessage string `json:"customMessage,omitempty"`
	// UserMigration signs in users who are not in the pool yet by checking them
	// against your old user store; it needs the password, so the web client must
	// allow USER_PASSWORD_AUTH (webClient.userPasswordAuth, rule R19).
	UserMigration string `json:"userMigration,omitempty"`
	// DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse
	// implement a custom challenge together: set all three or none (rule R16).
	// With them the web client also allows CUSTOM_AUTH.
	DefineAuthChallenge string `json:"defineAuthChallenge,omitempty"`
	// CreateAuthChallenge creates the challenge (see DefineAuthChallenge).
	CreateAuthChallenge string `json:"createAuthChallenge,omitempty"`
	// VerifyAuthChallengeResponse checks the answer (see DefineAuthChallenge).
	VerifyAuthChallengeResponse string `json:"verifyAuthChallengeResponse,omitempty"`
	// InboundFederation sees what an external identity provider sends before
	// Cognito creates or updates the federated user, and may add, change or drop
	// attributes (event version V1_0, the only one). It runs only for external
	// providers (a warning without any, DA020).
	InboundFederation string `json:"inboundFederation,omitempty"`
}

// TokenEventVersion is the version of the pre token generation event.
type TokenEventVersion string

// The pre token generation event versions.
const (
	TokenEventV1 TokenEventVersion = "V1_0"
	TokenEventV2 TokenEventVersion = "V2_0"
	TokenEventV3 TokenEventVersion = "V3_0"
)

var tokenEventVersions = []TokenEventVersion{TokenEventV1, TokenEventV2, TokenEventV3}

// CustomSender sends the pool's email or SMS messages through your Lambda function
// instead of Cognito, SES or SNS. Cognito encrypts the codes in each message with a
// KMS key the function decrypts; both senders must use the same key (rule R18).
type CustomSender struct {
	// Handler is the function's ARN. Go programs may attach a function object
	// instead (construct.AuthProps).
	Handler string `json:"handler,omitempty"`
	// KMSKeyArn is the ARN of the symmetric KMS key Cognito encrypts codes with.
	// Go programs may pass a key object instead (construct.AuthProps.SenderKey).
	KMSKeyArn string `json:"kmsKeyArn,omitempty"`
}

// WebClient adjusts the web app client.
type WebClient struct {
	// UserPasswordAuth also allows the USER_PASSWORD_AUTH flow, in which the app
	// sends the password itself (over TLS) instead of an SRP proof. Only the
	// userMigration trigger needs it, to check the password against the old store.
	// Default: false (SRP and refresh tokens only).
	UserPasswordAuth bool `json:"userPasswordAuth,omitempty"`
}

// Trigger names one place a Lambda function plugs into the pool: a trigger (by its
// field name in Triggers) or a custom sender.
type Trigger string

// The triggers and senders, by their config names.
const (
	PreSignUp                   Trigger = "preSignUp"
	PostConfirmation            Trigger = "postConfirmation"
	PreAuthentication           Trigger = "preAuthentication"
	PostAuthentication          Trigger = "postAuthentication"
	PreTokenGeneration          Trigger = "preTokenGeneration"
	CustomMessage               Trigger = "customMessage"
	UserMigration               Trigger = "userMigration"
	DefineAuthChallenge         Trigger = "defineAuthChallenge"
	CreateAuthChallenge         Trigger = "createAuthChallenge"
	VerifyAuthChallengeResponse Trigger = "verifyAuthChallengeResponse"
	CustomEmailSender           Trigger = "customEmailSender"
	CustomSMSSender             Trigger = "customSmsSender"
	InboundFederation           Trigger = "inboundFederation"
)

// triggerInfo says where a Trigger lives in the config.
type triggerInfo struct {
	name Trigger
	path string // JSON path of its ARN
	arn  func(c *Config) string
}

var triggerTable = []triggerInfo{
	{PreSignUp, "triggers.preSignUp", func(c *Config) string { return c.Triggers.PreSignUp }},
	{PostConfirmation, "triggers.postConfirmation", func(c *Config) string { return c.Triggers.PostConfirmation }},
	{PreAuthentication, "triggers.preAuthentication", func(c *Config) string { return c.Triggers.PreAuthentication }},
	{PostAuthentication, "triggers.postAuthentication", func(c *Config) string { return c.Triggers.PostAuthentication }},
	{PreTokenGeneration, "triggers.preTokenGeneration", func(c *Config) string { return c.Triggers.PreTokenGeneration }},
	{CustomMessage, "triggers.customMessage", func(c *Config) string { return c.Triggers.CustomMessage }},
	{UserMigration, "triggers.userMigration", func(c *Config) string { return c.Triggers.UserMigration }},
	{DefineAuthChallenge, "triggers.defineAuthChallenge", func(c *Config) string { return c.Triggers.DefineAuthChallenge }},
	{CreateAuthChallenge, "triggers.createAuthChallenge", func(c *Config) string { return c.Triggers.CreateAuthChallenge }},
	{VerifyAuthChallengeResponse, "triggers.verifyAuthChallengeResponse", func(c *Config) string { return c.Triggers.VerifyAuthChallengeResponse }},
	{CustomEmailSender, "senders.customEmail.handler", func(c *Config) string {
		if s := c.Senders.CustomEmail; s != nil {
			return s.Handler
		}
		return ""
	}},
	{CustomSMSSender, "senders.customSms.handler", func(c *Config) string {
		if s := c.Senders.CustomSMS; s != nil {
			return s.Handler
		}
		return ""
	}},
	{InboundFederation, "triggers.inboundFederation", func(c *Config) string { return c.Triggers.InboundFederation }},
}

// AllTriggers lists every trigger and sender, in the order the template lists them.
func AllTriggers() []Trigger {
	out := make([]Trigger, len(triggerTable))
	for i, t := range triggerTable {
		out[i] = t.name
	}
	return out
}

func lookupTrigger(t Trigger) (triggerInfo, bool) {
	i := slices.IndexFunc(triggerTable, func(x triggerInfo) bool { return x.name == t })
	if i < 0 {
		return triggerInfo{}, false
	}
	return triggerTable[i], true
}

// Known reports whether t is one of the triggers and senders.
func (t Trigger) Known() bool { _, ok := lookupTrigger(t); return ok }

// TriggerARN returns the ARN the config names for t ("" when none).
func (c *Config) TriggerARN(t Trigger) string {
	if i, ok := lookupTrigger(t); ok {
		return i.arn(c)
	}
	return ""
}

// Attached returns the label of the Go function attached to t ("" when none).
func (c *Config) Attached(t Trigger) string { return c.attached[t] }

// HasTrigger reports whether t is set: by ARN or by an attached Go function.
func (c *Config) HasTrigger(t Trigger) bool { return c.TriggerARN(t) != "" || c.attached[t] != "" }

// Attach records that a Go program attached a function object to t; label names
// it in messages (its construct path). The rules then count t as set. It is how the
// construct tells the config about CDK objects a JSON file cannot hold; the config
// Attach is called on is changed, copies made before are not.
func (c *Config) Attach(t Trigger, label string) {
	m := maps.Clone(c.attached)
	if m == nil {
		m = map[Trigger]string{}
	}
	m[t] = label
	c.attached = m
}

// AttachSenderKey records that a Go program passed a KMS key object for the custom
// senders; label names it in messages.
func (c *Config) AttachSenderKey(label string) { c.attachedKey = label }

// SenderKeyARN is the KMS key ARN the custom senders use: the email sender's, else
// the SMS sender's ("" when neither names one).
func (c *Config) SenderKeyARN() string {
	for _, s := range []*CustomSender{c.Senders.CustomEmail, c.Senders.CustomSMS} {
		if s != nil && s.KMSKeyArn != "" {
			return s.KMSKeyArn
		}
	}
	return ""
}

// HasSenderKey reports whether the custom senders have a key, by ARN or object.
func (c *Config) HasSenderKey() bool { return c.SenderKeyARN() != "" || c.attachedKey != "" }

// ResolvedTokenEventVersion is PreTokenGenerationVersion or its default, V1_0.
func (c *Config) ResolvedTokenEventVersion() TokenEventVersion {
	if c.Triggers.PreTokenGenerationVersion == "" {
		return TokenEventV1
	}
	return c.Triggers.PreTokenGenerationVersion
}

// CustomChallenge reports whether any of the three custom challenge triggers is set;
// the web client then allows CUSTOM_AUTH.
func (c *Config) CustomChallenge() bool {
	return c.HasTrigger(DefineAuthChallenge) || c.HasTrigger(CreateAuthChallenge) || c.HasTrigger(VerifyAuthChallengeResponse)
}

// The ARN patterns, compiled on first use: their bounded repetitions are costly to
// compile, and most runs of the command never need them.
var (
	lambdaARN = lazyRegexp(`^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$`)
	kmsKeyARN = lazyRegexp(`^arn:aws[a-z-]*:kms:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:key/[A-Za-z0-9-]{1,128}$`)
)

func checkTriggers(c *Config) []*Problem {
	var out []*Problem
	for _, t := range triggerTable {
		arn := t.arn(c)
		if arn != "" && c.attached[t.name] != "" {
			out = append(out, problemf("DA013", t.path, "name the function once: remove the ARN from the config, or do not attach a function in Go",
				"%s is named by ARN and also attached in Go (%s)", t.name, c.attached[t.name]))
		}
		if arn != "" && !isToken(arn) && !lambdaARN().MatchString(arn) {
			out = append(out, problemf("DA013", t.path, "use a Lambda function ARN: arn:aws:lambda:us-east-1:123456789012:function:name",
				"%s is not a Lambda function ARN", quote(arn)))
		}
	}
	for _, s := range []struct {
		path string
		s    *CustomSender
	}{{"senders.customEmail", c.Senders.CustomEmail}, {"senders.customSms", c.Senders.CustomSMS}} {
		if s.s == nil {
			continue
		}
		if k := s.s.KMSKeyArn; k != "" && !isToken(k) && !kmsKeyARN().MatchString(k) {
			out = append(out, problemf("DA013", s.path+".kmsKeyArn", "use a KMS key ARN: arn:aws:kms:us-east-1:123456789012:key/<key id>",
				"%s is not a KMS key ARN", quote(k)))
		}
		if s.s.KMSKeyArn != "" && c.attachedKey != "" {
			out = append(out, problemf("DA013", s.path+".kmsKeyArn", "name the key once: remove kmsKeyArn, or do not pass a key in Go",
				"the sender key is named by ARN and also passed in Go (%s)", c.attachedKey))
		}
	}
	e, s := c.Senders.CustomEmail, c.Senders.CustomSMS
	if e != nil && s != nil && e.KMSKeyArn != "" && s.KMSKeyArn != "" && e.KMSKeyArn != s.KMSKeyArn {
		out = append(out, problemf("DA013", "senders.customSms.kmsKeyArn", "use the same key for both senders",
			"the custom email and SMS senders name different KMS keys; a pool has one key for both"))
	}
	for _, x := range []struct {
		t    Trigger
		path string
		s    *CustomSender
	}{{CustomEmailSender, "senders.customEmail", e}, {CustomSMSSender, "senders.customSms", s}} {
		if x.s != nil && !c.HasTrigger(x.t) {
			out = append(out, problemf("DA013", x.path+".handler", "add the sender function's ARN, or remove "+x.path,
				"%s has no handler function", x.path))
		}
	}
	if c.Triggers.PreTokenGenerationVersion != "" && !c.HasTrigger(PreTokenGeneration) {
		out = append(out, problemf("DA013", "triggers.preTokenGenerationVersion", "add triggers.preTokenGeneration, or remove the version",
			"preTokenGenerationVersion is set but there is no preTokenGeneration trigger"))
	}
	return out
}

// checkInboundFederationUseful: the inbound federation trigger runs only when users
// sign in through an external provider.
func checkInboundFederationUseful(c *Config) []*Problem {
	if c.HasTrigger(InboundFederation) && len(c.Providers()) == 0 {
		return []*Problem{warnf("DA020", "triggers.inboundFederation", "add an external provider, or remove the trigger",
			"the inbound federation trigger runs only when users sign in through an external provider, and the pool has none")}
	}
	return nil
}

// checkChallengeTriggersTogether: the custom challenge triggers work only together.
func checkChallengeTriggersTogether(c *Config) []*Problem {
	var set, missing []string
	for _, t := range []Trigger{DefineAuthChallenge, CreateAuthChallenge, VerifyAuthChallengeResponse} {
		if c.HasTrigger(t) {
			set = append(set, string(t))
		} else {
			missing = append(missing, string(t))
		}
	}
	if len(set) == 0 || len(missing) == 0 {
		return nil
	}
	return []*Problem{problemf("R16", "triggers", "add "+joinList(missing)+", or remove "+joinList(set),
		"a custom challenge needs defineAuthChallenge, createAuthChallenge and verifyAuthChallengeResponse together; only %s %s set", joinList(set), map[bool]string{true: "is", false: "are"}[len(set) == 1])}
}

// checkTokenEventPlan: the V2 and V3 token events are not on the LITE plan.
func checkTokenEventPlan(c *Config) []*Problem {
	if v := c.ResolvedTokenEventVersion(); v != TokenEventV1 && c.HasTrigger(PreTokenGeneration) && c.ResolvedFeaturePlan() == PlanLite {
		return []*Problem{problemf("R17", "triggers.preTokenGenerationVersion", `set "featurePlan": "ESSENTIALS" (or PLUS), or use V1_0`,
			"pre token generation %s needs the ESSENTIALS or PLUS feature plan, but the plan is LITE", v)}
	}
	return nil
}

// checkSenderKey: custom senders need one KMS key.
func checkSenderKey(c *Config) []*Problem {
	var out []*Problem
	if (c.HasTrigger(CustomEmailSender) || c.HasTrigger(CustomSMSSender)) && !c.HasSenderKey() {
		out = append(out, problemf("R18", "senders", "add kmsKeyArn (a symmetric KMS key the sender function can decrypt with)",
			"a custom sender needs a KMS key to encrypt the codes it is sent; none is given"))
	}
	return out
}

// checkMigrationPassword: user migration with a password needs a flow that sends the password.
func checkMigrationPassword(c *Config) []*Problem {
	if c.HasTrigger(UserMigration) && !c.WebClient.UserPasswordAuth {
		return []*Problem{problemf("R19", "webClient.userPasswordAuth", `set "webClient": {"userPasswordAuth": true}, so sign-in sends the password the trigger checks`,
			"the userMigration trigger never sees a password with SRP sign-in only; users of the old store cannot sign in")}
	}
	return nil
}

func joinList(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// AttachedSenderKey returns the label of the Go KMS key object ("" when none).
func (c *Config) AttachedSenderKey() string { return c.attachedKey }
