package config

import (
	"maps"
	"slices"
	"testing"

	"github.com/defineauth/defineauth/internal/cognito"
)

// TestStandardAttributesAreCognitos: the config's camelCase names map onto exactly
// Cognito's standard attributes, the list lint, the upgrade check and outputs use.
func TestStandardAttributesAreCognitos(t *testing.T) {
	got := slices.Sorted(maps.Values(standardAttrs))
	if want := slices.Sorted(slices.Values(cognito.StandardAttributes)); !slices.Equal(got, want) {
		t.Errorf("config maps onto %v, Cognito's are %v", got, want)
	}
}
