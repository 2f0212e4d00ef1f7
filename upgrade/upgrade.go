// Package upgrade checks a change before it is deployed: the template that is
// deployed against the template about to be deployed. It finds the changes Cognito
// refuses (the update fails and the stack rolls back) and the ones that succeed but
// lose users, memberships, client ids or identity ids, and says for each how to make
// the change safely instead.
//
// It works on any CloudFormation templates (CDK in any language, Amplify,
// hand-written; JSON or YAML), pairing resources by logical id and type, and it
// resolves values with the same caution as defineauth lint: what an intrinsic
// function decides (Fn::If, a Ref to a parameter without default) is never guessed.
// It is pure Go.
package upgrade

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/cognito"
	"github.com/defineauth/defineauth/internal/strictjson"
)

// Severity says whether a finding stops the deploy.
type Severity string

// The severities.
const (
	// Error: Cognito refuses the change, or it loses users or data.
	Error Severity = "error"
	// Warning: the change works, but has a consequence worth a decision.
	Warning Severity = "warning"
)

// Finding is one hazard of a change.
type Finding struct {
	Rule      string   // stable id: U1, U2, ...
	Severity  Severity // Error or Warning
	Resources []string // logical ids involved: the deployed one first
	Change    string   // what changes
	Effect    string   // what deploying it does
	Fix       string   // how to make the change safely instead
}

// String formats the finding on one line.
func (f Finding) String() string {
	sev := ""
	if f.Severity == Warning {
		sev = " warning"
	}
	return fmt.Sprintf("%s%s %s: %s: %s Fix: %s", f.Rule, sev, strings.Join(f.Resources, " -> "), f.Change, f.Effect, f.Fix)
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity == Error })
}

// Rule describes one hazard the check reports.
type Rule struct {
	ID, Title   string
	Severity    Severity
	Consequence string // what deploying such a change does
}

// Rules returns every hazard, by id (a copy of the table). Their ids are stable.
func Rules() []Rule { return slices.Clone(table) }

// table lists every hazard the check reports; a test fails on a finding whose rule
// or severity is not here.
var table = []Rule{
	{"U1", "MFA turned to REQUIRED on an existing pool", Error, "Cognito refuses it (\"Cannot turn MFA functionality ON, once the user pool has been created\"); the stack rolls back"},
	{"U2", "an MFA method removed while MFA stays on", Warning, "users enrolled in it lose it (with an SMS configuration still set, removing SMS also trips R5)"},
	{"U3", "sign-in identifiers (UsernameAttributes, AliasAttributes) changed", Error, "Cognito cannot change them on an existing pool; the stack rolls back"},
	{"U4", "username case sensitivity changed", Error, "Cognito cannot change it on an existing pool; the stack rolls back"},
	{"U5", "a schema attribute removed or changed, or a required one added", Error, "Cognito refuses it (\"Existing schema attributes cannot be modified or deleted\"); the stack rolls back (a new optional custom attribute is fine)"},
	{"U6", "the user pool's logical id (or the stack) changes, or the pool leaves the stack", Error, "a new, empty pool; the old one is orphaned with every user (Retain) or deleted with them"},
	{"U7", "an app client replaced (GenerateSecret or UserPoolId changed, or a new logical id)", Error, "a new client id: every deployed front end stops signing users in until rebuilt"},
	{"U8", "the SMS role replaced while the pool stays", Warning, "the pool moves to the new role in the same update; SMS works only if the new role trusts Cognito with the pool's external id"},
	{"U9", "a group renamed or removed (GroupName is create-only)", Error, "a new, empty group: every membership is lost"},
	{"U10", "the identity pool replaced (a new logical id) or removed", Error, "every user gets a new identity id; per-user data keyed by it is orphaned"},
	{"U11", "deletion protection turned off, or the pool's Retain policy turned to Delete", Warning, "the pool and its users can be deleted with the stack or by a replacement"},
	{"U12", "an IAM role's RoleName or Path changed", Warning, "the role is replaced: its ARN changes for anything outside the stack"},
	{"U13", "a user pool domain changed", Error, "the hosted sign-in and OAuth URLs move"},
	{"U14", "an identity provider renamed, removed or given a new logical id (ProviderName, ProviderType are create-only)", Error, "linked users are no longer linked (their next sign-in creates new users), or the update fails on the duplicate name"},
	{"U15", "the passkey relying party id changed or removed", Error, "every passkey users registered is bound to the old id and stops working; users must sign in another way and register again"},
	{"U16", "threat protection weakened (ENFORCED to AUDIT or OFF, AUDIT to OFF)", Warning, "risky sign-ins are no longer blocked (or no longer logged): the protection the pool had is gone"},
	{"U17", "password history shortened or removed", Warning, "users may again reuse passwords the longer history refused"},
	{"U18", "the pool's AWS WAF web ACL association removed, or replaced (another web ACL)", Warning, "the pool loses its web ACL: removed, nothing inspects its requests; replaced, CloudFormation deletes the old association after creating the new one, and a pool has one association, so it may be left without one"},
}

