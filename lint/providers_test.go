package lint_test

import (
	"encoding/json"
	"testing"

	"github.com/defineauth/defineauth/lint"
)

// providerTemplate is a pool (email sign-in, MFA off) with an OAuth client and the
// resources in extra, each with UserPoolId set to the pool.
func providerTemplate(client m, extra m, poolEdit func(p m)) []byte {
	pool := m{"UsernameAttributes": a{"email"}, "AutoVerifiedAttributes": a{"email"},
		"Schema": a{m{"Name": "email", "AttributeDataType": "String", "Required": true, "Mutable": true},
			m{"Name": "tenant", "AttributeDataType": "String", "Mutable": false}}}
	if poolEdit != nil {
		poolEdit(pool)
	}
	c := m{"UserPoolId": m{"Ref": "Pool"}, "AllowedOAuthFlows": a{"code"}, "AllowedOAuthScopes": a{"openid", "email"},
		"CallbackURLs": a{"https://app.example.com/"}, "ExplicitAuthFlows": a{"ALLOW_USER_SRP_AUTH"}}
	for k, v := range client {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	res := m{"Pool": m{"Type": "AWS::Cognito::UserPool", "Properties": pool}, "Client": m{"Type": "AWS::Cognito::UserPoolClient", "Properties": c},
		"Domain": m{"Type": "AWS::Cognito::UserPoolDomain", "Properties": m{"UserPoolId": m{"Ref": "Pool"}, "Domain": "example-login"}}}
	for k, v := range extra {
		r := v.(m)
		r["Properties"].(m)["UserPoolId"] = m{"Ref": "Pool"}
		res[k] = r
	}
	b, _ := json.Marshal(m{"Resources": res})
	return b
}

// idp is an identity provider of typ; without a mapping it maps email, which the
// pool of providerTemplate requires (R40).
func idp(typ string, details m, mapping m) m {
	if mapping == nil {
		mapping = m{"email": "email"}
	}
	p := m{"ProviderName": typ, "ProviderType": typ, "ProviderDetails": details, "AttributeMapping": mapping}
	return m{"Type": "AWS::Cognito::UserPoolIdentityProvider", "Properties": p}
}

const ref = "{{resolve:secretsmanager:prod/idp:SecretString:::}}"

func TestProviderRules(t *testing.T) {
	google := m{"client_id": "g", "client_secret": ref, "authorize_scopes": "openid email profile"}
	with := func(d m, k string, v any) m {
		out := m{}
		for a, b := range d {
			out[a] = b
		}
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
		return out
	}
	oidc := m{"client_id": "c", "client_secret": ref, "attributes_request_method": "GET", "oidc_issuer": "https://login.example.com", "authorize_scopes": "openid email"}
	for _, tc := range []struct {
		name   string
		client m
		extra  m
		pool   func(p m)
		want   string
	}{
		{"Google with a secret reference: clean", nil, m{"G": idp("Google", google, m{"email": "email"})}, nil, ""},
		{"R37 secret in clear", nil, m{"G": idp("Google", with(google, "client_secret", "s3cr3t"), nil)}, nil, "R37"},
		{"R35 Apple without its key", nil, m{"A": idp("SignInWithApple", m{"client_id": "a", "team_id": "T", "authorize_scopes": "email"}, nil)}, nil, "R35"},
		{"R31 Google scope of another provider", nil, m{"G": idp("Google", with(google, "authorize_scopes", "openid public_profile"), nil)}, nil, "R31"},
		{"R31 OIDC without openid", nil, m{"O": idp("OIDC", with(oidc, "authorize_scopes", "email"), nil)}, nil, "R31"},
		{"OIDC: clean", nil, m{"O": idp("OIDC", oidc, nil)}, nil, ""},
		{"R33 OIDC issuer over http", nil, m{"O": idp("OIDC", with(oidc, "oidc_issuer", "http://login.example.com"), nil)}, nil, "R33"},
		{"R40 required email not mapped", nil, m{"G": idp("Google", google, m{"given_name": "given_name"})}, nil, "R40"},
		{"R40 neighbour: email mapped", nil, m{"G": idp("Google", google, m{"email": "email", "email_verified": "email_verified"})}, nil, ""},
		{"R40 neighbour: mapping from a parameter", nil, m{"G": idp("Google", google, m{"Ref": "Mapping"})}, nil, ""},
		{"R34 SAML with both", nil, m{"S": idp("SAML", m{"MetadataURL": "https://idp/x", "MetadataFile": "<x/>"}, nil)}, nil, "R34"},
		{"R34 SAML document that is not XML", nil, m{"S": idp("SAML", m{"MetadataFile": "<"}, nil)}, nil, "R34"},
		{"R34 SAML document that is not metadata", nil, m{"S": idp("SAML", m{"MetadataFile": "<html/>"}, nil)}, nil, "R34"},
		{"R34 neighbour: a metadata document", nil, m{"S": idp("SAML", m{"MetadataFile": `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>`}, nil)}, nil, ""},
		{"R34 SAML with neither", nil, m{"S": idp("SAML", m{"IDPSignout": "false"}, nil)}, nil, "R34"},
		{"SAML with a URL: clean", nil, m{"S": idp("SAML", m{"MetadataURL": "https://idp.example.com/md"}, nil)}, nil, ""},
		{"R32 mapping to an immutable attribute", nil, m{"G": idp("Google", google, m{"email": "email", "custom:tenant": "hd"})}, nil, "R32"},
		{"R32 mapping to a missing attribute", nil, m{"G": idp("Google", google, m{"email": "email", "custom:plan": "hd", "nick": "name"})}, nil, "R32"},
		{"R29 no callback URL", m{"CallbackURLs": a{}}, nil, nil, "R29"},
		{"R29 http callback", m{"CallbackURLs": a{"http://app.example.com/"}}, nil, nil, "R29"},
		{"localhost http callback: clean", m{"CallbackURLs": a{"http://localhost:3000/"}}, nil, nil, ""},
		{"R31 client email without openid", m{"AllowedOAuthScopes": a{"email"}}, nil, nil, "R31"},
		{"R30 reserved word in the domain", nil, m{"D2": m{"Type": "AWS::Cognito::UserPoolDomain", "Properties": m{"Domain": "amazon-login"}}}, nil, "R30"},
		{"custom domain: not a prefix, clean", nil, m{"D2": m{"Type": "AWS::Cognito::UserPoolDomain", "Properties": m{"Domain": "auth.example.com"}}}, nil, ""},
		{"R36 warning: MFA with a provider", nil, m{"G": idp("Google", google, nil)}, func(p m) {
			p["MfaConfiguration"] = "OPTIONAL"
			p["EnabledMfas"] = a{"SOFTWARE_TOKEN_MFA"}
		}, "R36 warning"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			findings, err := lint.Template(providerTemplate(tc.client, tc.extra, tc.pool))
			if err != nil {
				t.Fatal(err)
			}
			if got := ruleList(t, findings); got != tc.want {
				t.Errorf("got %q, want %q\n%v", got, tc.want, findings)
			}
		})
	}
}
