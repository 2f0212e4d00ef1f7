package golambda

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// FunctionProps are the function's build options and, optionally, its other
// settings (Environment, Timeout, MemorySize, Description, Role, ...); Runtime,
// Handler, Code and Architecture are set by NewFunction.
type FunctionProps struct {
	BuildOptions
	// Function holds the other settings of the function. Default: Lambda's.
	Function *awslambda.FunctionProps
}

// NewFunction builds props.Package (see Build) and adds a provided.al2023 Lambda
// function running it. The executable is built in a temporary directory, which
// the CDK copies into the cloud assembly as the function's asset; the directory is
// removed again unless asset staging is turned off (as SAM does), when the
// assembly points at it.
func NewFunction(scope constructs.Construct, id *string, props *FunctionProps) (awslambda.Function, error) {
	if props == nil {
		return nil, fmt.Errorf("golambda: NewFunction needs props with a Package")
	}
	dir, err := os.MkdirTemp("", "defineauth-golambda-")
	if err != nil {
		return nil, fmt.Errorf("golambda: %w", err)
	}
	if err := Build(context.Background(), props.BuildOptions, dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	fp := awslambda.FunctionProps{}
	if props.Function != nil {
		fp = *props.Function
	}
	fp.Runtime = awslambda.Runtime_PROVIDED_AL2023()
	fp.Handler = jsii.String("bootstrap")
	fp.Code = awslambda.Code_FromAsset(jsii.String(dir), nil)
	fp.Architecture = awslambda.Architecture_ARM_64()
	if props.Arch == AMD64 {
		fp.Architecture = awslambda.Architecture_X86_64()
	}
	fn := awslambda.NewFunction(scope, id, &fp)
	if staging := fn.Node().TryGetContext(jsii.String("aws:cdk:disable-asset-staging")); staging == nil || staging == false {
		os.RemoveAll(dir)
	}
	return fn, nil
}
