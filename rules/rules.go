// Package rules is the catalogue of every rule defineauth checks, in one place: the
// configurations Cognito refuses at deploy time (R), the changes to a deployed pool
// that fail or lose users (U), and defineauth's own checks (DA), each with its
// severity, what happens without the check, and which checker reports it: config
// validation (defineauth validate, the construct, the CDK app), lint (any template)
// or the upgrade check (a change against the deployed template). `defineauth rules`
// prints it, and the README's rule table is generated from it (a test keeps them equal).
package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/upgrade"
)

// The checkers.
const (
	Config  = "config"  // config validation: defineauth validate, construct.NewAuth, the CDK app
	Lint    = "lint"    // defineauth lint, on any CloudFormation template
	Upgrade = "upgrade" // defineauth upgrade-check, the CDK app's -c baseline
)

// Rule is one catalogue entry.
type Rule struct {
	ID          string
	Title       string
	Severity    string // "error", "warning" or "error / warning"
	Consequence string // what Cognito or CloudFormation does without the check
	Checkers    []string
}

// consequences say what happens without each R and DA rule: for R rules, what Cognito
// says or does (the service errors CloudFormation shows when the stack fails); for
// DA rules, what defineauth's own check prevents. (The U rules carry theirs.)
var consequences = map[string]string{
	"R1":    "\"Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.\"",
	"R2":    "\"Invalid MFA configuration given, can't turn off MFA and configure an MFA together.\"",
	"R3":    "\"SMS configuration and Auto verification for phone_number are required when MFA is required/optional\"",
	"R4":    "\"SMS configuration is required when phone_number is selected for auto verification\"",
	"R5":    "\"Can't turn off SMS_MFA when SMS configuration is set for the user pool\"",
	"R6":    "\"Invalid account recovery setting parameter. Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when SMS MFA is configured.\"",
	"R7":    "the pool fails to create, with the R3 message",
	"R8":    "the service refuses email MFA without an SES sender, or on the LITE plan",
	"R9":    "the service refuses the message",
	"R10":   "\"All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes\"",
	"R11":   "\"Role does not have a trust relationship allowing Cognito to assume the role\"",
	"R13":   "deploys, but users without a phone number cannot sign in (MFAMethodNotFoundException in the client)",
	"R14":   "deploys, but every later update fails: \"Invalid AttributeDataType input, consider using the provided AttributeDataType enum.\"",
	"R15":   "the service refuses threat protection on the LITE and ESSENTIALS plans",
	"R16":   "sign-in with CUSTOM_AUTH cannot complete: the challenge is defined, created and verified by three triggers together",
	"R17":   "the service refuses the V2_0 and V3_0 token events on the LITE plan",
	"R18":   "the service refuses a custom sender without LambdaConfig.KMSKeyID",
	"R19":   "deploys, but users still in the old store cannot sign in: with SRP sign-in the migration trigger gets no password",
	"R12":   "the service refuses passwordless first factors with MFA required",
	"R21":   "the service refuses the message, or (a message without its code or link) users cannot verify or sign in",
	"R22":   "the service refuses the invitation, or invited users never learn their user name or temporary password",
	"R23":   "the service refuses passwordless sign-in on the LITE plan",
	"R24":   "codes that cannot be sent: Cognito sends email codes only through SES, SMS codes only with an SMS configuration",
	"R25":   "the service refuses a sign-in policy without PASSWORD",
	"R26":   "passkeys that fail to register or to sign in: the relying party must be the front end's domain",
	"R27":   "a setting that does nothing for passwordless sign-in",
	"R28":   "deploys, but every sign-up fails: the verification link points at a user pool domain that does not exist",
	"R29":   "the service refuses http (but for localhost) and relative URLs; without a callback URL the hosted sign-in cannot return",
	"R30":   "the service refuses the domain; without one, external sign-in has no hosted sign-in to go through",
	"R31":   "the service (or the provider) refuses the scopes",
	"R32":   "deploys, but the second federated sign-in of every user fails updating an immutable or missing attribute",
	"R33":   "the service refuses an OIDC issuer that is not https",
	"R34":   "the service refuses the SAML provider",
	"R35":   "the service refuses a provider without its client id, secret or (Apple) key details",
	"R36":   "a setting that does not protect federated users",
	"R37":   "a provider secret readable by anyone who can read the template or the stack",
	"R38":   "the service refuses the value (InvalidParameterException, or CloudFormation's schema validation); limits generated from the Cognito API models and the CloudFormation registry schemas",
	"R20":   "deploys, but every call of the trigger fails (Cognito may not invoke the function): for a pre sign-up trigger, nobody can sign up",
	"DA001": "a name Cognito or CloudFormation refuses, or a stack name past 128 characters, found at deploy time",
	"DA002": "a pool nobody can sign in to",
	"DA003": "an unknown value read as the default (Amplify's construct makes MFA OFF from \"MANDATORY\")",
	"DA004": "a password policy Cognito refuses, or a weak one",
	"DA005": "attributes Cognito refuses, or that break sign-in",
	"DA006": "senders that fail at deploy time or at the first message",
	"DA007": "groups that fail to create, or collide",
	"DA008": "a setting that does nothing",
	"DA009": "a pool that can be deleted with its users",
	"DA010": "users who cannot reset their own passwords",
	"DA011": "a rename of the file or construct that would move the stack, and so the pool",
	"DA012": "a stack CloudFormation refuses (more than 500 resources, or a template over 1 MB)",
	"DA019": "a stack that cannot deploy: Cognito cannot use a function, key or role of another partition",
	"DA014": "options silently ignored because their setting is off",
	"DA015": "a front end that offers first a factor users cannot use",
	"DA016": "deploys, but every sign-up fails: the verification link needs a user pool domain",
	"DA017": "a provider Cognito refuses, a secret that cannot be resolved, or a pool nobody can sign in to",
	"DA018": "external providers with no hosted domain to sign in through",
	"DA013": "a trigger or key Cognito refuses at deploy time, or one function named twice (which of the two is meant?)",
	"DA100": "a file read differently from how it was reviewed, or not at all",
	"DA101": "a misspelt field silently ignored",
	"DA102": "a value of the wrong type silently read as another",
	"DA103": "a file reviewed with one value and deployed with the other (JSON readers keep one of two duplicate members)",
	"DA104": "an explicit value silently replaced by the default",
	"DA105": "a CDK error at synth, or a literal token in the template",
	"DA200": "a value Cognito refuses where the CloudFormation schema has no list of values",
}

