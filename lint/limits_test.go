package lint_test

import (
	"strings"
	"testing"

	"github.com/defineauth/defineauth/lint"
)

// TestServiceLimits: R38 on templates, each case with its passing neighbour at the
// limit, and an M2M-style value from an intrinsic function left alone.
func TestServiceLimits(t *testing.T) {
	url := func(n int) string {
		return "https://app.example.com/" + strings.Repeat("x", n-len("https://app.example.com/"))
	}
	urls := func(n int) a {
		l := a{}
		for range n {
			l = append(l, "https://app.example.com/")
		}
		return l
	}
	oidc := func(name string, ids a) m {
		p := idp("OIDC", m{"client_id": "c", "client_secret": ref, "attributes_request_method": "GET", "oidc_issuer": "https://login.example.com", "authorize_scopes": "openid"}, nil)
		p["Properties"].(m)["ProviderName"] = name
		if ids != nil {
			p["Properties"].(m)["IdpIdentifiers"] = ids
		}
		return p
	}
	group := func(name string, precedence any) m {
		return m{"Type": "AWS::Cognito::UserPoolGroup", "Properties": m{"GroupName": name, "Precedence": precedence}}
	}
	permission := func(fn string) m {
		return m{"Type": "AWS::Lambda::Permission", "Properties": m{"Action": "lambda:InvokeFunction", "Principal": "cognito-idp.amazonaws.com", "FunctionName": fn}}
	}
	fn := "arn:aws:lambda:us-east-1:123456789012:function:signup"
	for _, tc := range []struct {
		name   string
		client m
		extra  m
		pool   func(p m)
		want   string // a substring of the R38 finding, "" for none
	}{
		{"1,024-character callback URL", m{"CallbackURLs": a{url(1024)}}, nil, nil, ""},
		{"1,025-character callback URL", m{"CallbackURLs": a{url(1025)}}, nil, nil, "CallbackURLs[0]"},
		{"100 logout URLs", m{"LogoutURLs": urls(100)}, nil, nil, ""},
		{"101 logout URLs", m{"LogoutURLs": urls(101)}, nil, nil, "LogoutURLs has 101 entries"},
		{"URLs from a parameter-less intrinsic", m{"CallbackURLs": m{"Fn::Split": a{",", m{"Ref": "X"}}}}, nil, nil, ""},
		{"provider name of 3", nil, m{"P": oidc("abc", nil)}, nil, ""},
		{"provider name of 2", nil, m{"P": oidc("ab", nil)}, nil, "ProviderName"},
		{"50 identifiers of 40", nil, m{"P": oidc("corp", func() a {
			l := a{}
			for range 50 {
				l = append(l, strings.Repeat("i", 40))
			}
			return l
		}())}, nil, ""},
		{"a 41-character identifier", nil, m{"P": oidc("corp", a{strings.Repeat("i", 41)})}, nil, "IdpIdentifiers[0]"},
		{"SAML metadata of 200 KB", nil, m{"P": idp("SAML", m{"MetadataFile": "<x>" + strings.Repeat("x", 200000) + "</x>"}, m{"email": "e"})}, nil, "ProviderDetails.MetadataFile"},
		{"a mapped name of 200,000", nil, m{"P": idp("SAML", m{"MetadataURL": "https://idp.example.com/m"}, m{"email": strings.Repeat("e", 200000)})}, nil, "AttributeMapping.email"},
		{"relying party of 63", nil, nil, func(p m) { p["WebAuthnRelyingPartyID"] = strings.Repeat("a", 51) + ".example.com" }, ""},
		{"relying party of 64", nil, nil, func(p m) { p["WebAuthnRelyingPartyID"] = strings.Repeat("a", 52) + ".example.com" }, "WebAuthnRelyingPartyID"},
		{"trigger region us-east-1", nil, m{"Perm": permission(fn)}, func(p m) { p["LambdaConfig"] = m{"PreSignUp": fn} }, ""},
		{"trigger region us-east-12", nil, m{"Perm": permission(strings.Replace(fn, "us-east-1", "us-east-12", 1))}, nil, "FunctionName"},
		{"128-character alias", nil, m{"Perm": permission(fn + ":" + strings.Repeat("a", 128))}, nil, "FunctionName"},
		{"a permission for another principal", nil, m{"Perm": func() m {
			p := permission(fn + ":" + strings.Repeat("a", 128))
			p["Properties"].(m)["Principal"] = "s3.amazonaws.com"
			return p
		}()}, nil, ""},
		{"a short LambdaConfig ARN", nil, nil, func(p m) { p["LambdaConfig"] = m{"PreSignUp": "arn:aws:lambda:x"} }, "LambdaConfig.PreSignUp"},
		{"group precedence 0", nil, m{"G": group("admins", 0)}, nil, ""},
		{"group precedence -1", nil, m{"G": group("admins", -1)}, nil, "Precedence is -1"},
		{"group name with a space", nil, m{"G": group("two words", 0)}, nil, "GroupName"},
		{"an unknown OAuth flow", m{"AllowedOAuthFlows": a{"code", "password"}}, nil, nil, "AllowedOAuthFlows[1]"},
		{"a scope with a space", m{"AllowedOAuthScopes": a{"openid", "read write"}}, nil, nil, "AllowedOAuthScopes[1]"},
		{"a minimum password length of 100", nil, nil, func(p m) { p["Policies"] = m{"PasswordPolicy": m{"MinimumLength": 100}} }, "MinimumLength is 100"},
		{"a role's reserved tag", nil, m{"Role": m{"Type": "AWS::IAM::Role", "Properties": m{"Tags": a{m{"Key": "aws:team", "Value": "x"}}}}}, nil, "starts with aws:"},
		{"a role's tags, fine", nil, m{"Role": m{"Type": "AWS::IAM::Role", "Properties": m{"Tags": a{m{"Key": "team", "Value": "awesome"}}}}}, nil, ""},
		{"51 tags on a role", nil, m{"Role": m{"Type": "AWS::IAM::Role", "Properties": m{"Tags": func() a {
			l := a{}
			for i := range 51 {
				l = append(l, m{"Key": strings.Repeat("k", i+1), "Value": "v"})
			}
			return l
		}()}}}, nil, "Tags has 51 entries"},
		{"a pool's tag value of 257", nil, nil, func(p m) { p["UserPoolTags"] = m{"team": strings.Repeat("v", 257)} }, "UserPoolTags.team"},
		{"R41 global web ACL", nil, m{"Waf": m{"Type": "AWS::WAFv2::WebACLAssociation", "Properties": m{"ResourceArn": m{"Fn::GetAtt": a{"Pool", "Arn"}}, "WebACLArn": "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"}}}, nil, "is a global (CloudFront) web ACL"},
		{"R41 neighbour: regional web ACL", nil, m{"Waf": m{"Type": "AWS::WAFv2::WebACLAssociation", "Properties": m{"ResourceArn": m{"Fn::GetAtt": a{"Pool", "Arn"}}, "WebACLArn": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"}}}, nil, ""},
		{"a minimum password length of 99", nil, nil, func(p m) { p["Policies"] = m{"PasswordPolicy": m{"MinimumLength": 99}} }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			findings, err := lint.Template(providerTemplate(tc.client, tc.extra, tc.pool))
			if err != nil {
				t.Fatal(err)
			}
			var r38 []string
			for _, f := range findings {
				if f.Rule == "R38" || f.Rule == "R41" {
					r38 = append(r38, f.String())
				}
			}
			switch {
			case tc.want == "" && len(r38) > 0:
				t.Errorf("passing neighbour has R38: %v", r38)
			case tc.want != "" && !strings.Contains(strings.Join(r38, "\n"), tc.want):
				t.Errorf("want an R38 finding with %q, got %v", tc.want, r38)
			}
		})
	}
}
