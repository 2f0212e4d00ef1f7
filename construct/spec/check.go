package spec

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/internal/strictjson"
)

// MaxTemplateBytes is the largest template CloudFormation deploys: a template body
// in an Amazon S3 object may be 1 MB (the CDK uploads every template there), counted
// here as 1,000,000 bytes.
const MaxTemplateBytes = 1_000_000

// Check is cfg.Check and the problems only the mapping to the template shows: two
// groups or two providers whose names give one construct id (DA007, DA017), and a
// valid config whose template is larger than CloudFormation takes (long provider
// metadata and mappings can make one; DA012). It renders the template only when the
// config has no error. This is what defineauth validate, synth, the construct and
// the stacks run.
func Check(cfg *config.Config) []*config.Problem {
	_, ps := Synth(cfg)
	return ps
}

// Synth is Check that also returns the stack's template, rendered once: nil when the
// config has an error.
func Synth(cfg *config.Config) ([]byte, []*config.Problem) {
	ps := append(cfg.Check(), sharedIDs(cfg)...)
	for _, p := range ps {
		if p.Severity == config.Error {
			return nil, ps
		}
	}
	st := ForStack(cfg)
	tmpl := st.Template()
	if n := len(tmpl); n > MaxTemplateBytes {
		return nil, append(ps, &config.Problem{Rule: "DA012", Severity: config.Error,
			Message: fmt.Sprintf("the stack's template would be %d bytes; CloudFormation deploys templates of at most %d", n, MaxTemplateBytes),
			Fix:     "shorten the longest values (SAML metadata documents: use a metadata URL instead; attribute mappings)"})
	}
	return tmpl, ps
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

// sharedIDs reports names that differ but give one construct id, so the template
// would hold one resource for both: "/" cannot be in a construct id and becomes "_".
func sharedIDs(cfg *config.Config) []*config.Problem {
	var out []*config.Problem
	clash := func(rule, path, kind, name, other, otherPath string) {
		out = append(out, &config.Problem{Rule: rule, Severity: config.Error, Path: path, Fix: "rename one of them",
			Message: fmt.Sprintf("%s %s and %s (%s) would be one resource in the template, since \"/\" becomes \"_\" in its id",
				kind, strconv.Quote(strictjson.Excerpt(name)), strconv.Quote(strictjson.Excerpt(other)), otherPath)})
	}
	groups := map[string]int{} // construct id -> index of the first group with it
	for i, g := range cfg.Groups {
		id := groupConstructID(g)
		if j, ok := groups[id]; ok && cfg.Groups[j] != g {
			clash("DA007", fmt.Sprintf("groups[%d]", i), "groups", g, cfg.Groups[j], fmt.Sprintf("groups[%d]", j))
		} else if !ok {
			groups[id] = i
		}
	}
	providers := map[string]config.Provider{}
	for _, p := range cfg.Providers() {
		id := providerConstructID(p.Name)
		if q, ok := providers[id]; ok && q.Name != p.Name {
			clash("DA017", p.Path+".name", "providers", p.Name, q.Name, q.Path)
		} else if !ok {
			providers[id] = p
		}
	}
	return out
}
