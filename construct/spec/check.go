package spec

import (
	"errors"
	"fmt"

	"github.com/defineauth/defineauth/construct/config"
)

// MaxTemplateBytes is the largest template CloudFormation deploys: a template body
// in an Amazon S3 object may be 1 MB (the CDK uploads every template there), counted
// here as 1,000,000 bytes.
const MaxTemplateBytes = 1_000_000

// Check is cfg.Check and the problems only the rendered template shows: a valid
// config whose template is larger than CloudFormation takes (long provider metadata
// and mappings can make one). It renders the template only when the config has no
// error. This is what defineauth validate, synth, the construct and the stacks run.
func Check(cfg *config.Config) []*config.Problem {
	ps := cfg.Check()
	for _, p := range ps {
		if p.Severity == config.Error {
			return ps
		}
	}
	st := ForStack(cfg)
	if n := len(st.Template()); n > MaxTemplateBytes {
		ps = append(ps, &config.Problem{Rule: "DA012", Severity: config.Error,
			Message: fmt.Sprintf("the stack's template would be %d bytes; CloudFormation deploys templates of at most %d", n, MaxTemplateBytes),
			Fix:     "shorten the longest values (SAML metadata documents: use a metadata URL instead; attribute mappings)"})
	}
	return ps
}

// Validate is Check's errors joined (errors.Join), nil when there are none; list
// them with config.Problems.
func Validate(cfg *config.Config) error {
	var errs []error
	for _, p := range Check(cfg) {
		if p.Severity == config.Error {
			errs = append(errs, p)
		}
	}
	return errors.Join(errs...)
}