// Check parses both templates (JSON or YAML) and compares them.
func Check(deployed, next []byte) ([]Finding, error) {
	d, err := cfn.Parse(deployed)
	if err != nil {
		return nil, fmt.Errorf("the deployed template: %w", err)
	}
	n, err := cfn.Parse(next)
	if err != nil {
		return nil, fmt.Errorf("the new template: %w", err)
	}
	return compare(d, n), nil
}

// compare returns every hazard of replacing the deployed template with next, sorted
// by rule number, then resource.
func compare(deployed, next *cfn.Template) []Finding {
	c := &change{old: deployed, new: next}
	c.pools()
	c.clients()
	c.groups()
	c.identityPools()
	c.webACLs()
	c.providers()
	c.createOnly()
	slices.SortStableFunc(c.out, func(a, b Finding) int {
		if d := ruleNumber(a.Rule) - ruleNumber(b.Rule); d != 0 {
			return d
		}
		return strings.Compare(strings.Join(a.Resources, " "), strings.Join(b.Resources, " "))
	})
	return c.out
}

func ruleNumber(id string) int {
	n := 0
	fmt.Sscanf(strings.TrimPrefix(id, "U"), "%d", &n)
	return n
}

// change is one comparison in progress.
type change struct {
	old, new *cfn.Template
	out      []Finding
}

func (c *change) add(rule string, sev Severity, resources []string, change, effect, fix string) {
	c.out = append(c.out, Finding{Rule: rule, Severity: sev, Resources: resources, Change: change, Effect: effect, Fix: fix})
}

// gone and added return the ids of typ only in the deployed or only in the new
// template (an id whose type changed counts as both).
func (c *change) gone(typ string) []string {
	return slices.DeleteFunc(c.old.OfType(typ), func(id string) bool { return c.new.Resources[id].Type == typ })
}

func (c *change) added(typ string) []string {
	return slices.DeleteFunc(c.new.OfType(typ), func(id string) bool { return c.old.Resources[id].Type == typ })
}

// kept returns the ids of typ in both templates.
func (c *change) kept(typ string) []string {
	return slices.DeleteFunc(c.old.OfType(typ), func(id string) bool { return c.new.Resources[id].Type != typ })
}

const (
	userPool          = "AWS::Cognito::UserPool"
	client            = "AWS::Cognito::UserPoolClient"
	group             = "AWS::Cognito::UserPoolGroup"
	identityPool      = "AWS::Cognito::IdentityPool"
	webACLAssociation = "AWS::WAFv2::WebACLAssociation"
	role              = "AWS::IAM::Role"
)

// pools checks every user pool: replaced or removed (U6), and, for a pool in both
// templates, the changes Cognito refuses or that users feel.
func (c *change) pools() {
	gone, added := c.gone(userPool), c.added(userPool)
	for i, id := range gone {
		fate := "deleted with every user in it"
		if c.old.Resources[id].DeletionPolicy == "Retain" {
			fate = "orphaned (retained) with every user in it"
		}
		if i < len(added) {
			c.add("U6", Error, []string{id, added[i]}, cfn.Sayf("the user pool's logical id changes from %s to %s", id, added[i]),
				"CloudFormation creates a new, empty pool and the app points at it; the old pool is "+fate,
				cfn.Sayf("keep the logical id: keep the construct id and path, or pin it (CDK: OverrideLogicalId(%q) on the pool's CfnUserPool)", id))
			continue
		}
		c.add("U6", Error, []string{id}, "the user pool leaves the stack", "the pool is "+fate,
			"keep the pool in the template; to retire it, first make sure its DeletionPolicy is Retain and deploy that")
	}
	for _, id := range c.kept(userPool) {
		c.pool(id)
	}
}

