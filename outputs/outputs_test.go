package outputs_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/outputs"
	"github.com/defineauth/defineauth/outputs/outputstest"
)

// Simulated ids of a deployment, used wherever a template output refers to a resource.
var deployed = map[string]string{
	"AWS::Region":                  "eu-west-1",
	"AWS::Cognito::UserPool":       "eu-west-1_Example1",
	"AWS::Cognito::UserPoolClient": "exampleclientid0123456789",
	"AWS::Cognito::IdentityPool":   "eu-west-1:00000000-1111-2222-3333-444444444444",
}

// simulateDeploy resolves a template's Outputs the way CloudFormation would after a
// deployment, with the ids above: what cdk deploy --outputs-file records.
func simulateDeploy(t *testing.T, templatePath string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	var tmpl struct {
		Resources map[string]struct{ Type string }
		Outputs   map[string]struct{ Value any }
	}
	if err := json.Unmarshal(raw, &tmpl); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, o := range tmpl.Outputs {
		switch v := o.Value.(type) {
		case string:
			out[name] = v
		case map[string]any:
			ref, _ := v["Ref"].(string)
			id, ok := deployed[ref]
			if !ok {
				id, ok = deployed[tmpl.Resources[ref].Type]
			}
			if !ok {
				t.Fatalf("%s: output %s: cannot resolve %v", templatePath, name, v)
			}
			out[name] = id
		default:
			t.Fatalf("%s: output %s: unexpected value %v", templatePath, name, v)
		}
	}
	return out
}

// TestGoldenOutputs builds amplify_outputs.json for every golden template and compares
// it with testdata/outputs/<name>.amplify_outputs.json, which the aws-amplify client
// test (clienttest/) loads.
func TestGoldenOutputs(t *testing.T) {
	golden.Each(t, "../testdata/golden/*.template.json", ".template.json", 24, func(t *testing.T, name, tp string) {
		f, err := outputs.FromStackOutputs(simulateDeploy(t, tp))
		if err != nil {
			t.Fatal(err)
		}
		golden.Compare(t, filepath.Join("../testdata/outputs", name+".amplify_outputs.json"), f.JSON())
	})
}

func base() map[string]string {
	return map[string]string{
		outputs.Marker: "1", outputs.Region: "us-east-1", outputs.UserPoolID: "us-east-1_X", outputs.WebClientID: "c",
		outputs.IdentityPoolID: "us-east-1:0000aaaa-1111-2222-3333-444444444444", outputs.MFAConfiguration: "ON", outputs.MFATypes: `["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]`,
		outputs.SignupAttributes: `["email"]`, outputs.UsernameAttributes: `["email"]`, outputs.VerificationMechanisms: `["email"]`,
		outputs.PasswordPolicyMinLength: "10", outputs.PasswordPolicyRequirements: `["REQUIRES_NUMBERS"]`,
		outputs.UnauthenticatedIdentities: "false", outputs.Groups: `["ADMINS","USERS"]`,
	}
}

func TestFromStackOutputsMapping(t *testing.T) {
	for cfn, want := range map[string]string{"OFF": "NONE", "OPTIONAL": "OPTIONAL", "ON": "REQUIRED"} {
		in := base()
		in[outputs.MFAConfiguration] = cfn
		if cfn == "OFF" {
			in[outputs.MFATypes] = "[]"
		}
		f, err := outputs.FromStackOutputs(in)
		if err != nil {
			t.Fatal(err)
		}
		if f.Auth.MFAConfiguration != want {
			t.Errorf("%s -> %s, want %s", cfn, f.Auth.MFAConfiguration, want)
		}
	}
	f, err := outputs.FromStackOutputs(base())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.Auth.MFAMethods, ","); got != "SMS,TOTP,EMAIL" {
		t.Errorf("methods %s", got)
	}
	want := outputs.PasswordPolicy{MinLength: 10, RequireNumbers: true}
	if f.Auth.PasswordPolicy != want {
		t.Errorf("password policy %+v, want %+v", f.Auth.PasswordPolicy, want)
	}
	js := string(f.JSON())
	for _, key := range []string{`"require_lowercase": false`, `"require_uppercase": false`, `"require_symbols": false`, `"version": "1.4"`,
		`"USERS": {`, `"precedence": 1`} {
		if !strings.Contains(js, key) {
			t.Errorf("JSON lacks %s:\n%s", key, js)
		}
	}
}

