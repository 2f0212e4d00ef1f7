package construct_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/internal/jsiitest"
	"github.com/defineauth/defineauth/lint"
)

type m = map[string]any
type a = []any

// fn is a small function in stack (the code is irrelevant: only its ARN is used).
func fn(stack awscdk.Stack, id string) awslambda.Function {
	return awslambda.NewFunction(stack, jsii.String(id), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_22_X(), Handler: jsii.String("index.handler"),
		Code: awslambda.Code_FromInline(jsii.String("exports.handler = async (e) => e;")),
	})
}

// must is jsiitest.Must.
var must = jsiitest.Must

func emailConfig() *config.Config {
	return &config.Config{Name: "shop", LoginWith: config.LoginWith{Email: true}, Multifactor: &config.Multifactor{Mode: config.MFARequired, TOTP: true}}
}

// TestGoFunctionsAttached: functions and a key passed as Go objects are wired as the
// ARN-named ones are (LambdaConfig, a scoped invoke permission each), and the key
// lets Cognito encrypt and the sender decrypt; the template lints clean.
func TestGoFunctionsAttached(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Go"), nil)
	preSignUp, claims, sender := fn(stack, "PreSignUpFn"), fn(stack, "ClaimsFn"), fn(stack, "EmailSenderFn")
	key := awskms.NewKey(stack, jsii.String("SenderKey"), &awskms.KeyProps{EnableKeyRotation: jsii.Bool(true)})
	cfg := emailConfig()
	cfg.Triggers.PreTokenGenerationVersion = config.TokenEventV2
	auth, err := construct.NewAuthWithProps(stack, jsii.String("Auth"), &construct.AuthProps{Config: cfg,
		Triggers:  map[config.Trigger]awslambda.IFunction{config.PreSignUp: preSignUp, config.PreTokenGeneration: claims, config.CustomEmailSender: sender},
		SenderKey: key})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HasTrigger(config.PreSignUp) {
		t.Error("NewAuthWithProps changed the caller's config")
	}
	id := func(c awscdk.CfnElement) string { return *stack.GetLogicalId(c) }
	fnID := func(f awslambda.Function) string { return id(f.Node().DefaultChild().(awscdk.CfnElement)) }
	getAtt := func(x string) m { return m{"Fn::GetAtt": a{x, "Arn"}} }
	tpl := assertions.Template_FromStack(stack, nil)
	must(t, "LambdaConfig", func() {
		tpl.HasResourceProperties(jsii.String("AWS::Cognito::UserPool"), &m{"LambdaConfig": assertions.Match_ObjectEquals(&m{
			"PreSignUp":                getAtt(fnID(preSignUp)),
			"PreTokenGenerationConfig": m{"LambdaArn": getAtt(fnID(claims)), "LambdaVersion": "V2_0"},
			"CustomEmailSender":        m{"LambdaArn": getAtt(fnID(sender)), "LambdaVersion": "V1_0"},
			"KMSKeyID":                 getAtt(id(key.Node().DefaultChild().(awscdk.CfnElement))),
		})})
	})
	must(t, "three permissions", func() { tpl.ResourceCountIs(jsii.String("AWS::Lambda::Permission"), jsii.Number(3)) })
	for _, f := range []awslambda.Function{preSignUp, claims, sender} {
		must(t, "permission of "+fnID(f), func() {
			tpl.HasResourceProperties(jsii.String("AWS::Lambda::Permission"), &m{"FunctionName": getAtt(fnID(f)),
				"Principal": "cognito-idp.amazonaws.com", "SourceArn": getAtt(id(auth.CfnUserPool))})
		})
	}
	must(t, "Cognito may encrypt with the key", func() {
		tpl.HasResourceProperties(jsii.String("AWS::KMS::Key"), &m{"KeyPolicy": m{"Statement": assertions.Match_ArrayWith(&a{
			m{"Sid": "CognitoEncryptsSenderCodes", "Effect": "Allow", "Action": a{"kms:CreateGrant", "kms:Encrypt"},
				"Principal": m{"Service": "cognito-idp.amazonaws.com"}, "Resource": "*",
				"Condition": m{"StringEquals": m{"aws:SourceAccount": m{"Ref": "AWS::AccountId"}}}}})}})
	})
	must(t, "the sender may decrypt", func() {
		tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), &m{"PolicyDocument": m{"Statement": assertions.Match_ArrayWith(&a{
			assertions.Match_ObjectLike(&m{"Action": "kms:Decrypt", "Resource": getAtt(id(key.Node().DefaultChild().(awscdk.CfnElement)))})})}})
	})
	raw, _ := json.Marshal(tpl.ToJSON())
	if findings, err := lint.Template(raw); err != nil || len(findings) > 0 {
		t.Errorf("lint: %v %v", err, findings)
	}
}