// pool compares one user pool present in both templates.
func (c *change) pool(id string) {
	o, n := c.old.Resources[id], c.new.Resources[id]
	op, np := o.Properties, n.Properties
	ids := []string{id}

	// U1: MFA to REQUIRED.
	oldMFA, okOld := strOr(c.old, op["MfaConfiguration"], "OFF")
	newMFA, okNew := strOr(c.new, np["MfaConfiguration"], "OFF")
	if okOld && okNew && oldMFA != "ON" && newMFA == "ON" {
		c.add("U1", Error, ids, cfn.Sayf("MfaConfiguration changes from %s to ON", oldMFA),
			"Cognito refuses it (\"Cannot turn MFA functionality ON, once the user pool has been created\"): the update fails and the stack rolls back",
			"keep OPTIONAL and require MFA in the app (ask users to enrol at sign-in), or create a new pool with MFA REQUIRED and migrate users to it")
	}

	// U2: an MFA method removed while MFA stays on.
	if okOld && okNew && oldMFA != "OFF" && newMFA != "OFF" {
		oldMethods, k1 := c.old.List(op["EnabledMfas"])
		newMethods, k2 := c.new.List(np["EnabledMfas"])
		if k1 && k2 {
			for _, m := range oldMethods {
				if !slices.Contains(newMethods, m) {
					c.add("U2", Warning, ids, cfn.Sayf("%s is no longer an MFA method", m),
						"users who enrolled in it lose it: with MFA ON they must set up another method at their next sign-in; with OPTIONAL they sign in without MFA until they do",
						"keep the method until users have moved to another (updateMFAPreference), then remove it")
				}
			}
		}
	}

	// U3: sign-in identifiers.
	for _, key := range []string{"UsernameAttributes", "AliasAttributes"} {
		ol, k1 := c.old.List(op[key])
		nl, k2 := c.new.List(np[key])
		if k1 && k2 && !sameSet(ol, nl) {
			c.add("U3", Error, ids, cfn.Sayf("%s change from %s to %s", key, list(ol), list(nl)),
				"Cognito cannot change how users sign in to an existing pool: the update fails and the stack rolls back",
				"keep the sign-in attributes; a new way to sign in needs a new pool, with a user migration trigger to move users on their next sign-in")
		}
	}

	// U4: username case sensitivity (absent: case sensitive, Cognito's API default).
	oc, k1 := boolOr(c.old, cfn.Object(op["UsernameConfiguration"])["CaseSensitive"], true)
	nc, k2 := boolOr(c.new, cfn.Object(np["UsernameConfiguration"])["CaseSensitive"], true)
	if k1 && k2 && oc != nc {
		c.add("U4", Error, ids, cfn.Sayf("username case sensitivity changes from %v to %v", oc, nc),
			"Cognito cannot change it for an existing pool: the update fails and the stack rolls back",
			"keep UsernameConfiguration.CaseSensitive as deployed")
	}

	// U5: schema attributes.
	c.schema(id, op["Schema"], np["Schema"])

	// U15: the passkey relying party (passkeys are bound to it).
	if oldRP, ok := c.old.Str(op["WebAuthnRelyingPartyID"]); ok && oldRP != "" {
		newRP, known := c.new.Str(np["WebAuthnRelyingPartyID"])
		if np["WebAuthnRelyingPartyID"] == nil {
			newRP, known = "(none)", true
		}
		if known && newRP != oldRP {
			c.add("U15", Error, ids, cfn.Sayf("WebAuthnRelyingPartyID changes from %s to %s", oldRP, newRP),
				cfn.Sayf("every passkey registered so far is bound to %s and stops working: users must sign in another way and register a new passkey", oldRP),
				cfn.Sayf("keep the relying party id as deployed; if the front end moves, keep serving sign-in from %s until users have registered new passkeys", oldRP))
		}
	}

	// U8: the SMS role the pool uses is replaced (a new logical id, or a create-only
	// property of the role changed).
	oldRole, newRole := roleRef(op), roleRef(np)
	if oldRole != "" && newRole != "" && oldRole != newRole {
		c.add("U8", Warning, []string{oldRole, newRole}, cfn.Sayf("the pool %s sends SMS through a new role", id), smsRoleEffect, smsRoleFix)
	}

	// U16: threat protection weakened (absent is OFF).
	strength := map[string]int{"OFF": 0, "AUDIT": 1, "ENFORCED": 2}
	om, k1 := strOr(c.old, cfn.Object(op["UserPoolAddOns"])["AdvancedSecurityMode"], "OFF")
	nm, k2 := strOr(c.new, cfn.Object(np["UserPoolAddOns"])["AdvancedSecurityMode"], "OFF")
	if so, ok := strength[om]; ok && k1 && k2 {
		if sn, ok := strength[nm]; ok && sn < so {
			c.add("U16", Warning, ids, cfn.Sayf("threat protection changes from %s to %s", om, nm),
				map[bool]string{true: "risky sign-ins are no longer blocked or challenged; they are only logged", false: "sign-ins are no longer assessed for risk at all"}[nm == "AUDIT"],
				"keep AdvancedSecurityMode as deployed unless giving up the protection is intended")
		}
	}

	// U17: password history shortened (absent is 0: none).
	oh, k1 := historyOf(c.old, op)
	nh, k2 := historyOf(c.new, np)
	if k1 && k2 && nh < oh {
		c.add("U17", Warning, ids, cfn.Sayf("PasswordHistorySize changes from %d to %d", oh, nh),
			"users may again choose passwords the longer history refused",
			"keep the history as deployed unless shortening it is intended")
	}

	// U11: deletion protection and removal policy.
	od, k1 := strOr(c.old, op["DeletionProtection"], "INACTIVE")
	nd, k2 := strOr(c.new, np["DeletionProtection"], "INACTIVE")
	if k1 && k2 && od == "ACTIVE" && nd != "ACTIVE" {
		c.add("U11", Warning, ids, "deletion protection is turned off",
			"the pool can now be deleted, with every user in it, by a stack deletion or a mistaken update",
			"keep DeletionProtection ACTIVE on a pool with real users")
	}
	for _, p := range []struct{ name, old, new string }{{"DeletionPolicy", o.DeletionPolicy, n.DeletionPolicy}, {"UpdateReplacePolicy", o.UpdateReplacePolicy, n.UpdateReplacePolicy}} {
		if p.old == "Retain" && p.new != "Retain" {
			c.add("U11", Warning, ids, cfn.Sayf("%s changes from Retain to %s", p.name, orDelete(p.new)),
				"the pool and every user in it are deleted when it leaves the stack or is replaced",
				"keep "+p.name+" Retain on a pool with real users")
		}
	}
}

