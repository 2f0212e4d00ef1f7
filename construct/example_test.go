package construct_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	_ "github.com/defineauth/defineauth/internal/golden" // accepts -update
	"github.com/defineauth/defineauth/internal/jsiitest"
)

// TestMain shares one jsii runtime (one Node.js process) across the tests here.
func TestMain(m *testing.M) { jsiitest.Main(m) }

// Adding defineauth to your own stack, next to your other constructs.
func ExampleNewAuth() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("MyAppStack"), nil)

	auth, err := construct.NewAuth(stack, jsii.String("Auth"), &config.Config{
		Name:           "shop",
		LoginWith:      config.LoginWith{Email: true},
		Multifactor:    &config.Multifactor{Mode: config.MFARequired, TOTP: true, SMS: &config.SMSMFA{}},
		UserAttributes: map[string]config.Attribute{"phoneNumber": {Required: true}},
		DeviceTracking: &config.DeviceTracking{ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(*auth.CfnUserPool.MfaConfiguration())
	for _, m := range *auth.CfnUserPool.EnabledMfas() {
		fmt.Print(" ", *m)
	}
	fmt.Println()
	fmt.Println("SMS role created:", auth.SMSRole != nil)
	// Output:
	// ON SMS_MFA SOFTWARE_TOKEN_MFA
	// SMS role created: true
}

// An invalid config adds nothing and lists every problem with its rule id and fix.
func ExampleNewAuth_invalid() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("MyAppStack"), nil)
	_, err := construct.NewAuth(stack, jsii.String("Auth"), &config.Config{
		Name:        "shop",
		LoginWith:   config.LoginWith{Email: true},
		Multifactor: &config.Multifactor{Mode: config.MFARequired, Email: true},
	})
	for _, p := range config.Problems(err) {
		fmt.Println(p.Rule, p.Path)
	}
	// Output:
	// R7 multifactor.email
	// R8 multifactor.email
}

// Attaching Lambda functions from Go: at construction (AuthProps, checked at once
// with the config) or later (AddTrigger, checked again at synth). The custom
// challenge trio also allows CUSTOM_AUTH on the web client.
func ExampleNewAuthWithProps() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("MyAppStack"), nil)
	fn := func(name string) awslambda.IFunction { // any IFunction: here, existing functions
		return awslambda.Function_FromFunctionArn(stack, jsii.String(name), jsii.String("arn:aws:lambda:eu-west-1:123456789012:function:"+name))
	}
	auth, err := construct.NewAuthWithProps(stack, jsii.String("Auth"), &construct.AuthProps{
		Config: &config.Config{Name: "shop", LoginWith: config.LoginWith{Email: true}},
		Triggers: map[config.Trigger]awslambda.IFunction{
			config.DefineAuthChallenge:         fn("define"),
			config.CreateAuthChallenge:         fn("create"),
			config.VerifyAuthChallengeResponse: fn("verify"),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := auth.AddTrigger(config.PostConfirmation, fn("welcome")); err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range *auth.CfnWebClient.ExplicitAuthFlows() {
		fmt.Println(*f)
	}
	fmt.Println(len(auth.Permissions), "invoke permissions")
	// Output:
	// ALLOW_USER_SRP_AUTH
	// ALLOW_REFRESH_TOKEN_AUTH
	// ALLOW_CUSTOM_AUTH
	// 4 invoke permissions
}
