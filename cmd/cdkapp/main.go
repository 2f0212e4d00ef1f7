// Command cdkapp is the CDK app that cdk.json runs: it reads the config file named by
// the CDK context value "config" (cdk.json sets examples/shop.json; override it with
// `cdk synth -c config=path/to/auth.json`) and synthesizes the defineauth stack.
// With `-c nag=true`, cdk-nag's AwsSolutions checks run too (see stacks.AddNagChecks).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/stacks"
)

// defaultConfig is used when the CDK context has no "config" value.
const defaultConfig = "defineauth.json"

func main() {
	err := run()
	jsii.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	app := awscdk.NewApp(nil)
	path := defaultConfig
	if v, ok := app.Node().TryGetContext(jsii.String("config")).(string); ok && v != "" {
		path = v
	}
	cfg, err := config.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("defineauth: config file %s not found: pass -c config=path/to/auth.json, or set \"config\" in cdk.json's context", path)
	}
	if err == nil {
		err = cfg.Validate()
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
	if _, err := stacks.NewAuthStack(app, jsii.String(stacks.StackName(cfg)), &stacks.AuthStackProps{Config: cfg}); err != nil {
		return err
	}
	if nag := app.Node().TryGetContext(jsii.String("nag")); nag == "true" || nag == true {
		stacks.AddNagChecks(app)
	}
	app.Synth(nil)
	return nil
}
