package handlers_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/defineauth/defineauth/examples/triggers/handlers"
	_ "github.com/defineauth/defineauth/internal/golden" // accepts -update (go test ./... -update)
)

func TestPreSignUp(t *testing.T) {
	t.Setenv(handlers.AllowedDomainsEnv, "example.com, Partner.example ")
	for _, tc := range []struct {
		email, source string
		confirm       bool
	}{
		{"ana@example.com", "PreSignUp_SignUp", true},
		{"Ana@EXAMPLE.COM", "PreSignUp_SignUp", true},
		{"bo@partner.example", "PreSignUp_AdminCreateUser", true},
		{"eve@example.com.evil", "PreSignUp_SignUp", false},
		{"eve@evil.example@example.org", "PreSignUp_SignUp", false},
		{"no-at-sign", "PreSignUp_SignUp", false},
		{"ana@example.com", "PreSignUp_ExternalProvider", false},
	} {
		ev := events.CognitoEventUserPoolsPreSignup{}
		ev.TriggerSource = tc.source
		ev.Request.UserAttributes = map[string]string{"email": tc.email}
		out, err := handlers.PreSignUp(context.Background(), ev)
		if err != nil {
			t.Fatal(err)
		}
		if out.Response.AutoConfirmUser != tc.confirm || out.Response.AutoVerifyEmail != tc.confirm {
			t.Errorf("%s (%s): response %+v, want confirmed %v", tc.email, tc.source, out.Response, tc.confirm)
		}
	}
}

// TestPreTokenGeneration feeds the handler a V2_0 event as Cognito sends it (JSON)
// and checks the response Cognito reads: the claim in both tokens, groups kept.
func TestPreTokenGeneration(t *testing.T) {
	in := `{"version":"2","triggerSource":"TokenGeneration_Authentication","region":"eu-west-1","userPoolId":"eu-west-1_x",
	"userName":"u","callerContext":{"awsSdkVersion":"x","clientId":"c"},
	"request":{"userAttributes":{"email":"ana@Example.com"},"groupConfiguration":{"groupsToOverride":["ADMINS"],
	"iamRolesToOverride":["arn:aws:iam::123456789012:role/admins"],"preferredRole":"arn:aws:iam::123456789012:role/admins"},"scopes":["aws.cognito.signin.user.admin"]},
	"response":{"claimsAndScopeOverrideDetails":null}}`
	var ev events.CognitoEventUserPoolsPreTokenGenV2_0
	if err := json.Unmarshal([]byte(in), &ev); err != nil {
		t.Fatal(err)
	}
	out, err := handlers.PreTokenGeneration(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(out.Response)
	var resp struct {
		Details struct {
			ID     struct{ ClaimsToAddOrOverride map[string]any } `json:"idTokenGeneration"`
			Access struct{ ClaimsToAddOrOverride map[string]any } `json:"accessTokenGeneration"`
			Groups struct {
				GroupsToOverride []string `json:"groupsToOverride"`
				PreferredRole    *string  `json:"preferredRole"`
			} `json:"groupOverrideDetails"`
		} `json:"claimsAndScopeOverrideDetails"`
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatal(err)
	}
	d := resp.Details
	if d.ID.ClaimsToAddOrOverride["org"] != "example.com" || d.Access.ClaimsToAddOrOverride["org"] != "example.com" {
		t.Errorf("claims: %s", raw)
	}
	if len(d.Groups.GroupsToOverride) != 1 || d.Groups.PreferredRole == nil {
		t.Errorf("groups were not kept: %s", raw)
	}
}
