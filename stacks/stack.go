// Package stacks holds the ready-made defineauth stack: the Auth construct alone in a
// stack, with the stack outputs a front end needs (named in package outputs), and a one-call synthesizer that
// renders its CloudFormation template deterministically.
package stacks

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/strictjson"
	"github.com/defineauth/defineauth/upgrade"
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
// When props.StackName is empty, the stack is named StackName(config); a config
// without a name is named after the stack id.
func NewAuthStack(scope constructs.Construct, id *string, props *AuthStackProps) (*AuthStack, error) {
	if props == nil || props.Config == nil {
		return nil, fmt.Errorf("defineauth: NewAuthStack needs props with a Config")
	}
	cfg := *props.Config
	if id != nil {
		cfg.SetDefaultName(config.SanitizeName(*id), "the stack id "+strconv.Quote(*id))
	}
	st := spec.ForStack(&cfg)
	sp := props.StackProps
	if sp.StackName == nil {
		sp.StackName = jsii.String(st.Name)
	}
	if sp.Description == nil {
		sp.Description = jsii.String(st.Description)
	}
	stack := awscdk.NewStack(scope, id, &sp)
	auth, err := construct.NewAuth(stack, jsii.String(st.AuthID), &cfg) // validates, once
	if err != nil {
		scope.Node().TryRemoveChild(id) // nothing is added to scope for an invalid config
		return nil, err
	}
	refs := map[string]*string{
		spec.Region:                           stack.Region(),
		st.AuthID + "/" + spec.UserPoolID:     auth.CfnUserPool.Ref(),
		st.AuthID + "/" + spec.WebClientID:    auth.CfnWebClient.Ref(),
		st.AuthID + "/" + spec.IdentityPoolID: auth.CfnIdentityPool.Ref(),
	}
	for _, o := range st.Outputs {
		value, isRef := o.Value.(spec.Ref)
		v := refs[value.Target]
		if !isRef {
			v = jsii.String(o.Value.(string))
		}
		// Exported as "<stack name>-<name>", so other stacks can import it with
		// Fn::ImportValue.
		awscdk.NewCfnOutput(stack, jsii.String(o.Name), &awscdk.CfnOutputProps{
			Value:       v,
			Description: jsii.String(o.Description),
			ExportName:  jsii.String(*stack.StackName() + "-" + o.Name),
		})
	}
	return &AuthStack{Stack: stack, Auth: auth}, nil
}

// CheckUpgrade compares the template the app synthesized for stack (in asm, what
// app.Synth returns) with the deployed template in the file baseline (JSON or YAML),
// and returns every hazard of deploying it (see package upgrade): use it in your
// own app to stop a synth before a change Cognito refuses or that loses users.
func CheckUpgrade(asm cxapi.CloudAssembly, stack awscdk.Stack, baseline string) ([]upgrade.Finding, error) {
	f, err := os.Open(baseline)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	deployed, err := strictjson.ReadAll(f, cfn.MaxTemplateSize)
	if err != nil {
		return nil, err
	}
	next, err := json.Marshal(asm.GetStackArtifact(stack.ArtifactId()).Template())
	if err != nil {
		return nil, err
	}
	return upgrade.Check(deployed, next)
}

// StackName returns the default stack name for cfg (see config.Config.StackName).
func StackName(cfg *config.Config) string { return cfg.StackName() }

// featureFlagsJSON holds the CDK feature flags that `cdk init` writes into a new
// app's cdk.json for the pinned aws-cdk-lib (its recommended-feature-flags.json).
//
//go:embed featureflags.json
var featureFlagsJSON []byte

// FeatureFlags returns the recommended CDK feature flags for the pinned aws-cdk-lib,
// as `cdk init` sets them for a new app. This project's cdk.json carries the same
// (a test keeps them equal); Template and the CDK app use them, so a template is the
// same however it is synthesized. Use them as your app's context defaults:
// awscdk.NewApp(&awscdk.AppProps{Context: &flags}).
func FeatureFlags() map[string]interface{} {
	var flags map[string]interface{}
	if err := json.Unmarshal(featureFlagsJSON, &flags); err != nil {
		panic("defineauth: embedded featureflags.json: " + err.Error()) // a build defect, caught by every test
	}
	return flags
}

