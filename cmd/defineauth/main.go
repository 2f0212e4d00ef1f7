// Command defineauth checks and renders defineauth configs.
//
//	defineauth validate FILE   check a config; exit 0 valid, 1 invalid, 2 usage or unreadable
//	defineauth synth FILE      print the auth stack's CloudFormation template (JSON)
//	defineauth rules           list every rule (config, lint and upgrade checks)
//	defineauth lint TEMPLATE...  check CloudFormation templates (or cdk.out folders) for
//	                           user pools Cognito would reject; exit 0 clean, 1 findings, 2 unreadable
//	defineauth upgrade-check --deployed DEPLOYED NEW | --stack NAME NEW
//	                           check a change against the deployed template; exit 0
//	                           safe, 1 hazards, 2 unreadable
//	defineauth outputs --cdk-outputs cdk-outputs.json [--stack NAME] [--out PATH]
//	defineauth outputs --stack NAME [--region R] [--profile P] [--out PATH]
//	                           write amplify_outputs.json for the front end
//
// FILE "-" reads standard input. Every command is pure Go: the binary does not link
// the CDK, needs no Node.js, and synth renders the template from package spec: the
// bytes stacks.Template returns, and the JSON value `cdk synth` writes with the CDK
// app in cmd/cdkapp and --no-version-reporting --no-path-metadata.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/rules"
)

// Exit codes.
const (
	exitOK       = 0 // valid, clean, written
	exitInvalid  = 1 // the input is wrong: config problems, lint findings, bad outputs
	exitUsage    = 2 // usage error, unreadable input, or the environment (no Node.js, unwritable output)
	exitInternal = 3 // a defineauth bug: it caught a panic
)

const usage = `usage:
  defineauth validate FILE   check a config (exit 0 valid, 1 invalid, 2 usage or unreadable file)
  defineauth synth FILE      print the CloudFormation template of the auth stack
  defineauth rules           list every rule: id, severity, checkers (config, lint, upgrade), title
  defineauth lint TEMPLATE...
                             check CloudFormation templates (JSON or YAML), or cdk.out folders, for user
                             pools Cognito would reject (exit 0 clean, 1 findings, 2 unreadable)
  defineauth upgrade-check --deployed DEPLOYED.template.json NEW
  defineauth upgrade-check --stack NAME [--region REGION] [--profile PROFILE] NEW
                             check the change from the deployed template to NEW (a
                             template, or a config to render) for changes Cognito refuses
                             or that lose users (exit 0 safe, 1 hazards, 2 unreadable)
  defineauth outputs --cdk-outputs cdk-outputs.json [--stack NAME] [--out PATH]
  defineauth outputs --stack NAME [--region REGION] [--profile PROFILE] [--out PATH]
                             write amplify_outputs.json (default path) for the front end,
                             from cdk deploy --outputs-file or from the deployed stack
FILE may be "-" for standard input; --out - writes to standard output.
`

func main() {
	code := exitInternal
	func() {
		defer func() {
			if r := recover(); r != nil {
				first, _, _ := strings.Cut(fmt.Sprint(r), "\n")
				fmt.Fprintf(os.Stderr, "defineauth: internal error (a bug; please report it): %s\n", first)
			}
		}()
		code = run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	}()
	os.Exit(code)
}