const smsRoleEffect = "CloudFormation creates the new role, points the pool's SmsConfiguration at it in the same update, then deletes the old role (unless it is retained): SMS keeps working only if the new role trusts cognito-idp.amazonaws.com with the pool's external id; if the update fails, the rollback restores the old role"

const smsRoleFix = "keep the role's logical id and name; if the change is intended, deploy it when no SMS is expected, and check the new role's trust policy first (defineauth lint, R11)"

// roleRef returns the logical id of the role a pool's SmsConfiguration names with
// Fn::GetAtt, or "".
func roleRef(props map[string]any) string {
	att, ok := cfn.Object(cfn.Object(props["SmsConfiguration"])["SnsCallerArn"])["Fn::GetAtt"].([]any)
	if !ok || len(att) != 2 {
		return ""
	}
	id, _ := att[0].(string)
	return id
}

// schemaEntry is one attribute of a pool's Schema, with Cognito's defaults filled.
type schemaEntry struct {
	raw      map[string]any
	dataType string
	required bool
	mutable  bool
	known    bool
}

func entries(t *cfn.Template, schema any) map[string]schemaEntry {
	out := map[string]schemaEntry{}
	for _, e := range cfn.ListOf(schema) {
		m := cfn.Object(e)
		name, ok := t.Str(m["Name"])
		if !ok {
			continue
		}
		dt, k1 := strOr(t, m["AttributeDataType"], "String")
		req, k2 := boolOr(t, m["Required"], false)
		mut, k3 := boolOr(t, m["Mutable"], true)
		out[name] = schemaEntry{raw: m, dataType: dt, required: req, mutable: mut, known: k1 && k2 && k3}
	}
	return out
}

