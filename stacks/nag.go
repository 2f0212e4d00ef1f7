package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// AddNagChecks adds cdk-nag's AwsSolutions rule pack (cdk-nag v2) to scope, usually
// the app: at synth time every unsuppressed finding becomes a CDK error or warning
// annotation, and `cdk synth` fails on errors. The Auth construct already suppresses,
// with reasons, the findings it makes by design (the SMS role's sns:Publish on *, a
// feature plan other than PLUS); MFA that is not REQUIRED, guest identities and weak
// password policies are reported.
func AddNagChecks(scope constructs.IConstruct) {
	awscdk.Aspects_Of(scope).Add(cdknag.NewAwsSolutionsChecks(&cdknag.NagPackProps{Verbose: jsii.Bool(true)}), nil)
}
