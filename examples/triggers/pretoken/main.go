// Command pretoken is the example's pre token generation trigger, event version
// V2_0 (see package handlers).
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/defineauth/defineauth/examples/triggers/handlers"
)

func main() { lambda.Start(handlers.PreTokenGeneration) }
