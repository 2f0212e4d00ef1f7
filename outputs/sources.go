package outputs

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
)

// FromCDKOutputsFile picks the defineauth stack's outputs from the file that
// `cdk deploy --outputs-file` writes ({"StackName": {"OutputName": "value"}}). With
// stack empty, the file must hold exactly one defineauth stack. It returns the
// outputs and the stack's name.
func FromCDKOutputsFile(data []byte, stack string) (map[string]string, string, error) {
	var stacks map[string]map[string]string
	if err := json.Unmarshal(data, &stacks); err != nil {
		return nil, "", fmt.Errorf("not a cdk outputs file (want {\"StackName\": {\"Output\": \"value\"}}): %v", err)
	}
	if stack != "" {
		out, ok := stacks[stack]
		if !ok {
			return nil, "", fmt.Errorf("no stack %q in the file; it has: %s", stack, stackNames(stacks))
		}
		if !IsDefineAuth(out) {
			return nil, "", fmt.Errorf("stack %q has no defineauth outputs (no %s output): is it the auth stack?", stack, Marker)
		}
		return out, stack, nil
	}
	var candidates []string
	for name, out := range stacks {
		if IsDefineAuth(out) {
			candidates = append(candidates, name)
		}
	}
	sort.Strings(candidates)
	switch len(candidates) {
	case 0:
		return nil, "", fmt.Errorf("no defineauth stack in the file (stacks: %s); deploy one with cdk deploy --outputs-file", stackNames(stacks))
	case 1:
		return stacks[candidates[0]], candidates[0], nil
	}
	return nil, "", fmt.Errorf("several defineauth stacks in the file (%s): choose one with --stack", strings.Join(candidates, ", "))
}

// stackNames lists the file's stack names for an error message.
func stackNames(stacks map[string]map[string]string) string {
	if len(stacks) == 0 {
		return "none"
	}
	return strings.Join(slices.Sorted(maps.Keys(stacks)), ", ")
}

// StackDescriber is the part of the CloudFormation API that FromCloudFormation uses;
// *cloudformation.Client implements it, and tests use a fake.
type StackDescriber interface {
	DescribeStacks(ctx context.Context, in *cloudformation.DescribeStacksInput, opts ...func(*cloudformation.Options)) (*cloudformation.DescribeStacksOutput, error)
}

// FromCloudFormation reads a deployed stack's outputs through the CloudFormation API.
func FromCloudFormation(ctx context.Context, api StackDescriber, stack string) (map[string]string, error) {
	res, err := api.DescribeStacks(ctx, &cloudformation.DescribeStacksInput{StackName: aws.String(stack)})
	if err != nil {
		return nil, fmt.Errorf("describing stack %s: %w", stack, err)
	}
	if len(res.Stacks) != 1 {
		return nil, fmt.Errorf("describing stack %s: got %d stacks", stack, len(res.Stacks))
	}
	out := map[string]string{}
	for _, o := range res.Stacks[0].Outputs {
		out[aws.ToString(o.OutputKey)] = aws.ToString(o.OutputValue)
	}
	if !IsDefineAuth(out) {
		return nil, fmt.Errorf("stack %s has no defineauth outputs (no %s output): is it the auth stack, and is it deployed with this version?", stack, Marker)
	}
	return out, nil
}

// Write writes data to path atomically (a temporary file in the same folder, renamed
// into place), so a failure never leaves a half-written file; "-" writes to stdout.
func Write(path string, data []byte, stdout io.Writer) error {
	if path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".amplify_outputs-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
