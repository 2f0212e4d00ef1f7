// Package stacks holds the ready-made defineauth stack: the Auth construct alone in a
// stack, with the stack outputs a front end needs (named in package outputs), and a one-call synthesizer that
// renders its CloudFormation template deterministically.
package stacks

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/outputs"
)

// AuthStackProps configures NewAuthStack.
type AuthStackProps struct {
	awscdk.StackProps
	// Config is the auth config; required.
	Config *config.Config
}

// AuthStack is a stack holding one Auth construct (id "Auth") and its outputs.
type AuthStack struct {
	awscdk.Stack
	// Auth is the construct, with every resource it made.
	Auth *construct.Auth
}

// NewAuthStack validates props.Config and adds a stack with the auth resources to
// scope. An invalid config returns an error listing every problem and adds nothing.
// When props.StackName is empty, the stack is named StackName(config).
func NewAuthStack(scope constructs.Construct, id *string, props *AuthStackProps) (*AuthStack, error) {
	if props == nil || props.Config == nil {
		return nil, fmt.Errorf("defineauth: NewAuthStack needs props with a Config")
	}
	if err := props.Config.Validate(); err != nil {
		return nil, fmt.Errorf("defineauth: invalid config:\n%w", err)
	}
	sp := props.StackProps
	if sp.StackName == nil {
		sp.StackName = jsii.String(StackName(props.Config))
	}
	if sp.Description == nil {
		sp.Description = jsii.String("Cognito authentication for " + props.Config.Name + " (defineauth)")
	}
	stack := awscdk.NewStack(scope, id, &sp)
	auth, err := construct.NewAuth(stack, jsii.String("Auth"), props.Config)
	if err != nil {
		return nil, err // unreachable: the config was validated above
	}
	s := &AuthStack{Stack: stack, Auth: auth}
	s.output(outputs.Region, stack.Region())
	s.output(outputs.UserPoolID, auth.CfnUserPool.Ref())
	s.output(outputs.WebClientID, auth.CfnWebClient.Ref())
	s.output(outputs.IdentityPoolID, auth.CfnIdentityPool.Ref())
	static := outputs.Static(props.Config)
	for _, name := range slices.Sorted(maps.Keys(static)) {
		s.output(name, jsii.String(static[name]))
	}
	return s, nil
}

// output adds a stack output (see package outputs for the names and values), exported
// as "<stack name>-<name>" so other stacks can import it with Fn::ImportValue.
func (s *AuthStack) output(name string, value *string) {
	awscdk.NewCfnOutput(s.Stack, jsii.String(name), &awscdk.CfnOutputProps{
		Value:       value,
		Description: jsii.String(outputs.Description(name)),
		ExportName:  jsii.String(*s.Stack.StackName() + "-" + name),
	})
}

var unsafeStackChars = regexp.MustCompile(`[^A-Za-z0-9-]+`)

// StackName returns the default stack name for cfg: "defineauth-" and the config name
// with every character CloudFormation does not allow replaced by "-".
func StackName(cfg *config.Config) string {
	return "defineauth-" + unsafeStackChars.ReplaceAllString(cfg.Name, "-")
}

// deterministicContext turns off what makes a template differ between machines or
// runs: construct-path metadata and version reporting.
var deterministicContext = map[string]interface{}{
	"aws:cdk:enable-path-metadata":  false,
	"aws:cdk:enable-asset-metadata": false,
	"aws:cdk:version-reporting":     false,
}

// Template validates cfg, synthesizes the ready-made stack in a fresh app (in a
// temporary directory, removed afterwards) and returns its CloudFormation template as
// indented JSON with sorted keys: the same config always gives the same bytes.
// It starts the jsii runtime (Node.js) on first use in a process.
func Template(cfg *config.Config) ([]byte, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("defineauth: invalid config:\n%w", err)
	}
	dir, err := os.MkdirTemp("", "defineauth-synth-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx := maps.Clone(deterministicContext)
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(dir), AnalyticsReporting: jsii.Bool(false), Context: &ctx})
	stack, err := NewAuthStack(app, jsii.String(StackName(cfg)), &AuthStackProps{Config: cfg})
	if err != nil {
		return nil, err
	}
	tmpl := app.Synth(nil).GetStackArtifact(stack.ArtifactId()).Template()
	out, err := json.MarshalIndent(tmpl, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
