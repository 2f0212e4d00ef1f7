#!/usr/bin/env bash
# Builds and runs testdata/apicheck as a module outside this repository, against this
# checkout, the way a user's module imports defineauth (internal/apicheck's test
# checks that no exported declaration names an internal type). Run from the
# repository root: bash scripts/apicheck.sh
set -euo pipefail
root=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp testdata/apicheck/main.go "$dir/"
cd "$dir"
cat > go.mod <<MOD
module example.com/apicheck

go 1.26

require github.com/defineauth/defineauth v0.0.0

replace github.com/defineauth/defineauth => $root
MOD
GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1 || GOFLAGS=-mod=mod go mod tidy
GOFLAGS=-mod=mod go run .

