package lint_test

import (
	"encoding/json"
	"testing"

	"github.com/defineauth/defineauth/lint"
)

// triggerTemplate is a pool with LambdaConfig lc, a web client with flows, the
// resources in extra, and an invoke permission for each function resource listed
// in permitted (by logical id; "arn:..." strings are permitted as literal names).
func triggerTemplate(lc m, tier string, flows a, extra m, permitted ...any) []byte {
	props := m{"UserPoolTier": tier, "LambdaConfig": lc, "UsernameAttributes": a{"email"}, "AutoVerifiedAttributes": a{"email"},
		"Schema": a{m{"Name": "email", "AttributeDataType": "String", "Required": true}}}
	res := m{
		"Pool":   m{"Type": "AWS::Cognito::UserPool", "Properties": props},
		"Client": m{"Type": "AWS::Cognito::UserPoolClient", "Properties": m{"UserPoolId": m{"Ref": "Pool"}, "ExplicitAuthFlows": flows}},
		"Fn":     m{"Type": "AWS::Lambda::Function", "Properties": m{}},
		"Fn2":    m{"Type": "AWS::Lambda::Function", "Properties": m{}},
	}
	for k, v := range extra {
		res[k] = v
	}
	for i, fn := range permitted {
		res["Perm"+string(rune('A'+i))] = m{"Type": "AWS::Lambda::Permission", "Properties": m{
			"Action": "lambda:InvokeFunction", "Principal": "cognito-idp.amazonaws.com", "FunctionName": fn,
			"SourceArn": m{"Fn::GetAtt": a{"Pool", "Arn"}}}}
	}
	b, _ := json.Marshal(m{"Resources": res})
	return b
}

func arnOf(id string) m { return m{"Fn::GetAtt": a{id, "Arn"}} }

func TestTriggerRules(t *testing.T) {
	srp := a{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}
	const ext = "arn:aws:lambda:us-east-1:123456789012:function:ext"
	key := "arn:aws:kms:us-east-1:123456789012:key/k"
	for _, tc := range []struct {
		name      string
		lc        m
		tier      string
		flows     a
		extra     m
		permitted []any
		want      string
	}{
		{"permitted trigger: clean", m{"PreSignUp": arnOf("Fn")}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, ""},
		{"permission by Ref: clean", m{"PreSignUp": arnOf("Fn")}, "ESSENTIALS", srp, nil, a{m{"Ref": "Fn"}}, ""},
		{"R20 function here without permission", m{"PreSignUp": arnOf("Fn")}, "ESSENTIALS", srp, nil, nil, "R20"},
		{"R20 inbound federation without permission", m{"InboundFederation": m{"LambdaArn": arnOf("Fn"), "LambdaVersion": "V1_0"}}, "ESSENTIALS", srp, nil, nil, "R20"},
		{"R20 neighbour: inbound federation with its permission", m{"InboundFederation": m{"LambdaArn": arnOf("Fn"), "LambdaVersion": "V1_0"}}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, ""},
		{"R20 permission for another function", m{"PreSignUp": arnOf("Fn")}, "ESSENTIALS", srp, nil, a{arnOf("Fn2")}, "R20"},
		{"R20 warning: function elsewhere", m{"PostConfirmation": ext}, "ESSENTIALS", srp, nil, nil, "R20 warning"},
		{"literal ARN permitted by name: clean", m{"PostConfirmation": ext}, "ESSENTIALS", srp, nil, a{"ext"}, ""},
		{"R16 two of three", m{"DefineAuthChallenge": arnOf("Fn"), "CreateAuthChallenge": arnOf("Fn")}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, "R16"},
		{"trio: clean", m{"DefineAuthChallenge": arnOf("Fn"), "CreateAuthChallenge": arnOf("Fn"), "VerifyAuthChallengeResponse": arnOf("Fn")}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, ""},
		{"R17 V2 on LITE", m{"PreTokenGenerationConfig": m{"LambdaArn": arnOf("Fn"), "LambdaVersion": "V2_0"}}, "LITE", srp, nil, a{arnOf("Fn")}, "R17"},
		{"V2 on ESSENTIALS: clean", m{"PreTokenGenerationConfig": m{"LambdaArn": arnOf("Fn"), "LambdaVersion": "V2_0"}}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, ""},
		{"V1 on LITE: clean", m{"PreTokenGenerationConfig": m{"LambdaArn": arnOf("Fn"), "LambdaVersion": "V1_0"}}, "LITE", srp, nil, a{arnOf("Fn")}, ""},
		{"R18 sender without key", m{"CustomEmailSender": m{"LambdaArn": arnOf("Fn"), "LambdaVersion": "V1_0"}}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, "R18"},
		{"sender with key: clean", m{"CustomSMSSender": m{"LambdaArn": arnOf("Fn"), "LambdaVersion": "V1_0"}, "KMSKeyID": key}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, ""},
		{"R19 migration with SRP only", m{"UserMigration": arnOf("Fn")}, "ESSENTIALS", srp, nil, a{arnOf("Fn")}, "R19"},
		{"migration with password flow: clean", m{"UserMigration": arnOf("Fn")}, "ESSENTIALS", append(srp, "ALLOW_USER_PASSWORD_AUTH"), nil, a{arnOf("Fn")}, ""},
		{"migration with admin password flow: clean", m{"UserMigration": arnOf("Fn")}, "ESSENTIALS", append(srp, "ALLOW_ADMIN_USER_PASSWORD_AUTH"), nil, a{arnOf("Fn")}, ""},
		{"migration, flows from a parameter: not guessed", m{"UserMigration": arnOf("Fn")}, "ESSENTIALS", nil, nil, a{arnOf("Fn")}, ""},
		{"permission for another pool does not count", m{"PreSignUp": arnOf("Fn")}, "ESSENTIALS", srp, m{"Other": m{"Type": "AWS::Lambda::Permission", "Properties": m{
			"Action": "lambda:InvokeFunction", "Principal": "cognito-idp.amazonaws.com", "FunctionName": arnOf("Fn"), "SourceArn": m{"Fn::GetAtt": a{"Pool2", "Arn"}}}}}, nil, "R20"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			flows := any(tc.flows)
			if tc.flows == nil {
				flows = m{"Ref": "Flows"}
			}
			data := triggerTemplate(tc.lc, tc.tier, nil, tc.extra, tc.permitted...)
			var doc m
			_ = json.Unmarshal(data, &doc)
			doc["Resources"].(m)["Client"].(m)["Properties"].(m)["ExplicitAuthFlows"] = flows
			data, _ = json.Marshal(doc)
			findings, err := lint.Template(data)
			if err != nil {
				t.Fatal(err)
			}
			if got := ruleList(t, findings); got != tc.want {
				t.Errorf("got %q, want %q\n%v", got, tc.want, findings)
			}
		})
	}
}
