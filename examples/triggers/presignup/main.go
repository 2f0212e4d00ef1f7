// Command presignup is the example's pre sign-up trigger (see package handlers).
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/defineauth/defineauth/examples/triggers/handlers"
)

func main() { lambda.Start(handlers.PreSignUp) }