// run is the whole command, with its streams passed in so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	fset := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() { fmt.Fprint(stderr, usage) }
	var o outputsFlags
	var u upgradeFlags
	switch cmd {
	case "upgrade-check":
		fset.StringVar(&u.deployed, "deployed", "", "the deployed template (JSON or YAML)")
		fset.StringVar(&u.stack, "stack", "", "read the deployed template of this stack with the AWS CLI")
		fset.StringVar(&u.region, "region", "", "AWS region (default: the AWS CLI's configuration chain)")
		fset.StringVar(&u.profile, "profile", "", "AWS shared-config profile (default: the AWS CLI's configuration chain)")
	case "outputs":
		fset.StringVar(&o.cdkOutputs, "cdk-outputs", "", "file written by cdk deploy --outputs-file")
		fset.StringVar(&o.stack, "stack", "", "stack name")
		fset.StringVar(&o.region, "region", "", "AWS region (default: the AWS CLI's configuration chain)")
		fset.StringVar(&o.profile, "profile", "", "AWS shared-config profile (default: the AWS configuration chain)")
		fset.StringVar(&o.out, "out", "amplify_outputs.json", `where to write; "-" for standard output`)
	}
	if err := fset.Parse(rest); err != nil {
		return exitUsage
	}
	switch cmd {
	case "validate", "synth":
		if fset.NArg() != 1 {
			fmt.Fprintf(stderr, "defineauth %s: expected one config file, got %d arguments\n%s", cmd, fset.NArg(), usage)
			return exitUsage
		}
		return configCommand(cmd, fset.Arg(0), stdin, stdout, stderr)
	case "outputs":
		if fset.NArg() != 0 {
			fmt.Fprintf(stderr, "defineauth outputs: unexpected arguments %v\n%s", fset.Args(), usage)
			return exitUsage
		}
		return outputsCommand(o, newStackReader, stdin, stdout, stderr)
	case "upgrade-check":
		if fset.NArg() != 1 {
			fmt.Fprintf(stderr, "defineauth upgrade-check: expected one new template or config, got %d arguments\n%s", fset.NArg(), usage)
			return exitUsage
		}
		return upgradeCommand(u, fset.Arg(0), newTemplateReader, stdin, stdout, stderr)
	case "lint":
		if fset.NArg() == 0 {
			fmt.Fprintf(stderr, "defineauth lint: expected templates or cdk.out folders\n%s", usage)
			return exitUsage
		}
		return lintCommand(fset.Args(), stdin, stdout, stderr)
	case "rules":
		for _, r := range rules.All() {
			fmt.Fprintf(stdout, "%-6s %-15s %-22s %s\n", r.ID, r.Severity, strings.Join(r.Checkers, ", "), r.Title)
		}
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "defineauth: unknown command %q\n%s", cmd, usage)
	return exitUsage
}

// configCommand loads the config at path, reports its problems, and validates or
// synthesizes it.
func configCommand(cmd, path string, stdin io.Reader, stdout, stderr io.Writer) int {
	name := path
	var cfg *config.Config
	var err error
	if path == "-" {
		name = "<stdin>"
		cfg, err = config.Read(stdin, path)
	} else {
		cfg, err = config.Load(path)
	}
	if err != nil {
		if ps := config.Problems(err); len(ps) > 0 {
			report(stdout, stderr, cmd, name, ps)
			return exitInvalid
		}
		fmt.Fprintf(stderr, "defineauth %s: cannot read %s: %v\n", cmd, name, readError(err))
		return exitUsage
	}
	tmpl, problems := spec.Synth(cfg) // rendered once, for the size check and for synth
	report(stdout, stderr, cmd, name, problems)
	if slices.ContainsFunc(problems, func(p *config.Problem) bool { return p.Severity == config.Error }) {
		return exitInvalid
	}
	if cmd == "validate" {
		return printOut(stdout, stderr, cmd, fmt.Sprintf("%s: valid%s\n", name, plural(len(problems), ", %d warning")))
	}
	return printOut(stdout, stderr, cmd, string(tmpl))
}

// printOut writes s to standard output; a failure there (a closed pipe, a full disk)
// is the environment's: one line on standard error and exit 2.
func printOut(stdout, stderr io.Writer, cmd, s string) int {
	if _, err := io.WriteString(stdout, s); err != nil {
		fmt.Fprintf(stderr, "defineauth %s: cannot write standard output: %v\n", cmd, err)
		return exitUsage
	}
	return exitOK
}

// readError shortens the error of reading an input for a message: a missing file is
// "no such file or directory" without the path again.
func readError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// report prints one line per problem, "FILE: RULE path: message Fix: ...". validate
// prints them on standard output; synth keeps standard output for the template.
func report(stdout, stderr io.Writer, cmd, name string, problems []*config.Problem) {
	w := stdout
	if cmd == "synth" {
		w = stderr
	}
	for _, p := range problems {
		fmt.Fprintf(w, "%s: %s\n", name, p.Error())
	}
}

// plural formats n with format (which has one %d), adding "s" when n is not 1, and
// returns "" for 0.
// count is "1 template", "2 templates", "0 templates".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func plural(n int, format string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(format, n)
	}
	return fmt.Sprintf(format, n) + "s"
}