// TestPropsRefused: unknown triggers, nil functions and a trigger named twice are
// refused before anything is added.
func TestPropsRefused(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Refused"), nil)
	f := fn(stack, "Fn")
	named := emailConfig()
	named.Triggers.PreSignUp = "arn:aws:lambda:us-east-1:123456789012:function:pre"
	for _, tc := range []struct {
		name  string
		props construct.AuthProps
		want  string
	}{
		{"unknown trigger", construct.AuthProps{Config: emailConfig(), Triggers: map[config.Trigger]awslambda.IFunction{"preSignup": f}}, `unknown trigger "preSignup"`},
		{"nil function", construct.AuthProps{Config: emailConfig(), Triggers: map[config.Trigger]awslambda.IFunction{config.PreSignUp: nil}}, "is nil"},
		{"named twice", construct.AuthProps{Config: named, Triggers: map[config.Trigger]awslambda.IFunction{config.PreSignUp: f}}, "DA013 triggers.preSignUp"},
		{"half a challenge", construct.AuthProps{Config: emailConfig(), Triggers: map[config.Trigger]awslambda.IFunction{config.DefineAuthChallenge: f}}, "R16 triggers"},
		{"sender without key", construct.AuthProps{Config: emailConfig(), Triggers: map[config.Trigger]awslambda.IFunction{config.CustomSMSSender: f}}, "R18 senders"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(*stack.Node().Children())
			_, err := construct.NewAuthWithProps(stack, jsii.String("Auth"+strings.ReplaceAll(tc.name, " ", "")), &tc.props)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
			if after := len(*stack.Node().Children()); after != before {
				t.Errorf("a refused config added %d constructs", after-before)
			}
		})
	}
}

// synthError synthesizes app and returns the panic message, "" when it succeeds.
func synthError(app awscdk.App) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	app.Synth(nil)
	return ""
}

// TestAddTriggerLater: triggers attached after construction are wired the same way,
// and the cross-field rules run when the app synthesizes: half a custom challenge
// fails the synth with R16, the whole trio synthesizes with CUSTOM_AUTH allowed.
func TestAddTriggerLater(t *testing.T) {
	build := func(triggers ...config.Trigger) (awscdk.App, *construct.Auth, awscdk.Stack) {
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())})
		stack := awscdk.NewStack(app, jsii.String("Later"), nil)
		auth, err := construct.NewAuth(stack, jsii.String("Auth"), emailConfig())
		if err != nil {
			t.Fatal(err)
		}
		f := fn(stack, "Challenge")
		for _, tr := range triggers {
			if err := auth.AddTrigger(tr, f); err != nil {
				t.Fatal(err)
			}
		}
		return app, auth, stack
	}
	app, auth, _ := build(config.DefineAuthChallenge, config.CreateAuthChallenge)
	if msg := synthError(app); !strings.Contains(msg, "R16 triggers") || !strings.Contains(msg, "defineauth:") {
		t.Errorf("half a challenge: synth error %q, want R16", msg)
	}
	if err := auth.AddTrigger(config.DefineAuthChallenge, fn(awscdk.NewStack(awscdk.NewApp(nil), jsii.String("X"), nil), "F")); err == nil {
		t.Error("a trigger attached twice was accepted")
	}
	if err := auth.AddTrigger("preSignup", nil); err == nil {
		t.Error("an unknown trigger was accepted")
	}
	app, auth, stack := build(config.DefineAuthChallenge, config.CreateAuthChallenge, config.VerifyAuthChallengeResponse)
	if msg := synthError(app); msg != "" {
		t.Fatalf("the whole trio: %s", msg)
	}
	var flows []string
	for _, f := range *auth.CfnWebClient.ExplicitAuthFlows() {
		flows = append(flows, *f)
	}
	if !slices.Contains(flows, "ALLOW_CUSTOM_AUTH") {
		t.Errorf("flows %v lack ALLOW_CUSTOM_AUTH", flows)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	must(t, "one permission per trigger", func() { tpl.ResourceCountIs(jsii.String("AWS::Lambda::Permission"), jsii.Number(3)) })
}

