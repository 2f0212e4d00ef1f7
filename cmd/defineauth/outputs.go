package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/defineauth/defineauth/internal/atomicfile"
	"github.com/defineauth/defineauth/internal/awscli"
	"github.com/defineauth/defineauth/outputs"
)

// maxOutputsFileSize bounds the cdk outputs file read: far above the outputs of
// hundreds of stacks.
const maxOutputsFileSize = 4 << 20

// outputsFlags are the flags of `defineauth outputs`.
type outputsFlags struct {
	cdkOutputs, stack, region, profile, out string
}

// stackReaderFactory makes the reader of deployed stacks; tests pass a fake.
type stackReaderFactory func(region, profile string) outputs.StackReader

// newStackReader reads deployed stacks with the AWS CLI, which resolves credentials,
// region and profile through the standard AWS configuration chain.
func newStackReader(region, profile string) outputs.StackReader {
	return awscli.Client{Region: region, Profile: profile}
}

// outputsCommand writes amplify_outputs.json from a cdk outputs file or a deployed
// stack. Nothing is written when anything fails.
func outputsCommand(o outputsFlags, newReader stackReaderFactory, stdin io.Reader, stdout, stderr io.Writer) int {
	var stackOutputs map[string]string
	var source string
	switch {
	case o.cdkOutputs != "":
		if o.cdkOutputs != "-" && o.out != "-" && (o.cdkOutputs == o.out || atomicfile.SameFile(o.cdkOutputs, o.out)) {
			fmt.Fprintf(stderr, "defineauth outputs: --out %s is the --cdk-outputs file itself; writing it would destroy the input: choose another --out\n", o.out)
			return exitUsage
		}
		name, data, err := readInput(o.cdkOutputs, stdin, maxOutputsFileSize)
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
		fmt.Fprintf(stderr, "reading the outputs of stack %s with the AWS CLI...\n", o.stack)
		var err error
		stackOutputs, err = outputs.FromCloudFormation(context.Background(), newReader(o.region, o.profile), o.stack)
		if err != nil {
			fmt.Fprintf(stderr, "defineauth outputs: %v\n", err)
			if errors.Is(err, outputs.ErrNotDefineAuth) {
				return exitInvalid
			}
			return exitUsage // no AWS CLI, or the stack cannot be read: unreadable input
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
	if err := atomicfile.Write(o.out, file.JSON(), stdout); err != nil {
		fmt.Fprintf(stderr, "defineauth outputs: writing %s: %v\n", o.out, err)
		return exitUsage
	}
	if o.out != "-" {
		fmt.Fprintf(stderr, "wrote %s from %s\n", o.out, source)
	}
	return exitOK
}
