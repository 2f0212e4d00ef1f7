package config_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/internal/golden"
)

// problemsOf decodes and checks a fixture: decoding problems, else every rule's
// problems (errors and warnings).
func problemsOf(t *testing.T, path string) []*config.Problem {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Read(bytes.NewReader(data), path)
	if err != nil {
		ps := config.Problems(err)
		if len(ps) == 0 {
			t.Fatalf("%s: decode error without problems: %v", path, err)
		}
		return ps
	}
	return spec.Check(cfg) // the config's rules and what only the mapping shows
}

// goOnly are the rules a JSON file cannot break (an options object turns its setting
// on); TestOptionsNeedTheirSetting has their failing cases, in Go.
var goOnly = map[string]bool{"DA014": true}

// TestOptionsNeedTheirSetting: in Go, options of a setting that is off are refused
// (DA014) rather than silently ignored; with the setting on they are fine.
func TestOptionsNeedTheirSetting(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  config.Config
		path string // "" = no DA014
	}{
		{"email options, email off", config.Config{LoginWith: config.LoginWith{Phone: true, EmailOptions: &config.EmailLogin{OTPLogin: true}}}, "loginWith.email"},
		{"phone options, phone off", config.Config{LoginWith: config.LoginWith{Email: true, PhoneOptions: &config.PhoneLogin{VerificationMessage: "{####}"}}}, "loginWith.phone"},
		{"email MFA options, email MFA off", config.Config{LoginWith: config.LoginWith{Email: true},
			Multifactor: &config.Multifactor{Mode: config.MFAOptional, TOTP: true, EmailOptions: &config.EmailMFA{EmailSubject: "Code"}}}, "multifactor.email"},
		{"email options, email on", config.Config{LoginWith: config.LoginWith{Email: true, EmailOptions: &config.EmailLogin{VerificationEmailSubject: "Hi"}}}, ""},
	} {
		tc.cfg.Name = "shop"
		var got []string
		for _, p := range tc.cfg.Check() {
			if p.Rule == "DA014" {
				got = append(got, p.Path)
			}
		}
		if want := []string{tc.path}; (tc.path == "" && got != nil) || (tc.path != "" && !slices.Equal(got, want)) {
			t.Errorf("%s: DA014 at %v, want %q", tc.name, got, tc.path)
		}
	}
}

// TestRuleFixtures runs every fixture under testdata/rules/<ID>: each fail*.json must
// report rule ID (its exact lines are compared with fail*.txt), and each pass*.json,
// its passing neighbour, must be valid and free of rule ID.
func TestRuleFixtures(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/rules/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no rule fixtures: %v", err)
	}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		var fails, passes int
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".json")
			t.Run(id+"/"+name, func(t *testing.T) {
				ps := problemsOf(t, f)
				for _, p := range ps { // the table declares every severity a rule reports
					if r := ruleByID(p.Rule); !strings.Contains(r.Severity, string(p.Severity)) {
						t.Errorf("%s reports %s, but the rule table declares %q", p.Rule, p.Severity, r.Severity)
					}
				}
				withRule := slices.ContainsFunc(ps, func(p *config.Problem) bool { return p.Rule == id })
				if strings.HasPrefix(name, "fail") {
					fails++
					if !withRule {
						t.Errorf("expected a %s problem, got %v", id, ps)
					}
					wantWarning := strings.HasSuffix(name, "-warning")
					for _, p := range ps {
						if p.Rule == id && (p.Severity == config.Warning) != wantWarning {
							t.Errorf("%s has severity %s; the fixture name says warning=%v", p, p.Severity, wantWarning)
						}
					}
					var b strings.Builder
					for _, p := range ps {
						b.WriteString(p.Error() + "\n")
					}
					golden.Compare(t, strings.TrimSuffix(f, ".json")+".txt", []byte(b.String()))
					return
				}
				passes++
				if withRule {
					t.Errorf("passing neighbour reports %s: %v", id, ps)
				}
				for _, p := range ps {
					if p.Severity == config.Error {
						t.Errorf("passing neighbour has an error: %s", p)
					}
				}
			})
		}
		if (fails == 0 && !goOnly[id]) || passes == 0 {
			t.Errorf("%s: want at least one fail*.json and one pass*.json, got %d and %d", dir, fails, passes)
		}
	}
}

// ruleByID finds a rule in config.Rules (the zero Rule for an unknown id).
func ruleByID(id string) config.Rule {
	for _, r := range config.Rules() {
		if r.ID == id {
			return r
		}
	}
	return config.Rule{}
}

// TestEveryRuleHasFixtures keeps the rule table and the fixtures in step.
func TestEveryRuleHasFixtures(t *testing.T) {
	var ids []string
	for _, r := range config.Rules() {
		ids = append(ids, r.ID)
	}
	for _, id := range ids {
		if _, err := os.Stat(filepath.Join("../../testdata/rules", id, "pass.json")); err != nil {
			t.Errorf("rule %s has no fixtures under testdata/rules/%s: %v", id, id, err)
		}
	}
}

// TestGoldenConfigsAreValid: every config that gets a golden template is valid.
func TestGoldenConfigsAreValid(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/configs/*.json")
	examples, _ := filepath.Glob("../../examples/*.json")
	for _, f := range append(files, examples...) {
		cfg, err := config.Load(f)
		if err == nil {
			err = cfg.Validate()
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
