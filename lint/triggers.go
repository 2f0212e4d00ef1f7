package lint

import (
	"reflect"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/cognito"
)

// challengeTrio are the LambdaConfig entries of a custom challenge. The function
// entries of LambdaConfig come from the registry schema (cognito.LambdaConfigFunctions
// and cognito.LambdaConfigObjects).
var challengeTrio = []string{"DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse"}

// checkTriggers applies the trigger rules (R16-R20) to the pool's LambdaConfig.
func (p *pool) checkTriggers(f facts) {
	lc := cfn.Object(p.props["LambdaConfig"])
	if lc == nil || cfn.IsIntrinsic(lc) {
		return
	}
	var set []string
	for _, k := range challengeTrio {
		if lc[k] != nil {
			set = append(set, k)
		}
	}
	if len(set) > 0 && len(set) < len(challengeTrio) {
		p.add("R16", Error, "set DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse together, or none",
			"a custom challenge needs all three triggers; only %s is set", strings.Join(set, ", "))
	}
	if v, ok := p.tmpl.Str(cfn.Object(lc["PreTokenGenerationConfig"])["LambdaVersion"]); ok && (v == "V2_0" || v == "V3_0") && f.tierKnown && f.tier == "LITE" {
		p.add("R17", Error, "set UserPoolTier ESSENTIALS or PLUS, or LambdaVersion V1_0",
			"pre token generation %s is not available on the LITE tier", v)
	}
	if (lc["CustomEmailSender"] != nil || lc["CustomSMSSender"] != nil) && lc["KMSKeyID"] == nil {
		p.add("R18", Error, "add LambdaConfig.KMSKeyID: a symmetric KMS key the sender functions decrypt with",
			"a custom sender is set but LambdaConfig has no KMSKeyID")
	}
	if lc["UserMigration"] != nil {
		if flows, known := p.clientFlows(); known && !slices.ContainsFunc(flows, func(s string) bool {
			return s == "ALLOW_USER_PASSWORD_AUTH" || s == "ALLOW_ADMIN_USER_PASSWORD_AUTH" || s == "USER_PASSWORD_AUTH" || s == "ADMIN_NO_SRP_AUTH"
		}) {
			p.add("R19", Error, "add ALLOW_USER_PASSWORD_AUTH (or ALLOW_ADMIN_USER_PASSWORD_AUTH) to the ExplicitAuthFlows of the client that migrates users",
				"the UserMigration trigger never sees a password: no client of the pool allows a password sign-in flow")
		}
	}
	keys := append(slices.Clone(cognito.LambdaConfigFunctions), cognito.LambdaConfigObjects...)
	slices.Sort(keys)
	for _, k := range keys {
		fn := lc[k]
		if slices.Contains(cognito.LambdaConfigObjects, k) {
			fn = cfn.Object(fn)["LambdaArn"]
		}
		if fn == nil || p.invokable(fn) {
			continue
		}
		if p.inTemplate(fn) {
			p.add("R20", Error, "add an AWS::Lambda::Permission: Action lambda:InvokeFunction, Principal cognito-idp.amazonaws.com, SourceArn the pool's Arn",
				"the %s function may not be invoked by Cognito: the template has no invoke permission for it, so every call fails", k)
		} else {
			p.add("R20", Warning, "make sure the function's own stack grants lambda:InvokeFunction to cognito-idp.amazonaws.com for this pool, or add the permission here",
				"the %s function is outside this template and no invoke permission for it is here", k)
		}
	}
}

// clientFlows returns the ExplicitAuthFlows of every client of this pool, and false
// when there is no client or a client's flows are not static.
func (p *pool) clientFlows() ([]string, bool) {
	var all []string
	found := false
	for _, id := range p.tmpl.OfType("AWS::Cognito::UserPoolClient") {
		r := p.tmpl.Resources[id]
		if !p.isPool(r.Properties["UserPoolId"]) {
			continue
		}
		found = true
		flows, ok := p.tmpl.List(r.Properties["ExplicitAuthFlows"])
		if !ok {
			return nil, false
		}
		all = append(all, flows...)
	}
	return all, found
}

// isPool reports whether v refers to this pool (Ref) or names it.
func (p *pool) isPool(v any) bool {
	m := cfn.Object(v)
	return m != nil && m["Ref"] == p.id
}

// invokable reports whether a permission in the template lets Cognito invoke fn from
// this pool (or from any source, when it has no SourceArn).
func (p *pool) invokable(fn any) bool {
	for _, id := range p.tmpl.OfType("AWS::Lambda::Permission") {
		props := p.tmpl.Resources[id].Properties
		action, _ := p.tmpl.Str(props["Action"])
		principal, _ := p.tmpl.Str(props["Principal"])
		if (action != "lambda:InvokeFunction" && action != "lambda:*") || principal != "cognito-idp.amazonaws.com" {
			continue
		}
		if src, ok := props["SourceArn"]; ok && !reflect.DeepEqual(src, map[string]any{"Fn::GetAtt": []any{p.id, "Arn"}}) {
			if s, ok := src.(string); !ok || !strings.Contains(s, ":userpool/") {
				continue
			}
		}
		if sameFunction(fn, props["FunctionName"]) {
			return true
		}
	}
	return false
}

// sameFunction reports whether a LambdaConfig value and a permission's FunctionName
// name the same function: the same value, a GetAtt Arn and a Ref of one resource,
// or an ARN and its function name.
func sameFunction(arn, name any) bool {
	if reflect.DeepEqual(arn, name) {
		return true
	}
	if target := getAttArnOf(arn); target != "" {
		return target == getAttArnOf(name) || cfn.Object(name)["Ref"] == target
	}
	a, ok1 := arn.(string)
	n, ok2 := name.(string)
	return ok1 && ok2 && strings.HasSuffix(a, ":function:"+n)
}

// getAttArnOf returns X for {"Fn::GetAtt": [X, "Arn"]} (or "X.Arn"), else "".
func getAttArnOf(v any) string {
	switch g := cfn.Object(v)["Fn::GetAtt"].(type) {
	case []any:
		if len(g) == 2 && g[1] == "Arn" {
			s, _ := g[0].(string)
			return s
		}
	case string:
		if x, ok := strings.CutSuffix(g, ".Arn"); ok {
			return x
		}
	}
	return ""
}

// inTemplate reports whether fn refers to a Lambda function defined in the template.
func (p *pool) inTemplate(fn any) bool {
	target := getAttArnOf(fn)
	if target == "" {
		if s, ok := cfn.Object(fn)["Ref"].(string); ok {
			target = s
		}
	}
	r, ok := p.tmpl.Resources[target]
	return ok && r.Type == "AWS::Lambda::Function"
}
