package construct_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
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
