package spec

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// LogicalID is the id the CDK gives the construct at path (its construct ids below
// the stack, or from the app for Names.uniqueId): the ids with every character but
// A-Z, a-z and 0-9 removed, "Default" dropped, "Resource" left out of the readable
// part and an id that merely repeats the end of the one before it skipped, followed
// by the first 8 hex digits (upper case) of the MD5 of the path joined with "/". A
// path of one id is that id alone when it fits 255 characters.
func LogicalID(path []string) string {
	path = slices.DeleteFunc(slices.Clone(path), func(s string) bool { return s == "Default" })
	if len(path) == 1 {
		if id := nonAlphanumeric.ReplaceAllString(path[0], ""); len(id) <= 255 {
			return id
		}
	}
	sum := md5.Sum([]byte(strings.Join(path, "/")))
	hash := strings.ToUpper(hex.EncodeToString(sum[:])[:8])
	var human []string
	for _, c := range path {
		if len(human) > 0 && strings.HasSuffix(human[len(human)-1], c) {
			continue
		}
		human = append(human, c)
	}
	var b strings.Builder
	for _, c := range human {
		if c != "Resource" {
			b.WriteString(nonAlphanumeric.ReplaceAllString(c, ""))
		}
	}
	readable := b.String()
	if len(readable) > 240 {
		readable = readable[:240]
	}
	return readable + hash
}

var nonAlphanumeric = regexp.MustCompile(`[^A-Za-z0-9]`)

// resource is one entry of the template's Resources, before references are resolved.
type resource struct {
	path       string // construct path below the stack
	typ        string
	props      map[string]any
	removal    string
	suppressed []Suppression
	dependsOn  []string // construct paths of resources this one waits for
}

