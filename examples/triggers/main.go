// Command triggers is a CDK app showing what a JSON config cannot hold: two Cognito
// triggers written in Go in this repository (handlers, presignup, pretoken), built
// into provided.al2023 functions when the app synthesizes, attached to a defineauth
// pool, and a grant for the ADMINS group.
//
//	npx cdk synth --app "go run ./examples/triggers"            # -c nag=true adds cdk-nag
package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/golambda"
	"github.com/defineauth/defineauth/examples/triggers/handlers"
	"github.com/defineauth/defineauth/stacks"
)

// StackName is the example stack's name.
const StackName = "defineauth-triggers-example"

// newStack adds the example stack to app.
func newStack(app awscdk.App) (*construct.Auth, error) {
	stack := awscdk.NewStack(app, jsii.String(StackName), nil)
	preSignUp, err := golambda.NewFunction(stack, jsii.String("PreSignUp"), &golambda.FunctionProps{
		BuildOptions: golambda.BuildOptions{Package: "github.com/defineauth/defineauth/examples/triggers/presignup"},
		Function: &awslambda.FunctionProps{
			Description: jsii.String("Confirms sign-ups from allow-listed email domains"),
			Environment: &map[string]*string{handlers.AllowedDomainsEnv: jsii.String("example.com")},
		},
	})
	if err != nil {
		return nil, err
	}
	claims, err := golambda.NewFunction(stack, jsii.String("PreTokenGeneration"), &golambda.FunctionProps{
		BuildOptions: golambda.BuildOptions{Package: "github.com/defineauth/defineauth/examples/triggers/pretoken"},
		Function:     &awslambda.FunctionProps{Description: jsii.String("Adds the org claim to ID and access tokens")},
	})
	if err != nil {
		return nil, err
	}
	auth, err := construct.NewAuthWithProps(stack, jsii.String("Auth"), &construct.AuthProps{
		Config: &config.Config{
			Name:        "triggers-example",
			LoginWith:   config.LoginWith{Email: true},
			Multifactor: &config.Multifactor{Mode: config.MFARequired, TOTP: true},
			Groups:      []string{"ADMINS", "MEMBERS"},
			Triggers:    config.Triggers{PreTokenGenerationVersion: config.TokenEventV2},
		},
		Triggers: map[config.Trigger]awslambda.IFunction{config.PreSignUp: preSignUp, config.PreTokenGeneration: claims},
	})
	if err != nil {
		return nil, err
	}
	// cdk-nag (-c nag=true): the functions' default role uses AWS's basic execution
	// policy, which only lets them write CloudWatch logs.
	for _, f := range []awslambda.Function{preSignUp, claims} {
		cdknag.NagSuppressions_AddResourceSuppressions(f, &[]*cdknag.NagPackSuppression{{
			Id:        jsii.String("AwsSolutions-IAM4"),
			AppliesTo: &[]interface{}{"Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"},
			Reason:    jsii.String("AWSLambdaBasicExecutionRole only allows the function to write its CloudWatch logs; give the function your own role to scope them to one log group"),
		}}, jsii.Bool(true))
	}
	// Administrators, signed in through the identity pool, may manage users and
	// reset a lost MFA device (setUserMfaPreference is part of manageUsers).
	if _, err := auth.Grant(auth.GroupRoles["ADMINS"], "manageUsers", "manageGroupMembership", "manageUserDevices"); err != nil {
		return nil, err
	}
	return auth, nil
}

func run() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = stacks.SynthError(r)
		}
	}()
	flags := stacks.FeatureFlags()
	app := awscdk.NewApp(&awscdk.AppProps{Context: &flags, BuiltinCloudFormationValidation: jsii.Bool(stacks.BuiltinValidation())})
	if _, err := newStack(app); err != nil {
		return err
	}
	if nag := app.Node().TryGetContext(jsii.String("nag")); nag == "true" || nag == true {
		stacks.AddNagChecks(app)
	}
	app.Synth(nil)
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "defineauth:", err)
		os.Exit(1)
	}
}
