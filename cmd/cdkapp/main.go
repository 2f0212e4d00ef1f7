// Command cdkapp is the CDK app that cdk.json runs: it reads the config file named by
// the CDK context value "config" (cdk.json sets examples/shop.json; override it with
// `cdk synth -c config=path/to/auth.json`) and synthesizes the defineauth stack.
// With `-c nag=true`, cdk-nag's AwsSolutions checks run too (see stacks.AddNagChecks).
// With `-c baseline=deployed.template.json`, the synthesized template is compared
// with the deployed one (package upgrade): every finding is printed, and an
// error-level hazard (a change Cognito refuses, or one that loses users) fails the
// synth, so `cdk deploy` stops before CloudFormation sees it.
// aws-cdk-lib's built-in CloudFormation validation runs only with CDK_VALIDATION=true
// (see stacks.BuiltinValidation): the template is the same either way.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/stacks"
	"github.com/defineauth/defineauth/upgrade"
)

// defaultConfig is used when the CDK context has no "config" value: the bundled
// example, as cdk.json also sets it.
const defaultConfig = "examples/shop.json"

func main() {
	err := runSafely()
	jsii.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// runSafely is run with any panic (a jsii or CDK error) turned into a one-line error,
// so `cdk synth` shows what went wrong instead of a Go and JavaScript stack trace.
func runSafely() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("defineauth: %w", stacks.SynthError(r))
		}
	}()
	return run()
}

func run() error {
	flags := stacks.FeatureFlags() // defaults; cdk.json's context (the same flags) overrides
	app := awscdk.NewApp(&awscdk.AppProps{Context: &flags, BuiltinCloudFormationValidation: jsii.Bool(stacks.BuiltinValidation())})
	path := defaultConfig
	if v, ok := app.Node().TryGetContext(jsii.String("config")).(string); ok && v != "" {
		path = v
	}
	cfg, err := config.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("defineauth: config file %s not found: pass -c config=path/to/auth.json, or set \"config\" in cdk.json's context", path)
	}
	if err == nil {
		err = spec.Validate(cfg)
	}
	if err != nil {
		msg := fmt.Sprintf("defineauth: %s is not a valid config:", path)
		for _, p := range config.Problems(err) {
			msg += "\n  " + p.Error()
		}
		if len(config.Problems(err)) == 0 {
			msg += " " + err.Error()
		}
		return fmt.Errorf("%s", msg)
	}
	stack, err := stacks.NewAuthStack(app, jsii.String(stacks.StackName(cfg)), &stacks.AuthStackProps{Config: cfg})
	if err != nil {
		return err
	}
	if nag := app.Node().TryGetContext(jsii.String("nag")); nag == "true" || nag == true {
		stacks.AddNagChecks(app)
	}
	asm := app.Synth(nil)
	baseline, ok := app.Node().TryGetContext(jsii.String("baseline")).(string)
	if !ok || baseline == "" {
		return nil
	}
	findings, err := stacks.CheckUpgrade(asm, stack.Stack, baseline)
	for _, f := range findings {
		fmt.Fprintf(os.Stderr, "%s: %s\n", path, f) // the file the change is in, like validate and lint
	}
	switch {
	case err != nil:
		return fmt.Errorf("defineauth: upgrade check against %s: %w", baseline, err)
	case upgrade.HasErrors(findings):
		return fmt.Errorf("defineauth: the change from %s would fail the update or lose users (above); fix it, or, after an intended change is deployed, update the baseline", baseline)
	}
	return nil
}