// lintRules are the rules defineauth lint reports on templates.
var lintRules = []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R13", "R14", "R15", "R12", "R16", "R17", "R18", "R19", "R20", "R21", "R22", "R23", "R24", "R25", "R26", "R27", "R28", "R29", "R30", "R31", "R32", "R33", "R34", "R35", "R36", "R37", "R38", "DA200"}

// extra are the rules no config rule reports, with their own titles and severities.
var extra = []Rule{
	{ID: "R14", Title: "standard attributes in Schema without AttributeDataType (lint only: defineauth always writes it)", Severity: "error"},
	{ID: "R20", Title: "a trigger function Cognito may not invoke: no lambda:InvokeFunction permission for cognito-idp.amazonaws.com in the template (lint only: defineauth always writes it; a warning when the function is outside the template)", Severity: "error / warning"},
	{ID: "R25", Title: "PASSWORD left out of the allowed first factors (lint only: defineauth always keeps it)", Severity: "error"},
	{ID: "R28", Title: "link verification without a user pool domain in the template (lint; in a config, DA016)", Severity: "warning"},
	{ID: "R37", Title: "a provider secret in clear in the template (lint only: defineauth writes dynamic references)", Severity: "error"},
	{ID: "DA200", Title: "template values Cognito does not accept where the schema has no enum (MfaConfiguration, EnabledMfas, recovery mechanisms, ...)", Severity: "error"},
}

// All returns the catalogue: the R rules in number order, then the U rules, then the
// DA rules in number order.
func All() []Rule {
	var out []Rule
	add := func(r Rule) { // a rule several checkers report is one entry
		if i := slices.IndexFunc(out, func(o Rule) bool { return o.ID == r.ID }); i >= 0 {
			out[i].Checkers = append(out[i].Checkers, r.Checkers...)
			return
		}
		out = append(out, r)
	}
	for _, r := range config.Rules() {
		add(Rule{ID: r.ID, Title: r.Summary, Severity: r.Severity, Consequence: consequences[r.ID], Checkers: []string{Config}})
	}
	for _, r := range extra {
		r.Consequence = consequences[r.ID]
		add(r)
	}
	for _, id := range lintRules {
		add(Rule{ID: id, Checkers: []string{Lint}})
	}
	for _, r := range upgrade.Rules {
		add(Rule{ID: r.ID, Title: r.Title, Severity: string(r.Severity), Consequence: r.Consequence, Checkers: []string{Upgrade}})
	}
	slices.SortStableFunc(out, func(a, b Rule) int {
		if d := kind(a.ID) - kind(b.ID); d != 0 {
			return d
		}
		return number(a.ID) - number(b.ID)
	})
	return out
}

func kind(id string) int { return strings.Index("RUD", id[:1]) }

func number(id string) int {
	n, _ := strconv.Atoi(strings.TrimLeft(id, "RUDA"))
	return n
}

// Table renders the catalogue as the README's Markdown table.
func Table() string {
	var b strings.Builder
	b.WriteString("| id | severity | checked by | what it catches | without the check |\n|---|---|---|---|---|\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.ID, r.Severity, strings.Join(r.Checkers, ", "), escape(r.Title), escape(r.Consequence))
	}
	return b.String()
}

// escape keeps a cell in its column.
func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
