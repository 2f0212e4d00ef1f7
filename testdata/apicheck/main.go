// Command apicheck is a program in another module that uses defineauth's public API
// the way a user's module would: validation, rendering, lint, the upgrade check,
// outputs and the catalogue. CI copies it out of the repository, builds it against
// this checkout (a replace directive) and runs it: an internal type in an exported
// signature, or a removed function, fails the build.
package main

import (
	"fmt"
	"os"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/lint"
	"github.com/defineauth/defineauth/outputs"
	"github.com/defineauth/defineauth/rules"
	"github.com/defineauth/defineauth/upgrade"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "apicheck:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Decode([]byte(`{"name": "api", "loginWith": {"email": true}, "multifactor": {"mode": "OPTIONAL", "totp": true}}`))
	if err != nil {
		return err
	}
	if err := spec.Validate(cfg); err != nil {
		return err
	}
	tmpl, problems := spec.Synth(cfg)
	for _, p := range problems {
		fmt.Println("warning:", p.Rule, p.Path)
	}
	st := spec.ForStack(cfg)
	findings, err := lint.Template(tmpl)
	if err != nil || lint.HasErrors(findings) {
		return fmt.Errorf("lint: %v %v", err, findings)
	}
	hazards, err := upgrade.Check(tmpl, tmpl)
	if err != nil || len(hazards) > 0 {
		return fmt.Errorf("upgrade: %v %v", err, hazards)
	}
	out := spec.StaticOutputs(cfg)
	out[outputs.UserPoolID], out[outputs.WebClientID], out[outputs.Region] = "us-east-1_Api1", "client1", "us-east-1"
	file, err := outputs.FromStackOutputs(out)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes of template, %d rules, %d create-only types, outputs %s for pool %s\n",
		st.Name, len(tmpl), len(rules.All()), len(upgrade.CreateOnlyProperties()), file.Version, file.Auth.UserPoolID)
	return nil
}