// resources lists every resource of the Auth construct with id authID.
func (a *Auth) resources(authID string) []resource {
	at := func(ids ...string) string { return strings.Join(append([]string{authID}, ids...), "/") }
	pool := at(UserPoolID)
	props := toMap(a.UserPool)
	if a.SMSRole != nil {
		sms := props["SmsConfiguration"].(map[string]any)
		sms["SnsCallerArn"] = GetAtt{at(SMSRoleID, "Resource"), "Arn"}
		sms["ExternalId"] = a.ExternalID
	}
	if a.SESSourceArn != nil {
		props["EmailConfiguration"].(map[string]any)["SourceArn"] = a.SESSourceArn
	}
	if lc := a.lambdaConfig(); lc != nil {
		props["LambdaConfig"] = lc
	}
	out := []resource{{path: pool, typ: "AWS::Cognito::UserPool", props: props, removal: a.Removal, suppressed: a.PoolSuppressions}}
	for _, t := range a.Triggers {
		out = append(out, resource{path: at(t.PermissionID), typ: "AWS::Lambda::Permission", props: map[string]any{
			"Action": "lambda:InvokeFunction", "FunctionName": t.Function.value(), "Principal": CognitoPrincipal,
			"SourceArn": GetAtt{pool, "Arn"},
		}})
	}
	if r := a.SMSRole; r != nil {
		out = append(out, resource{path: at(SMSRoleID, "Resource"), typ: "AWS::IAM::Role", removal: a.Removal, suppressed: r.Suppressions, props: map[string]any{
			"AssumeRolePolicyDocument": policy(map[string]any{"Action": "sts:AssumeRole", "Effect": "Allow",
				"Condition": map[string]any{"StringEquals": map[string]any{"sts:ExternalId": a.ExternalID}},
				"Principal": map[string]any{"Service": CognitoPrincipal}}),
			"Description": r.Description,
			"Policies": []any{map[string]any{"PolicyName": r.PolicyName, "PolicyDocument": policy(map[string]any{
				"Action": one(r.Actions), "Effect": "Allow", "Resource": one(r.Resources)})}},
		}})
	}
	c := a.WebClient
	client := resource{path: at(WebClientID), typ: "AWS::Cognito::UserPoolClient", props: map[string]any{
		"UserPoolId": Ref{pool}, "ClientName": c.ClientName, "GenerateSecret": c.GenerateSecret,
		"ExplicitAuthFlows": c.ExplicitAuthFlows, "PreventUserExistenceErrors": c.PreventUserExistenceErrors,
		"EnableTokenRevocation": c.EnableTokenRevocation, "SupportedIdentityProviders": c.SupportedIdentityProviders,
	}}
	if o := c.OAuth; o != nil {
		client.props["AllowedOAuthFlows"] = o.Flows
		client.props["AllowedOAuthFlowsUserPoolClient"] = true
		client.props["AllowedOAuthScopes"] = o.Scopes
		if len(o.CallbackURLs) > 0 {
			client.props["CallbackURLs"] = o.CallbackURLs
		}
		if len(o.LogoutURLs) > 0 {
			client.props["LogoutURLs"] = o.LogoutURLs
		}
	}
	for _, p := range a.Providers {
		client.dependsOn = append(client.dependsOn, at(p.ConstructID))
		details := map[string]any{}
		for k, v := range p.Details {
			details[k] = v
		}
		if ref := p.SecretReference(); p.SecretKey != "" && ref != "" {
			details[p.SecretKey] = ref
		}
		props := map[string]any{"UserPoolId": Ref{pool}, "ProviderName": p.Name, "ProviderType": p.Type, "ProviderDetails": details}
		if len(p.AttributeMapping) > 0 {
			m := map[string]any{}
			for k, v := range p.AttributeMapping {
				m[k] = v
			}
			props["AttributeMapping"] = m
		}
		if len(p.Identifiers) > 0 {
			props["IdpIdentifiers"] = p.Identifiers
		}
		out = append(out, resource{path: at(p.ConstructID), typ: "AWS::Cognito::UserPoolIdentityProvider", props: props})
	}
	if d := a.Domain; d != nil {
		out = append(out, resource{path: at(d.ConstructID), typ: "AWS::Cognito::UserPoolDomain", props: map[string]any{"UserPoolId": Ref{pool}, "Domain": d.Prefix}})
	}
	out = append(out, client)
	idPool := at(IdentityPoolID)
	out = append(out, resource{path: idPool, typ: "AWS::Cognito::IdentityPool", props: map[string]any{
		"IdentityPoolName": a.IdentityPool.IdentityPoolName, "AllowUnauthenticatedIdentities": a.IdentityPool.AllowUnauthenticatedIdentities,
		"CognitoIdentityProviders": []any{map[string]any{"ClientId": Ref{at(WebClientID)}, "ProviderName": GetAtt{pool, "ProviderName"}}},
	}})
	for _, r := range []struct {
		id   string
		role IdentityRole
	}{{AuthenticatedRole, a.AuthenticatedRole}, {UnauthenticatedRole, a.UnauthenticatedRole}} {
		out = append(out, resource{path: at(r.id, "Resource"), typ: "AWS::IAM::Role", props: identityRoleProps(r.role, Ref{idPool})})
	}
	attachment := map[string]any{
		"IdentityPoolId": Ref{idPool},
		"Roles": map[string]any{
			"authenticated":   GetAtt{at(AuthenticatedRole, "Resource"), "Arn"},
			"unauthenticated": GetAtt{at(UnauthenticatedRole, "Resource"), "Arn"}},
	}
	if m := a.RoleMapping; m != nil {
		attachment["RoleMappings"] = map[string]any{m.Key: map[string]any{
			"Type": m.Type, "AmbiguousRoleResolution": m.AmbiguousRoleResolution,
			"IdentityProvider": Join{GetAtt{pool, "ProviderName"}, ":", Ref{at(WebClientID)}},
		}}
	}
	out = append(out, resource{path: at(RoleAttachmentID), typ: "AWS::Cognito::IdentityPoolRoleAttachment", props: attachment})
	for _, g := range a.Groups {
		role := at(g.ConstructID, GroupRoleID, "Resource")
		out = append(out, resource{path: at(g.ConstructID), typ: "AWS::Cognito::UserPoolGroup", props: map[string]any{
			"UserPoolId": Ref{pool}, "GroupName": g.GroupName, "Precedence": g.Precedence, "RoleArn": GetAtt{role, "Arn"},
		}})
		out = append(out, resource{path: role, typ: "AWS::IAM::Role", props: identityRoleProps(g.Role, Ref{idPool})})
	}
	if a.WebACLArn != "" {
		out = append(out, resource{path: at(WebACLAssociationID), typ: "AWS::WAFv2::WebACLAssociation",
			props: map[string]any{"ResourceArn": GetAtt{pool, "Arn"}, "WebACLArn": a.WebACLArn}})
	}
	if len(a.Tags) > 0 {
		for _, r := range out {
			switch r.typ {
			case "AWS::Cognito::UserPool":
				r.props["UserPoolTags"] = maps.Clone(a.Tags)
			case "AWS::Cognito::IdentityPool":
				r.props["IdentityPoolTags"] = tagList(a.Tags)
			case "AWS::IAM::Role":
				r.props["Tags"] = tagList(a.Tags)
			}
		}
	}
	return out
}

// policy is an IAM policy document with one statement.
func policy(statement map[string]any) map[string]any {
	return map[string]any{"Version": "2012-10-17", "Statement": []any{statement}}
}

// one renders a list of one element as the element, as the CDK does in policies.
func one(l []string) any {
	if len(l) == 1 {
		return l[0]
	}
	return l
}

// toMap turns a struct with json tags into template values.
func toMap(v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		panic("spec: " + err.Error()) // plain structs of strings, numbers and bools always marshal
	}
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m
}

// The parts of a template the CDK's default stack synthesizer adds.
var (
	bootstrapParameter = map[string]any{"BootstrapVersion": map[string]any{
		"Type":        "AWS::SSM::Parameter::Value<String>",
		"Default":     "/cdk-bootstrap/hnb659fds/version",
		"Description": "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]",
	}}
	bootstrapRule = map[string]any{"CheckBootstrapVersion": map[string]any{"Assertions": []any{map[string]any{
		"Assert": map[string]any{"Fn::Not": []any{map[string]any{"Fn::Contains": []any{
			[]any{"1", "2", "3", "4", "5"}, map[string]any{"Ref": "BootstrapVersion"}}}}},
		"AssertDescription": "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.",
	}}}}
)