// TestGrant: named actions become exactly their Cognito IAM actions on this pool's
// ARN; group roles are reachable by name and can be granted to; an unknown name
// grants nothing.
func TestGrant(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Grants"), nil)
	cfg := emailConfig()
	cfg.Groups = []string{"ADMINS", "SUPPORT"}
	auth, err := construct.NewAuth(stack, jsii.String("Auth"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	admin := awsiam.NewRole(stack, jsii.String("AdminRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil)})
	if _, err := auth.Grant(admin, "manageGroupMembership", "addUserToGroup", "setUserMfaPreference"); err != nil {
		t.Fatal(err)
	}
	if _, err := auth.Grant(auth.GroupRoles["SUPPORT"], "managePasswordRecovery"); err != nil {
		t.Fatal(err)
	}
	if _, err := auth.Grant(admin, "manageUsers", "deleteEverything"); err == nil || !strings.Contains(err.Error(), `unknown action "deleteEverything"`) {
		t.Errorf("unknown action: %v", err)
	}
	poolArn := m{"Fn::GetAtt": a{*stack.GetLogicalId(auth.CfnUserPool), "Arn"}}
	tpl := assertions.Template_FromStack(stack, nil)
	must(t, "function grant", func() {
		tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), &m{"PolicyDocument": m{"Statement": assertions.Match_ArrayWith(&a{m{
			"Action": a{"cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminRemoveUserFromGroup", "cognito-idp:AdminSetUserMFAPreference"},
			"Effect": "Allow", "Resource": poolArn}})}})
	})
	must(t, "group role grant", func() {
		tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), &m{
			"Roles": a{m{"Ref": *stack.GetLogicalId(auth.GroupRoles["SUPPORT"].Node().DefaultChild().(awscdk.CfnElement))}},
			"PolicyDocument": m{"Statement": a{m{"Action": a{"cognito-idp:AdminResetUserPassword", "cognito-idp:AdminSetUserPassword"},
				"Effect": "Allow", "Resource": poolArn}}}})
	})
	must(t, "nothing from the refused grant", func() {
		tpl.ResourcePropertiesCountIs(jsii.String("AWS::IAM::Policy"), &m{"PolicyDocument": m{"Statement": assertions.Match_ArrayWith(&a{
			assertions.Match_ObjectLike(&m{"Action": assertions.Match_ArrayWith(&a{"cognito-idp:AdminCreateUser"})})})}}, jsii.Number(0))
	})
	if len(auth.GroupRoles) != 2 || auth.GroupRoles["ADMINS"] == nil {
		t.Errorf("GroupRoles: %v", auth.GroupRoles)
	}
	out, _ := json.MarshalIndent(tpl.ToJSON(), "", "  ")
	golden.Compare(t, "../testdata/golden/go/grants.template.json", append(out, '\n'))
}
