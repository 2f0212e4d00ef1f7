// Package outputstest provides a CloudFormation fake for tests of code that reads
// deployed stacks through outputs.StackDescriber.
package outputstest

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation/types"
)

// Stacks answers DescribeStacks from memory: stack name -> output name -> value. An
// unknown stack gets the error CloudFormation gives.
type Stacks map[string]map[string]string

// DescribeStacks implements outputs.StackDescriber.
func (s Stacks) DescribeStacks(_ context.Context, in *cloudformation.DescribeStacksInput, _ ...func(*cloudformation.Options)) (*cloudformation.DescribeStacksOutput, error) {
	outs, ok := s[aws.ToString(in.StackName)]
	if !ok {
		return nil, fmt.Errorf("ValidationError: Stack with id %s does not exist", aws.ToString(in.StackName))
	}
	stack := types.Stack{StackName: in.StackName}
	for k, v := range outs {
		stack.Outputs = append(stack.Outputs, types.Output{OutputKey: aws.String(k), OutputValue: aws.String(v)})
	}
	return &cloudformation.DescribeStacksOutput{Stacks: []types.Stack{stack}}, nil
}
