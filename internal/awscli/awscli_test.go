package awscli_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/awscli"
	_ "github.com/defineauth/defineauth/internal/golden" // accepts -update (go test ./... -update)
)

// fakeAWS writes a stand-in `aws` command that records its arguments and answers
// like the AWS CLI: JSON for a known stack, the CLI's error (exit 254) otherwise.
func fakeAWS(t *testing.T) (cli string, argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args")
	script := `#!/bin/sh
echo "$@" > ` + argsFile + `
case "$*" in
  *"get-template --stack-name defineauth-shop "*) echo '{"TemplateBody": {"Resources": {"P": {"Type": "AWS::Cognito::UserPool"}}}, "StagesAvailable": ["Original", "Processed"]}' ;;
  *"get-template --stack-name yaml "*) printf '%s\n' '{"TemplateBody": "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n"}' ;;
  *"--stack-name defineauth-shop "*) echo '{"Stacks": [{"StackName": "defineauth-shop", "Outputs": [{"OutputKey": "UserPoolId", "OutputValue": "eu-west-1_X"}, {"OutputKey": "DefineAuthOutputs", "OutputValue": "1"}]}]}' ;;
  *"--stack-name denied "*) echo "
An error occurred (AccessDenied) when calling the DescribeStacks operation: User is not authorized to perform: cloudformation:DescribeStacks" >&2; exit 254 ;;
  *"--stack-name garbage "*) echo "not json" ;;
  *) echo "
An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id gone does not exist" >&2; exit 254 ;;
esac
`
	cli = filepath.Join(dir, "aws")
	if err := os.WriteFile(cli, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return cli, argsFile
}

func TestStackOutputs(t *testing.T) {
	cli, argsFile := fakeAWS(t)
	c := awscli.Client{Region: "eu-west-1", Profile: "prod", Command: cli}
	got, err := c.StackOutputs(context.Background(), "defineauth-shop")
	if err != nil || got["UserPoolId"] != "eu-west-1_X" || got["DefineAuthOutputs"] != "1" || len(got) != 2 {
		t.Fatalf("got %v, %v", got, err)
	}
	args, _ := os.ReadFile(argsFile)
	if want := "cloudformation describe-stacks --stack-name defineauth-shop --output json --region eu-west-1 --profile prod\n"; string(args) != want {
		t.Errorf("arguments %q, want %q", args, want)
	}
	for stack, want := range map[string]string{
		"gone":    "describing stack gone: An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id gone does not exist",
		"denied":  "(AccessDenied)",
		"garbage": "printed something other than JSON",
	} {
		if _, err := c.StackOutputs(context.Background(), stack); err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: got %v, want one line containing %q", stack, err, want)
		}
	}
}

func TestTemplate(t *testing.T) {
	cli, argsFile := fakeAWS(t)
	c := awscli.Client{Command: cli}
	got, err := c.Template(context.Background(), "defineauth-shop")
	if err != nil || string(got) != `{"Resources": {"P": {"Type": "AWS::Cognito::UserPool"}}}` {
		t.Fatalf("JSON template: %s, %v", got, err)
	}
	args, _ := os.ReadFile(argsFile)
	if want := "cloudformation get-template --stack-name defineauth-shop --template-stage Original --output json\n"; string(args) != want {
		t.Errorf("arguments %q, want %q", args, want)
	}
	if got, err := c.Template(context.Background(), "yaml"); err != nil || string(got) != "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n" {
		t.Errorf("YAML template: %q, %v", got, err)
	}
	if _, err := c.Template(context.Background(), "gone"); err == nil || !strings.Contains(err.Error(), "reading the template of stack gone: An error occurred (ValidationError)") {
		t.Errorf("missing stack: %v", err)
	}
}

func TestNotInstalled(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := awscli.Client{}.StackOutputs(context.Background(), "x")
	if !errors.Is(err, awscli.ErrNotInstalled) {
		t.Fatalf("got %v", err)
	}
}
