package outputs

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/defineauth/defineauth/internal/strictjson"
)

// FromCDKOutputsFile picks the defineauth stack's outputs from the file that
// `cdk deploy --outputs-file` writes ({"StackName": {"OutputName": "value"}}). With
// stack empty, the file must hold exactly one defineauth stack. It returns the
// outputs and the stack's name.
func FromCDKOutputsFile(data []byte, stack string) (map[string]string, string, error) {
	const want = `want {"StackName": {"Output": "value"}}`
	doc, err := strictjson.Parse(data)
	if err != nil {
		return nil, "", fmt.Errorf("not a cdk outputs file: %v", err)
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return nil, "", fmt.Errorf("not a cdk outputs file (%s)", want)
	}
	stacks := map[string]map[string]string{}
	for name, v := range top {
		outs, ok := v.(map[string]any)
		if !ok {
			return nil, "", fmt.Errorf("not a cdk outputs file: stack %q is not an object (%s)", excerpt(name), want)
		}
		stacks[name] = map[string]string{}
		for k, x := range outs {
			s, ok := x.(string)
			if !ok {
				return nil, "", fmt.Errorf("not a cdk outputs file: output %s of stack %q is not a string (%s)", excerpt(k), excerpt(name), want)
			}
			stacks[name][k] = s
		}
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

// ErrNotDefineAuth is wrapped by FromCloudFormation's error when the stack exists but
// is not a defineauth stack (a wrong input, not an unreachable one).
var ErrNotDefineAuth = errors.New("not a defineauth stack")

// StackReader reads a deployed stack's outputs (name -> value); awscli.Client
// implements it with the AWS CLI, and tests use a fake (package outputstest).
type StackReader interface {
	StackOutputs(ctx context.Context, stack string) (map[string]string, error)
}

// FromCloudFormation reads a deployed defineauth stack's outputs.
func FromCloudFormation(ctx context.Context, api StackReader, stack string) (map[string]string, error) {
	out, err := api.StackOutputs(ctx, stack)
	if err != nil {
		return nil, err
	}
	if !IsDefineAuth(out) {
		return nil, fmt.Errorf("%w: stack %s has no %s output; is it the auth stack, and deployed with this version?", ErrNotDefineAuth, stack, Marker)
	}
	return out, nil
}