// schema compares the Schema of a pool present in both templates (U5).
func (c *change) schema(id string, oldSchema, newSchema any) {
	if !isList(oldSchema) || !isList(newSchema) {
		return // behind an intrinsic: not known
	}
	olds, news := entries(c.old, oldSchema), entries(c.new, newSchema)
	display := func(name string) string {
		if cognito.IsStandardAttribute(name) {
			return name
		}
		return "custom:" + name
	}
	for _, name := range slices.Sorted(maps.Keys(olds)) {
		o := olds[name]
		n, ok := news[name]
		switch {
		case !ok:
			c.add("U5", Error, []string{id}, cfn.Sayf("the schema attribute %s is removed", display(name)),
				"Cognito refuses it (\"Existing schema attributes cannot be modified or deleted\"): the update fails and the stack rolls back",
				cfn.Sayf("keep %s in the schema; stop using it in the app instead", display(name)))
		case !o.known || !n.known:
		case o.dataType != n.dataType || o.required != n.required || o.mutable != n.mutable || !reflect.DeepEqual(constraints(o.raw), constraints(n.raw)):
			c.add("U5", Error, []string{id}, cfn.Sayf("the schema attribute %s changes (%s)", display(name), cfn.Sentence(describeChange(o, n))),
				"Cognito refuses it (\"Existing schema attributes cannot be modified or deleted\"): the update fails and the stack rolls back",
				cfn.Sayf("keep %s as deployed; add a new custom attribute (for example custom:%s2) with the settings you want and move the values to it", display(name), strings.TrimPrefix(name, "custom:")))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(news)) {
		n := news[name]
		if _, ok := olds[name]; ok || !n.known {
			continue
		}
		switch {
		case n.required:
			c.add("U5", Error, []string{id}, cfn.Sayf("the new schema attribute %s is required", display(name)),
				"Cognito cannot make an attribute required after the pool exists (existing users do not have it): the update fails and the stack rolls back",
				cfn.Sayf("add %s as optional and ask users for it in the app", display(name)))
		case cognito.IsStandardAttribute(name) && !n.mutable:
			c.add("U5", Error, []string{id}, cfn.Sayf("the standard attribute %s is added as immutable", name),
				"Cognito cannot change a standard attribute's settings after the pool exists: the update fails and the stack rolls back",
				cfn.Sayf("leave %s mutable (or out of the schema)", name))
		}
	}
}

func constraints(m map[string]any) []any {
	return []any{m["StringAttributeConstraints"], m["NumberAttributeConstraints"], m["DeveloperOnlyAttribute"]}
}

func describeChange(o, n schemaEntry) string {
	var parts []string
	if o.dataType != n.dataType {
		parts = append(parts, cfn.Sayf("type %s -> %s", o.dataType, n.dataType))
	}
	if o.required != n.required {
		parts = append(parts, cfn.Sayf("required %v -> %v", o.required, n.required))
	}
	if o.mutable != n.mutable {
		parts = append(parts, cfn.Sayf("mutable %v -> %v", o.mutable, n.mutable))
	}
	if len(parts) == 0 {
		parts = append(parts, "constraints")
	}
	return strings.Join(parts, ", ")
}

// clients checks app clients: a client whose logical id changes is a new client id
// (U7); create-only changes are found by createOnly.
func (c *change) clients() {
	gone, added := c.gone(client), c.added(client)
	for _, id := range gone {
		pool := c.old.Resources[id].Properties["UserPoolId"]
		replacement := ""
		for _, a := range added {
			if reflect.DeepEqual(c.new.Resources[a].Properties["UserPoolId"], pool) {
				replacement = a
				break
			}
		}
		ids, what := []string{id}, "the app client leaves the stack"
		if replacement != "" {
			ids, what = []string{id, replacement}, cfn.Sayf("the app client's logical id changes from %s to %s", id, replacement)
		}
		c.add("U7", Error, ids, what, clientEffect, clientFix)
	}
}

const clientEffect = "the old client id stops working: every deployed front end and amplify_outputs.json that uses it fails to sign users in until it is rebuilt with the new id"

// groups checks user pool groups: removed, or replaced by a new logical id (U9).
func (c *change) groups() {
	gone := c.gone(group)
	for _, id := range gone {
		name, _ := c.old.Str(c.old.Resources[id].Properties["GroupName"])
		ids, what := []string{id}, cfn.Sayf("the group %s leaves the stack", name)
		for _, a := range c.added(group) {
			if n, ok := c.new.Str(c.new.Resources[a].Properties["GroupName"]); ok && n == name {
				ids, what = []string{id, a}, cfn.Sayf("the group %s gets a new logical id (%s)", name, a)
			}
		}
		c.add("U9", Error, ids, what, "the group is deleted, and every membership in it is lost (a new group starts empty)", groupFix)
	}
}

// providers checks identity providers removed, or given a new logical id (U14): a
// config rename does both, since the construct id follows the name.
func (c *change) providers() {
	const idp = "AWS::Cognito::UserPoolIdentityProvider"
	for _, id := range c.gone(idp) {
		name, _ := c.old.Str(c.old.Resources[id].Properties["ProviderName"])
		ids, what := []string{id}, cfn.Sayf("the identity provider %s leaves the stack (removed, or renamed)", name)
		effect := "users who signed in through it are no longer linked to it: under a new name, their next sign-in creates a new, empty user"
		for _, a := range c.added(idp) {
			if n, ok := c.new.Str(c.new.Resources[a].Properties["ProviderName"]); ok && n == name {
				ids, what = []string{id, a}, cfn.Sayf("the identity provider %s gets a new logical id (%s)", name, a)
				effect = "CloudFormation creates the new provider before deleting the old one, and Cognito refuses a second provider of the same name: the update fails"
			}
		}
		c.add("U14", Error, ids, what, effect, createOnly[idp].Fix)
	}
}

// identityPools checks identity pools replaced or removed (U10).
// webACLs reports a web ACL association that leaves the stack (U18; a replaced one is
// the create-only table's).
func (c *change) webACLs() {
	for _, id := range c.gone(webACLAssociation) {
		c.add("U18", Warning, []string{id}, "the web ACL association leaves the stack",
			"nothing inspects the pool's requests any more: the protection of the web ACL is gone",
			"keep the association unless giving up the web ACL is intended")
	}
}

func (c *change) identityPools() {
	gone, added := c.gone(identityPool), c.added(identityPool)
	for i, id := range gone {
		ids, what := []string{id}, "the identity pool leaves the stack"
		if i < len(added) {
			ids, what = []string{id, added[i]}, cfn.Sayf("the identity pool's logical id changes from %s to %s", id, added[i])
		}
		c.add("U10", Error, ids, what,
			"a new identity pool gives every user a new identity id: per-user data keyed by it (S3 prefixes, DynamoDB keys) is orphaned, and guest identities are lost",
			"keep the identity pool's logical id: keep the construct id and path, or pin it with OverrideLogicalId")
	}
}

// CreateOnlyProperties returns, for each resource type whose replacement the check
// reports, the properties whose change replaces the resource: the CloudFormation
// registry schemas' createOnlyProperties (CI compares them with the schemas cfn-lint
// ships). The map is a copy.
func CreateOnlyProperties() map[string][]string {
	out := map[string][]string{}
	for typ, co := range createOnly {
		out[typ] = slices.Clone(co.Properties)
	}
	return out
}

// createOnly lists, for each resource type whose replacement loses something, the
// properties whose change replaces the resource, and the rule a replacement is
// reported under.
var createOnly = map[string]struct {
	Properties  []string
	Rule        string
	Severity    Severity
	Effect, Fix string
}{
	client: {[]string{"GenerateSecret", "UserPoolId"}, "U7", Error, clientEffect, clientFix},
	group:  {[]string{"GroupName", "UserPoolId"}, "U9", Error, "the group is replaced by a new, empty one: every membership is lost", groupFix},
	role: {[]string{"Path", "RoleName"}, "U12", Warning, "the role is replaced: its ARN changes, and anything outside this stack that names it (trust policies, bucket policies) no longer matches",
		"keep the role's name and path as deployed"},
	"AWS::Cognito::UserPoolDomain": {[]string{"Domain", "UserPoolId"}, "U13", Error,
		"the domain is replaced: the hosted sign-in and OAuth URLs move, and every callback configured with identity providers and apps must follow",
		"keep the domain; to move, add the new domain beside the old one, update the providers' and apps' URLs, then remove the old one"},
	"AWS::Cognito::UserPoolIdentityProvider": {[]string{"ProviderName", "ProviderType", "UserPoolId"}, "U14", Error,
		"the identity provider is replaced: users linked to it are no longer linked, and apps that name it must change",
		"keep the provider's name; add a provider under the new name beside it if you need one"},
	webACLAssociation: {[]string{"ResourceArn", "WebACLArn"}, "U18", Warning,
		"the association is replaced: CloudFormation deletes the old one after creating the new one, and since a pool has one web ACL association, the pool may be left without a web ACL",
		"change the web ACL in two deploys: remove the association, deploy, then add the new one; check the pool's web ACL afterwards"},
}

const (
	clientFix = "keep the client; to move to a new one, add it beside the old one, ship front ends that use it, then remove the old one"
	groupFix  = "keep the group; to rename it, add the new group, move members to it (AdminAddUserToGroup), and remove the old one in a later deploy"
)

// createOnly reports, for resources present in both templates, a change of a
// property whose change replaces the resource.
func (c *change) createOnly() {
	for _, typ := range slices.Sorted(maps.Keys(createOnly)) {
		co := createOnly[typ]
		for _, id := range c.kept(typ) {
			op, np := c.old.Resources[id].Properties, c.new.Resources[id].Properties
			for _, prop := range co.Properties {
				if !changed(normalize(c.old, typ, prop, op[prop]), normalize(c.new, typ, prop, np[prop])) {
					continue
				}
				rule, sev, effect, fix := co.Rule, co.Severity, co.Effect, co.Fix
				if typ == role && c.usedForSMS(id) {
					rule, sev, effect, fix = "U8", Warning, smsRoleEffect, smsRoleFix
				}
				c.add(rule, sev, []string{id}, cfn.Sayf("%s changes from %s to %s, which replaces the %s", prop, show(op[prop]), show(np[prop]), typ),
					effect, fix)
			}
		}
	}
}

// normalize gives a create-only property its default when absent, and reads a
// boolean written as a string, so that writing a default out is not a change.
func normalize(t *cfn.Template, typ, prop string, v any) any {
	if typ == client && prop == "GenerateSecret" {
		if b, ok := boolOr(t, v, false); ok {
			return b
		}
	}
	return v
}

// usedForSMS reports whether a deployed pool sends SMS through the role id.
func (c *change) usedForSMS(id string) bool {
	for _, p := range c.old.OfType(userPool) {
		if roleRef(c.old.Resources[p].Properties) == id {
			return true
		}
	}
	return false
}

// changed reports whether a property value changes, never guessing: values decided
// by a condition (Fn::If) on either side are not compared.
func changed(a, b any) bool {
	if reflect.DeepEqual(a, b) || hasCondition(a) || hasCondition(b) {
		return false
	}
	return true
}

func hasCondition(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		if _, ok := x["Fn::If"]; ok {
			return true
		}
		for _, e := range x {
			if hasCondition(e) {
				return true
			}
		}
	case []any:
		return slices.ContainsFunc(x, hasCondition)
	}
	return false
}

// strOr and boolOr read a value with its default when absent; known is false when
// an intrinsic decides it.
func strOr(t *cfn.Template, v any, def string) (string, bool) {
	if v == nil {
		return def, true
	}
	return t.Str(v)
}

// historyOf is a pool's PasswordHistorySize (0 when absent) and whether it is known.
func historyOf(t *cfn.Template, props map[string]any) (int, bool) {
	v := cfn.Object(cfn.Object(props["Policies"])["PasswordPolicy"])["PasswordHistorySize"]
	if v == nil {
		return 0, true
	}
	return t.Int(v)
}

func boolOr(t *cfn.Template, v any, def bool) (bool, bool) {
	if v == nil {
		return def, true
	}
	return t.Bool(v)
}

func orDelete(p string) string {
	if p == "" {
		return "Delete (the default)"
	}
	return p
}

func isList(v any) bool { _, ok := v.([]any); return ok || v == nil }

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

func list(l []string) string {
	if len(l) == 0 {
		return "none"
	}
	return strings.Join(l, ", ")
}

// show renders a property value for a message, shortened.
func show(v any) string {
	if v == nil {
		return "(not set)"
	}
	return strictjson.Excerpt(fmt.Sprint(v))
}