// deterministicContext turns off what makes a template differ between machines or
// runs: construct-path metadata and version reporting.
var deterministicContext = map[string]interface{}{
	"aws:cdk:enable-path-metadata":  false,
	"aws:cdk:enable-asset-metadata": false,
	"aws:cdk:version-reporting":     false,
}

// EnvironmentError says that the machine, not the config, stopped a synth: no
// Node.js, no usable temporary directory, a full disk. Commands exit 2 on it.
type EnvironmentError struct {
	What string // what is missing or failed, and how to fix it
	Err  error  // the underlying error, if any
}

func (e *EnvironmentError) Error() string {
	if e.Err == nil {
		return e.What
	}
	return e.What + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *EnvironmentError) Unwrap() error { return e.Err }

// BuiltinValidation reports whether aws-cdk-lib's built-in CloudFormation validation
// should run on a synth: only when CDK_VALIDATION=true. It checks the templates
// against the CloudFormation schema (a WebAssembly engine, about 80% of a synth's time
// here, the template unchanged); for a config that validates, defineauth's rules and
// lint already cover it, and CI proves every golden and fuzzed template with cfn-lint.
func BuiltinValidation() bool { return os.Getenv("CDK_VALIDATION") == "true" }

// Template validates cfg, synthesizes the ready-made stack in a fresh app (in a
// temporary directory, removed afterwards) and returns its CloudFormation template as
// indented JSON with sorted keys: the same config always gives the same bytes.
// It starts the jsii runtime (Node.js) on first use in a process. CDK's built-in
// validation runs only with CDK_VALIDATION=true (see BuiltinValidation). The same
// bytes come, in pure Go and microseconds, from spec.ForStack(cfg).Template().
//
// It never panics: a missing Node.js or an unusable temporary directory is an
// *EnvironmentError, and an error raised inside the CDK (a bug, for a config that
// validates) is returned as a one-line error.
func Template(cfg *config.Config) (out []byte, err error) {
	if err := spec.Validate(cfg); err != nil {
		return nil, fmt.Errorf("defineauth: invalid config:\n%w", err)
	}
	if _, err := exec.LookPath("node"); err != nil && os.Getenv("JSII_NODE") == "" {
		return nil, &EnvironmentError{What: "Node.js is not installed (no node on PATH); the CDK synth runs in Node.js: install Node.js 20 or newer"}
	}
	dir, err := os.MkdirTemp("", "defineauth-synth-")
	if err != nil {
		return nil, &EnvironmentError{What: "cannot create a temporary directory for the synth (set TMPDIR to a writable directory with free space)", Err: err}
	}
	defer os.RemoveAll(dir)
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, SynthError(r)
		}
	}()
	ctx := FeatureFlags()
	maps.Copy(ctx, deterministicContext)
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(dir), AnalyticsReporting: jsii.Bool(false), Context: &ctx,
		BuiltinCloudFormationValidation: jsii.Bool(BuiltinValidation())})
	stack, err := NewAuthStack(app, jsii.String(cfg.StackName()), &AuthStackProps{Config: cfg})
	if err != nil {
		return nil, err
	}
	tmpl := app.Synth(nil).GetStackArtifact(stack.ArtifactId()).Template()
	out, err = json.MarshalIndent(tmpl, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// SynthError turns what the jsii runtime or the CDK panicked with during a synth (the
// value recover returns) into a one-line error, for an app that should show users a
// reason rather than a Go and JavaScript stack trace: failures to start Node.js or to
// write the cloud assembly are an *EnvironmentError; a synth stopped by validation
// errors (cdk-nag, with the recommended feature flags) says so, since the CDK has
// printed them; anything else is reported as a defineauth bug.
func SynthError(r any) error {
	msg := fmt.Sprint(r)
	if e, ok := r.(error); ok {
		msg = e.Error()
	}
	first, _, _ := strings.Cut(strings.TrimSpace(msg), "\n")
	for _, env := range []string{"ENOSPC", "EACCES", "EROFS", "EMFILE", "no space left", "permission denied", "executable file not found", "failed to start", "unable to start"} {
		if strings.Contains(msg, env) {
			return &EnvironmentError{What: "the CDK synth could not run", Err: errors.New(first)}
		}
	}
	if strings.Contains(first, "ValidationFailed") {
		return errors.New("synthesis stopped: the errors above (cdk-nag or other validations) must be fixed or suppressed with a reason")
	}
	return fmt.Errorf("the CDK failed to synthesize a config that validates (a defineauth bug; please report it with the config): %s", first)
}