// identityRoleProps is a role only identities of the identity pool with the role's
// authentication kind can assume.
func identityRoleProps(r IdentityRole, idPool Ref) map[string]any {
	return map[string]any{
		"Description": r.Description,
		"AssumeRolePolicyDocument": policy(map[string]any{"Action": IdentityRoleAction, "Effect": "Allow",
			"Condition": r.TrustConditions(idPool), "Principal": map[string]any{"Federated": CognitoIdentityPrincipal}}),
	}
}

// lambdaConfig is the pool's LambdaConfig; nil without triggers and senders.
func (a *Auth) lambdaConfig() map[string]any {
	if len(a.Triggers) == 0 && !a.SenderKey.IsSet() {
		return nil
	}
	lc := map[string]any{}
	for _, t := range a.Triggers {
		if t.Version != "" {
			lc[t.Key] = map[string]any{"LambdaArn": t.Function.value(), "LambdaVersion": t.Version}
		} else {
			lc[t.Key] = t.Function.value()
		}
	}
	if a.SenderKey.IsSet() {
		lc["KMSKeyID"] = a.SenderKey.value()
	}
	return lc
}

// value is the ARN, or for an attached object a GetAtt of its Arn by its label.
func (f Function) value() any {
	if f.ARN != "" {
		return f.ARN
	}
	return GetAtt{f.Attached, "Arn"}
}

// Template renders the stack's CloudFormation template as indented JSON with sorted
// keys and a final newline: the bytes stacks.Template gets from the CDK.
func (s *Stack) Template() []byte {
	resources := map[string]any{}
	for _, r := range s.Auth.resources(s.AuthID) {
		res := map[string]any{"Type": r.typ, "Properties": resolve(r.props)}
		if r.removal != "" {
			res["DeletionPolicy"], res["UpdateReplacePolicy"] = r.removal, r.removal
		}
		if len(r.dependsOn) > 0 {
			var deps []string
			for _, d := range sortedAsCDK(r.dependsOn) {
				deps = append(deps, logicalIDOf(d))
			}
			res["DependsOn"] = deps
		}
		if m := NagMetadata(r.suppressed); m != nil {
			res["Metadata"] = map[string]any{"cdk_nag": m}
		}
		resources[logicalIDOf(r.path)] = res
	}
	outs := map[string]any{}
	for _, o := range s.Outputs {
		outs[LogicalID([]string{o.Name})] = map[string]any{
			"Description": o.Description,
			"Value":       resolve(o.Value),
			"Export":      map[string]any{"Name": s.Name + "-" + o.Name},
		}
	}
	doc := map[string]any{
		"Description": s.Description,
		"Resources":   resources,
		"Outputs":     outs,
		"Parameters":  bootstrapParameter,
		"Rules":       bootstrapRule,
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic("spec: " + err.Error()) // maps of plain values always marshal
	}
	return append(b, '\n')
}

// logicalIDOf is the logical id of the resource at a construct path below the stack.
func logicalIDOf(path string) string { return LogicalID(strings.Split(path, "/")) }

// resolve replaces Ref, GetAtt and Join with their template form.
func resolve(v any) any {
	switch x := v.(type) {
	case Ref:
		if strings.HasPrefix(x.Target, "AWS::") {
			return map[string]any{"Ref": x.Target}
		}
		return map[string]any{"Ref": logicalIDOf(x.Target)}
	case GetAtt:
		return map[string]any{"Fn::GetAtt": []any{logicalIDOf(x.Target), x.Attribute}}
	case Join:
		parts := make([]any, len(x))
		for i, p := range x {
			parts[i] = resolve(p)
		}
		return map[string]any{"Fn::Join": []any{"", parts}}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = resolve(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = resolve(e)
		}
		return out
	}
	return v
}

// sortedAsCDK orders strings as the CDK orders a resource's DependsOn (by construct
// path) and its tags (by key): with JavaScript's localeCompare (Unicode collation,
// root locale, as Node runs it by default), so "Providercorp" comes before
// "ProviderGoogle" and "cost-center" before "Environment".
func sortedAsCDK(paths []string) []string {
	c := collate.New(language.Und)
	out := slices.Clone(paths)
	slices.SortStableFunc(out, func(a, b string) int { return c.CompareString(a, b) })
	return out
}

// tagList is tags as CloudFormation's list of {Key, Value}, in the CDK's order (its
// TagManager sorts keys with localeCompare, as sortedAsCDK does).
func tagList(tags map[string]string) []any {
	var out []any
	for _, k := range sortedAsCDK(slices.Collect(maps.Keys(tags))) {
		out = append(out, map[string]any{"Key": k, "Value": tags[k]})
	}
	return out
}
