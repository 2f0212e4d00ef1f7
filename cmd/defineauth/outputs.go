package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"

	"github.com/defineauth/defineauth/internal/strictjson"
	"github.com/defineauth/defineauth/outputs"
)

// maxOutputsFileSize bounds the cdk outputs file read: far above the outputs of
// hundreds of stacks.
const maxOutputsFileSize = 4 << 20

// outputsFlags are the flags of `defineauth outputs`.
type outputsFlags struct {
	cdkOutputs, stack, region, profile, out string
}

// cloudFormationFactory makes the CloudFormation client; tests pass a fake.
type cloudFormationFactory func(ctx context.Context, region, profile string) (outputs.StackDescriber, error)

// newCloudFormation builds a client from the standard AWS configuration chain
// (environment, shared config and credentials files, SSO, instance roles).
func newCloudFormation(ctx context.Context, region, profile string) (outputs.StackDescriber, error) {
	var opts []func(*awsconfig.LoadOptions) error
	if region != "" {
		opts = append(opts, awsconfig.WithRegion(region))
	}
	if profile != "" {
		opts = append(opts, awsconfig.WithSharedConfigProfile(profile))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("loading the AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return nil, fmt.Errorf("no AWS region: pass --region or set AWS_REGION")
	}
	return cloudformation.NewFromConfig(cfg, func(o *cloudformation.Options) { o.RetryMaxAttempts = 5; o.RetryMode = aws.RetryModeStandard }), nil
}

// outputsCommand writes amplify_outputs.json from a cdk outputs file or a deployed
// stack. Nothing is written when anything fails.
func outputsCommand(o outputsFlags, newCFN cloudFormationFactory, stdin io.Reader, stdout, stderr io.Writer) int {
	var stackOutputs map[string]string
	var source string
	switch {
	case o.cdkOutputs != "":
		if o.cdkOutputs != "-" && o.out != "-" && (o.cdkOutputs == o.out || outputs.SameFile(o.cdkOutputs, o.out)) {
			fmt.Fprintf(stderr, "defineauth outputs: --out %s is the --cdk-outputs file itself; writing it would destroy the input: choose another --out\n", o.out)
			return exitUsage
		}
		name, r, closeFn, err := openInput(o.cdkOutputs, stdin)
		var data []byte
		if err == nil {
			data, err = strictjson.ReadAll(r, maxOutputsFileSize)
			closeFn()
		}
		if err != nil {
			fmt.Fprintf(stderr, "defineauth outputs: cannot read %s: %v\n", name, readError(err))
			return exitUsage
		}
		var stack string
		stackOutputs, stack, err = outputs.FromCDKOutputsFile(data, o.stack)
		if err != nil {
			fmt.Fprintf(stderr, "defineauth outputs: %s: %v\n", name, err)
			return exitInvalid
		}
		source = fmt.Sprintf("stack %s in %s", stack, name)
	case o.stack != "":
		ctx := context.Background()
		api, err := newCFN(ctx, o.region, o.profile)
		if err == nil {
			fmt.Fprintf(stderr, "reading the outputs of stack %s through the CloudFormation API...\n", o.stack)
			stackOutputs, err = outputs.FromCloudFormation(ctx, api, o.stack)
		}
		if err != nil {
			fmt.Fprintf(stderr, "defineauth outputs: %v\n", err)
			if errors.Is(err, outputs.ErrNotDefineAuth) {
				return exitInvalid
			}
			return exitUsage // the stack or the API cannot be reached: unreadable input
		}
		source = "deployed stack " + o.stack
	default:
		fmt.Fprintf(stderr, "defineauth outputs: give --cdk-outputs FILE (from cdk deploy --outputs-file) or --stack NAME\n%s", usage)
		return exitUsage
	}
	file, err := outputs.FromStackOutputs(stackOutputs)
	if err != nil {
		fmt.Fprintf(stderr, "defineauth outputs: %s: %v\n", source, err)
		return exitInvalid
	}
	if err := outputs.Write(o.out, file.JSON(), stdout); err != nil {
		fmt.Fprintf(stderr, "defineauth outputs: writing %s: %v\n", o.out, err)
		return exitUsage
	}
	if o.out != "-" {
		fmt.Fprintf(stderr, "wrote %s from %s\n", o.out, source)
	}
	return exitOK
}
