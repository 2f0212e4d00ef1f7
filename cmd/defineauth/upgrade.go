package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/internal/awscli"
	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/strictjson"
	"github.com/defineauth/defineauth/upgrade"
)

// upgradeFlags are the flags of `defineauth upgrade-check`.
type upgradeFlags struct {
	deployed, stack, region, profile string
}

// templateReader reads the template a stack was deployed with; awscli.Client
// implements it, and tests pass a stand-in aws command.
type templateReader interface {
	Template(ctx context.Context, stack string) ([]byte, error)
}

// upgradeCommand checks the change from the deployed template (a file, or a stack
// read with the AWS CLI) to next, a template or a config (rendered first). Exit 0
// when it is safe (warnings allowed), 1 on a hazard, 2 on usage or unreadable input.
func upgradeCommand(f upgradeFlags, next string, newReader func(region, profile string) templateReader, stdin io.Reader, stdout, stderr io.Writer) int {
	if (f.deployed == "") == (f.stack == "") {
		fmt.Fprintf(stderr, "defineauth upgrade-check: give the deployed template as --deployed FILE or --stack NAME\n%s", usage)
		return exitUsage
	}
	newTemplate, stackName, code := readNext(next, stdin, stdout, stderr)
	if code != exitOK {
		return code
	}
	var deployed []byte
	var err error
	source := f.deployed
	if f.deployed != "" {
		var name string
		if name, deployed, err = readInput(f.deployed, stdin, cfn.MaxTemplateSize); err != nil {
			fmt.Fprintf(stderr, "defineauth upgrade-check: cannot read %s: %v\n", name, readError(err))
			return exitUsage
		}
	} else {
		source = "stack " + f.stack
		fmt.Fprintf(stderr, "reading the deployed template of stack %s with the AWS CLI...\n", f.stack)
		if deployed, err = newReader(f.region, f.profile).Template(context.Background(), f.stack); err != nil {
			fmt.Fprintf(stderr, "defineauth upgrade-check: %v\n", err)
			return exitUsage
		}
	}
	findings, err := upgrade.Check(deployed, newTemplate)
	if err != nil {
		fmt.Fprintf(stderr, "defineauth upgrade-check: %v\n", err)
		return exitUsage
	}
	if f.stack != "" && stackName != "" && stackName != f.stack {
		findings = append([]upgrade.Finding{{Rule: "U6", Severity: upgrade.Error, Resources: []string{f.stack, stackName},
			Change: fmt.Sprintf("the config's stack is %s, not %s", stackName, f.stack),
			Effect: "deploying it creates another stack with a new, empty user pool; the deployed pool and its users stay where they are",
			Fix:    "keep the config's name (the stack is defineauth-<name>), or compare with the stack you mean to update"}}, findings...)
	}
	errs := 0
	for _, x := range findings {
		fmt.Fprintf(stdout, "%s: %s\n", next, x)
		if x.Severity == upgrade.Error {
			errs++
		}
	}
	summary := "safe to deploy"
	if errs > 0 {
		summary = plural(errs, "%d hazard") + " that would fail the update or lose users"
	}
	fmt.Fprintf(stderr, "defineauth upgrade-check: %s against %s: %d findings, %s\n", next, source, len(findings), summary)
	if errs > 0 {
		return exitInvalid
	}
	return exitOK
}

// readNext reads the new template, or renders it when next is a defineauth config (a
// JSON object without Resources). It returns the template and, for a config, the
// stack name it deploys to.
func readNext(next string, stdin io.Reader, stdout, stderr io.Writer) ([]byte, string, int) {
	name, data, err := readInput(next, stdin, cfn.MaxTemplateSize)
	if err != nil {
		fmt.Fprintf(stderr, "defineauth upgrade-check: cannot read %s: %v\n", name, readError(err))
		return nil, "", exitUsage
	}
	if !isConfig(data) {
		return data, "", exitOK
	}
	cfg, err := config.Read(bytes.NewReader(data), next)
	if err != nil {
		report(stdout, stderr, "upgrade-check", name, config.Problems(err))
		return nil, "", exitInvalid
	}
	tmpl, _ := spec.Synth(cfg)
	if tmpl == nil { // an invalid config: its errors (Validate stops before rendering)
		report(stdout, stderr, "upgrade-check", name, config.Problems(spec.Validate(cfg)))
		return nil, "", exitInvalid
	}
	return tmpl, cfg.StackName(), exitOK
}

// isConfig reports whether data is a JSON object without a Resources section: a
// defineauth config rather than a template.
func isConfig(data []byte) bool {
	doc, err := strictjson.Parse(data)
	if err != nil {
		return false
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return false
	}
	_, isTemplate := obj["Resources"]
	return !isTemplate
}

// newTemplateReader reads deployed templates with the AWS CLI.
func newTemplateReader(region, profile string) templateReader {
	return awscli.Client{Region: region, Profile: profile}
}
