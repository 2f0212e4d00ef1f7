// Package outputstest provides a CloudFormation fake for tests of code that reads
// deployed stacks through outputs.StackReader.
package outputstest

import (
	"context"
	"fmt"
	"maps"
)

// Stacks answers from memory: stack name -> output name -> value. An unknown stack
// gets the error the AWS CLI prints.
type Stacks map[string]map[string]string

// StackOutputs implements outputs.StackReader.
func (s Stacks) StackOutputs(_ context.Context, stack string) (map[string]string, error) {
	outs, ok := s[stack]
	if !ok {
		return nil, fmt.Errorf("describing stack %s: An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id %s does not exist", stack, stack)
	}
	return maps.Clone(outs), nil
}