func TestFromStackOutputsReportsEveryProblem(t *testing.T) {
	in := base()
	delete(in, outputs.UserPoolID)
	in[outputs.MFATypes] = "SMS"
	in[outputs.PasswordPolicyMinLength] = "ten"
	_, err := outputs.FromStackOutputs(in)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"missing output UserPoolId", "output MfaTypes: want a JSON list", `output PasswordPolicyMinLength: want a length from 6 to 99, got "ten"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := outputs.FromStackOutputs(map[string]string{"Other": "x"}); err == nil || !strings.Contains(err.Error(), "not a defineauth stack") {
		t.Errorf("non-defineauth outputs: %v", err)
	}
}

// TestFromStackOutputsSanity: values no defineauth stack writes are refused, not
// copied into the client file; each has a passing neighbour in base().
func TestFromStackOutputsSanity(t *testing.T) {
	for _, tc := range []struct {
		name, key, value, want string
	}{
		{"newer outputs format", outputs.Marker, "2", `format "2", which this defineauth does not know`},
		{"negative password length", outputs.PasswordPolicyMinLength, "-1", "want a length from 6 to 99"},
		{"password length past Cognito's", outputs.PasswordPolicyMinLength, "100", "want a length from 6 to 99"},
		{"MFA on without methods", outputs.MFATypes, "[]", "MfaConfiguration is ON but MfaTypes lists no method"},
		{"unknown MFA method", outputs.MFATypes, `["VOICE"]`, `unknown method "VOICE"`},
		{"unknown username attribute", outputs.UsernameAttributes, `["nickname"]`, `"nickname" is not email or phone_number`},
		{"group twice", outputs.Groups, `["A","A"]`, `group "A" is empty or listed twice`},
		{"oauth without a domain", outputs.OAuthSettings, `{"identity_providers":[],"domain_prefix":"","scopes":[],"redirect_sign_in_uri":["https://a/"],"redirect_sign_out_uri":[],"response_type":"code"}`, "a domain prefix, a callback URL"},
		{"oauth unknown member", outputs.OAuthSettings, `{"domain":"x"}`, `unknown field "domain"`},
		{"oauth token response", outputs.OAuthSettings, `{"identity_providers":[],"domain_prefix":"x","scopes":[],"redirect_sign_in_uri":["https://a/"],"redirect_sign_out_uri":[],"response_type":"token"}`, "code response type"},
		{"passwordless not JSON", outputs.PasswordlessSettings, `{"email_otp_enabled":`, "output Passwordless"},
		{"passwordless unknown member", outputs.PasswordlessSettings, `{"email_otp":true}`, `unknown field "email_otp"`},
		{"passwordless member twice", outputs.PasswordlessSettings, `{"sms_otp_enabled":true,"sms_otp_enabled":false}`, "sms_otp_enabled"},
		{"unknown preferred challenge", outputs.PasswordlessSettings, `{"preferred_challenge":"MAGIC_LINK"}`, `unknown preferred challenge "MAGIC_LINK"`},
		{"passkeys without relying party", outputs.PasswordlessSettings, `{"web_authn":{"user_verification":"required"}}`, "web_authn without a relying party id"},
		{"passkeys discouraged", outputs.PasswordlessSettings, `{"web_authn":{"relying_party_id":"example.com","user_verification":"discouraged"}}`, `user_verification "discouraged" is not one of required, preferred`},
		{"relying party past 63", outputs.PasswordlessSettings, `{"web_authn":{"relying_party_id":"` + strings.Repeat("a", 64) + `"}}`, "the service takes 1 to 63"},
		{"oauth domain to another host", outputs.OAuthSettings, `{"identity_providers":[],"domain_prefix":"user@evil.example#","scopes":[],"redirect_sign_in_uri":["https://a.example/"],"redirect_sign_out_uri":[],"response_type":"code"}`, `the domain prefix "user@evil.example#"`},
		{"oauth domain with a reserved word", outputs.OAuthSettings, `{"identity_providers":[],"domain_prefix":"my-cognito","scopes":[],"redirect_sign_in_uri":["https://a.example/"],"redirect_sign_out_uri":[],"response_type":"code"}`, "reserved word cognito"},
		{"oauth http callback", outputs.OAuthSettings, `{"identity_providers":[],"domain_prefix":"shop","scopes":[],"redirect_sign_in_uri":["http://evil.example/"],"redirect_sign_out_uri":[],"response_type":"code"}`, "uses http"},
		{"oauth scope with a space", outputs.OAuthSettings, `{"identity_providers":[],"domain_prefix":"shop","scopes":["openid email"],"redirect_sign_in_uri":["https://a.example/"],"redirect_sign_out_uri":[],"response_type":"code"}`, `the scope "openid email"`},
		{"user pool of another region", outputs.UserPoolID, "eu-west-1_X", "not an id of the region us-east-1"},
		{"user pool id not an id", outputs.UserPoolID, "us-east-1_X/../y", "user pool id"},
		{"client id with a slash", outputs.WebClientID, "c/x", "app client id"},
		{"region not a region", outputs.Region, "localhost", `"localhost" is not a region name`},
		{"required attribute unknown", outputs.SignupAttributes, `["shoe_size"]`, `"shoe_size" is not a standard attribute`},
		{"group name with a space", outputs.Groups, `["two words"]`, `group "two words" has characters`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := base()
			in[tc.key] = tc.value
			if _, err := outputs.FromStackOutputs(in); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	for name, in := range map[string][2]string{ // the passing neighbours
		"oauth":    {outputs.OAuthSettings, `{"identity_providers":["GOOGLE","corp"],"domain_prefix":"shop-login","scopes":["openid","email"],"redirect_sign_in_uri":["https://app.example.com/","myapp://callback","http://localhost:3000/"],"redirect_sign_out_uri":[],"response_type":"code"}`},
		"passkeys": {outputs.PasswordlessSettings, `{"web_authn":{"relying_party_id":"example.com","user_verification":"preferred"}}`},
	} {
		ok := base()
		ok[in[0]] = in[1]
		if _, err := outputs.FromStackOutputs(ok); err != nil {
			t.Errorf("neighbour %s: %v", name, err)
		}
	}
	off := base()
	off[outputs.MFAConfiguration] = "OFF"
	if _, err := outputs.FromStackOutputs(off); err == nil || !strings.Contains(err.Error(), "OFF but MfaTypes lists methods") {
		t.Errorf("OFF with methods: %v", err)
	}
}

// TestEmptyListsAreWritten: a pool without MFA methods or groups gets [] for both,
// as Amplify's own pipeline writes them.
func TestEmptyListsAreWritten(t *testing.T) {
	in := base()
	in[outputs.MFAConfiguration], in[outputs.MFATypes], in[outputs.Groups] = "OFF", "[]", "[]"
	f, err := outputs.FromStackOutputs(in)
	if err != nil {
		t.Fatal(err)
	}
	js := string(f.JSON())
	for _, want := range []string{`"mfa_methods": []`, `"groups": []`} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s:\n%s", want, js)
		}
	}
}

func TestFromCDKOutputsFile(t *testing.T) {
	auth, _ := json.Marshal(base())
	one := []byte(`{"Network": {"VpcId": "vpc-1"}, "defineauth-shop": ` + string(auth) + `}`)
	two := []byte(`{"defineauth-a": ` + string(auth) + `, "defineauth-b": ` + string(auth) + `}`)
	tests := []struct {
		name, stack string
		data        []byte
		wantStack   string
		wantErr     string
	}{
		{"one auth stack among others", "", one, "defineauth-shop", ""},
		{"named", "defineauth-b", two, "defineauth-b", ""},
		{"several without a name", "", two, "", "several defineauth stacks in the file (defineauth-a, defineauth-b): choose one with --stack"},
		{"unknown name", "nope", one, "", `no stack "nope" in the file; it has: Network, defineauth-shop`},
		{"named stack is not defineauth", "Network", one, "", `stack "Network" has no defineauth outputs`},
		{"no auth stack", "", []byte(`{"Network": {"VpcId": "vpc-1"}}`), "", "no defineauth stack in the file (stacks: Network)"},
		{"malformed", "", []byte(`{"a": [}`), "", "not a cdk outputs file"},
		{"duplicate stack", "", []byte(`{"defineauth-a": {}, "defineauth-a": {}}`), "", "given twice"},
		{"a number as an output", "", []byte(`{"defineauth-a": {"UserPoolId": 1}}`), "", "is not a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stack, err := outputs.FromCDKOutputsFile(tt.data, tt.stack)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || stack != tt.wantStack {
				t.Errorf("stack %q, err %v; want %q", stack, err, tt.wantStack)
			}
		})
	}
}

func TestFromCloudFormation(t *testing.T) {
	api := outputstest.Stacks{"defineauth-shop": base(), "Network": {"VpcId": "vpc-1"}}
	got, err := outputs.FromCloudFormation(context.Background(), api, "defineauth-shop")
	if err != nil || got[outputs.UserPoolID] != "us-east-1_X" {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := outputs.FromCloudFormation(context.Background(), api, "Network"); !errors.Is(err, outputs.ErrNotDefineAuth) {
		t.Errorf("Network: %v", err)
	}
	if _, err := outputs.FromCloudFormation(context.Background(), api, "gone"); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("gone: %v", err)
	}
}
