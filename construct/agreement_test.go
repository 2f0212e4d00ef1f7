package construct_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/google/go-cmp/cmp"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/lint"
	"github.com/defineauth/defineauth/rules"
)

// ruleSet formats the R-rule findings as sorted "rule severity" strings.
func ruleSet[T any](items []T, rule func(T) (string, string)) []string {
	var out []string
	for _, it := range items {
		id, sev := rule(it)
		if strings.HasPrefix(id, "R") {
			out = append(out, id+" "+sev)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestLintAgreesWithValidation synthesizes every golden config and every rule fixture,
// forcing invalid ones past validation, checks that package spec renders the same
// resources in pure Go, and lints each template: the template lint
// (a second, independent implementation reading only the template) must find exactly
// the R-rules, with the same severities, that config validation found. Fixtures with
// defineauth-only errors (DA ids: unknown enum values, malformed names) are skipped:
// they have no faithful template.
func TestLintAgreesWithValidation(t *testing.T) {
	files, _ := filepath.Glob("../testdata/configs/*.json")
	fixtures, _ := filepath.Glob("../testdata/rules/*/*.json")
	files = append(files, fixtures...)

	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())})
	type item struct {
		file   string
		cfg    *config.Config
		stack  awscdk.Stack
		config []*config.Problem
	}
	var items []item
	rFixtures := map[string]bool{}
	for i, f := range files {
		cfg, err := config.Load(f)
		if err != nil {
			continue // decoding fixtures (DA100-DA102)
		}
		problems := spec.Check(cfg)
		if slices.ContainsFunc(problems, func(p *config.Problem) bool { return p.Severity == config.Error && strings.HasPrefix(p.Rule, "DA") }) {
			continue
		}
		stack := awscdk.NewStack(app, jsii.String(fmt.Sprintf("S%d", i)), nil)
		construct.NewAuthUnchecked(stack, jsii.String("Auth"), cfg)
		items = append(items, item{f, cfg, stack, problems})
		if dir := filepath.Base(filepath.Dir(f)); strings.HasPrefix(dir, "R") && strings.HasPrefix(filepath.Base(f), "fail") {
			rFixtures[dir] = true
		}
	}
	for _, r := range rules.All() { // every R rule both checkers report
		if strings.HasPrefix(r.ID, "R") && slices.Contains(r.Checkers, rules.Config) && slices.Contains(r.Checkers, rules.Lint) && !rFixtures[r.ID] {
			t.Errorf("no failing fixture of %s was forced into a template", r.ID)
		}
	}
	asm := app.Synth(nil)
	for _, it := range items {
		tmpl, err := json.Marshal(asm.GetStackArtifact(it.stack.ArtifactId()).Template())
		if err != nil {
			t.Fatal(err)
		}
		findings, err := lint.Template(tmpl)
		if err != nil {
			t.Fatalf("%s: %v", it.file, err)
		}
		// The pure-Go rendering of the same config, valid or not, has the same
		// resources: the one spec is what the construct builds.
		st := spec.Stack{ID: *it.stack.StackName(), Name: *it.stack.StackName(), AuthID: "Auth", Auth: spec.ForAuth(it.cfg, []string{*it.stack.StackName(), "Auth"})}
		var cdk, pure struct{ Resources map[string]any }
		if err := json.Unmarshal(tmpl, &cdk); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(st.Template(), &pure); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(cdk.Resources, pure.Resources); d != "" {
			t.Errorf("%s: spec renders other resources than the construct builds (-cdk +spec):\n%s", it.file, d)
		}
		got := ruleSet(findings, func(f lint.Finding) (string, string) { return f.Rule, string(f.Severity) })
		want := ruleSet(it.config, func(p *config.Problem) (string, string) { return p.Rule, string(p.Severity) })
		if !slices.Equal(got, want) {
			t.Errorf("%s: lint found %v, validation found %v\nlint: %v", it.file, got, want, findings)
		}
		for _, f := range findings {
			if !strings.HasPrefix(f.Rule, "R") {
				t.Errorf("%s: unexpected finding %s", it.file, f)
			}
		}
	}
}
