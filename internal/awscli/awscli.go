// Package awscli reads deployed CloudFormation stacks (their outputs and templates)
// through the AWS CLI (the `aws`
// command, version 2), the reference implementation of AWS's credential chain:
// environment, shared config and credentials files, SSO, instance and container
// roles. Using it keeps the AWS SDK for Go (and its start-up cost, several
// milliseconds of package initialisation) out of the defineauth command, which
// validates a config in a few milliseconds.
//
// This is the only code in defineauth that talks to AWS; it is thin on purpose, and
// tested against a stand-in `aws` command.
package awscli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNotInstalled is returned when no `aws` command is on PATH.
var ErrNotInstalled = errors.New("the AWS CLI (aws) is not installed: install AWS CLI v2 (https://docs.aws.amazon.com/cli/), or use --cdk-outputs with the file cdk deploy --outputs-file writes")

// Client runs the AWS CLI with a region and a profile (empty: the CLI's own
// configuration chain decides).
type Client struct {
	Region, Profile string
	// Command is the CLI to run; empty means "aws" on PATH.
	Command string
}

// StackOutputs returns a deployed stack's outputs (name -> value) with
// `aws cloudformation describe-stacks`.
func (c Client) StackOutputs(ctx context.Context, stack string) (map[string]string, error) {
	out, err := c.run(ctx, "cloudformation", "describe-stacks", "--stack-name", stack)
	if err != nil {
		return nil, fmt.Errorf("describing stack %s: %w", stack, err)
	}
	var res struct {
		Stacks []struct {
			Outputs []struct{ OutputKey, OutputValue string }
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("describing stack %s: the AWS CLI printed something other than JSON: %v", stack, err)
	}
	if len(res.Stacks) != 1 {
		return nil, fmt.Errorf("describing stack %s: got %d stacks", stack, len(res.Stacks))
	}
	outputs := map[string]string{}
	for _, o := range res.Stacks[0].Outputs {
		outputs[o.OutputKey] = o.OutputValue
	}
	return outputs, nil
}

// Template returns the template a stack was deployed with (the original, before
// transforms), with `aws cloudformation get-template`: JSON as the stack has it, or
// the YAML text.
func (c Client) Template(ctx context.Context, stack string) ([]byte, error) {
	out, err := c.run(ctx, "cloudformation", "get-template", "--stack-name", stack, "--template-stage", "Original")
	if err != nil {
		return nil, fmt.Errorf("reading the template of stack %s: %w", stack, err)
	}
	var res struct{ TemplateBody json.RawMessage }
	if err := json.Unmarshal(out, &res); err != nil || len(res.TemplateBody) == 0 {
		return nil, fmt.Errorf("reading the template of stack %s: the AWS CLI printed no TemplateBody", stack)
	}
	// The CLI decodes a JSON template into an object; a YAML one stays a string.
	var text string
	if json.Unmarshal(res.TemplateBody, &text) == nil {
		return []byte(text), nil
	}
	return res.TemplateBody, nil
}

// run runs one AWS CLI command with JSON output and returns what it printed. A
// failure carries the CLI's own message (access denied, stack not found, expired
// credentials), on one line.
func (c Client) run(ctx context.Context, args ...string) ([]byte, error) {
	name := c.Command
	if name == "" {
		name = "aws"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, ErrNotInstalled
	}
	args = append(args, "--output", "json")
	if c.Region != "" {
		args = append(args, "--region", c.Region)
	}
	if c.Profile != "" {
		args = append(args, "--profile", c.Profile)
	}
	cmd := exec.CommandContext(ctx, path, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.Join(strings.Fields(stderr.String()), " ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return stdout.Bytes(), nil
}
