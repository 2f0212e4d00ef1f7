package lint

import "slices"

// Rule is one rule lint reports: its id and the severities its findings have. A
// rule lint alone checks also has its title and its consequence here; for a rule
// config validation checks too, those are the config rule's (config.Rules), so each
// rule's words have one home. The catalogue (package rules) joins the tables.
type Rule struct {
	ID       string
	Severity string // "error", "warning" or "error / warning"
	// Title and Consequence: only for rules lint alone checks.
	Title, Consequence string
}

const (
	sevError   = "error"
	sevWarning = "warning"
	sevBoth    = "error / warning"
)

// table lists every rule lint reports, in the catalogue's words where lint alone
// checks it; a test fails on a finding whose rule or severity is not here.
var table = []Rule{
	{ID: "R1", Severity: sevError}, {ID: "R2", Severity: sevError}, {ID: "R3", Severity: sevError},
	{ID: "R4", Severity: sevError}, {ID: "R5", Severity: sevError}, {ID: "R6", Severity: sevError},
	{ID: "R7", Severity: sevError}, {ID: "R8", Severity: sevError}, {ID: "R9", Severity: sevError},
	{ID: "R10", Severity: sevError}, {ID: "R11", Severity: sevError}, {ID: "R12", Severity: sevError},
	{ID: "R13", Severity: sevBoth},
	{ID: "R14", Severity: sevError, Title: "standard attributes in Schema without AttributeDataType (lint only: defineauth always writes it)",
		Consequence: "deploys, but every later update fails: \"Invalid AttributeDataType input, consider using the provided AttributeDataType enum.\""},
	{ID: "R15", Severity: sevError}, {ID: "R16", Severity: sevError}, {ID: "R17", Severity: sevError},
	{ID: "R18", Severity: sevError}, {ID: "R19", Severity: sevError},
	{ID: "R20", Severity: sevBoth, Title: "a trigger function Cognito may not invoke: no lambda:InvokeFunction permission for cognito-idp.amazonaws.com in the template (lint only: defineauth always writes it; a warning when the function is outside the template)",
		Consequence: "deploys, but every call of the trigger fails (Cognito may not invoke the function): for a pre sign-up trigger, nobody can sign up"},
	{ID: "R21", Severity: sevError}, {ID: "R22", Severity: sevError}, {ID: "R23", Severity: sevError},
	{ID: "R24", Severity: sevError},
	{ID: "R25", Severity: sevError, Title: "PASSWORD left out of the allowed first factors (lint only: defineauth always keeps it)",
		Consequence: "the service refuses a sign-in policy without PASSWORD"},
	{ID: "R26", Severity: sevBoth}, {ID: "R27", Severity: sevWarning},
	{ID: "R28", Severity: sevWarning, Title: "link verification without a user pool domain in the template (lint; in a config, DA016)",
		Consequence: "deploys, but every sign-up fails: the verification link points at a user pool domain that does not exist"},
	{ID: "R29", Severity: sevError}, {ID: "R30", Severity: sevError}, {ID: "R31", Severity: sevError},
	{ID: "R32", Severity: sevError}, {ID: "R33", Severity: sevError}, {ID: "R34", Severity: sevError},
	{ID: "R35", Severity: sevError}, {ID: "R36", Severity: sevWarning},
	{ID: "R37", Severity: sevError, Title: "a provider secret in clear in the template (lint only: defineauth writes dynamic references)",
		Consequence: "a provider secret readable by anyone who can read the template or the stack"},
	{ID: "R38", Severity: sevError}, {ID: "R39", Severity: sevError}, {ID: "R40", Severity: sevError}, {ID: "R41", Severity: sevError},
	{ID: "DA200", Severity: sevError, Title: "template values Cognito does not accept where the schema has no enum (MfaConfiguration, EnabledMfas, recovery mechanisms, ...)",
		Consequence: "a value Cognito refuses where the CloudFormation schema has no list of values"},
}

// Rules returns lint's rule table (a copy).
func Rules() []Rule { return slices.Clone(table) }
