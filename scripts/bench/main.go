// Command bench measures, side by side in one run, what each way of checking and
// synthesizing the bundled example costs as a whole process: defineauth validate,
// defineauth synth (pure Go), the CDK app (cmd/cdkapp, as `cdk synth` runs it) with
// aws-cdk-lib's built-in validation off (its default here) and on, and Amplify's own
// auth construct (@aws-amplify/auth-construct, pinned in package-lock.json) on the
// same config, with and without that validation. Rounds are interleaved, so a busy
// machine slows every command alike; it prints medians and ratios to Amplify's synth
// as its users run it (validation on).
//
//	go run ./scripts/bench [-rounds 7] [-config examples/shop.json]
//
// It needs Go, Node.js and `npm ci` (for Amplify's construct). It builds the two
// binaries into a temporary folder first; build time is not measured.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

func main() {
	rounds := flag.Int("rounds", 7, "measured runs of each command")
	config := flag.String("config", "examples/shop.json", "the defineauth config (Amplify's props in scripts/amplify-synth.mjs describe the same pool)")
	flag.Parse()
	if err := run(*rounds, *config); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// command is one measured process.
type command struct {
	name string
	argv []string
	env  []string
}

func run(rounds int, config string) error {
	tmp, err := os.MkdirTemp("", "defineauth-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Fprintln(os.Stderr, "building cmd/defineauth and cmd/cdkapp...")
	for _, pkg := range []string{"defineauth", "cdkapp"} {
		if out, err := exec.Command("go", "build", "-o", filepath.Join(tmp, pkg), "./cmd/"+pkg).CombinedOutput(); err != nil {
			return fmt.Errorf("go build ./cmd/%s: %v\n%s", pkg, err, out)
		}
	}
	context, err := cdkContext(config)
	if err != nil {
		return err
	}
	out := filepath.Join(tmp, "out")
	cdkEnv := []string{"CDK_OUTDIR=" + out, "CDK_CONTEXT_JSON=" + context, "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20"}
	commands := []command{
		{name: "defineauth validate", argv: []string{filepath.Join(tmp, "defineauth"), "validate", config}},
		{name: "defineauth synth (pure Go)", argv: []string{filepath.Join(tmp, "defineauth"), "synth", config}},
		{name: "CDK app, built-in validation off", argv: []string{filepath.Join(tmp, "cdkapp")}, env: cdkEnv},
		{name: "CDK app, built-in validation on", argv: []string{filepath.Join(tmp, "cdkapp")}, env: append(cdkEnv, "CDK_VALIDATION=true")},
		{name: "Amplify's construct (as its users run it)", argv: []string{"node", "scripts/amplify-synth.mjs", out}},
		{name: "Amplify's construct, validation off", argv: []string{"node", "scripts/amplify-synth.mjs", out}, env: []string{"CDK_VALIDATION=false"}},
	}
	times := make([][]time.Duration, len(commands))
	for _, c := range commands { // one unmeasured run each: caches, and a check that it works
		if _, err := measure(c, out); err != nil {
			return fmt.Errorf("%s: %v", c.name, err)
		}
	}
	for r := range rounds {
		fmt.Fprintf(os.Stderr, "round %d of %d\n", r+1, rounds)
		for i, c := range commands {
			d, err := measure(c, out)
			if err != nil {
				return fmt.Errorf("%s: %v", c.name, err)
			}
			times[i] = append(times[i], d)
		}
	}
	amplify := median(times[4])
	fmt.Printf("%d rounds on %s/%s, %d CPUs, %s; config %s\n\n", rounds, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), nodeVersion(), config)
	fmt.Printf("%-44s %10s %10s %10s\n", "command (whole process)", "median", "min", "/ Amplify")
	for i, c := range commands {
		m := median(times[i])
		fmt.Printf("%-44s %10s %10s %9.3fx\n", c.name, round(m), round(slices.Min(times[i])), float64(m)/float64(amplify))
	}
	return nil
}

// measure runs c once, from a clean output folder, and returns its wall time.
func measure(c command, out string) (time.Duration, error) {
	if err := os.RemoveAll(out); err != nil {
		return 0, err
	}
	cmd := exec.Command(c.argv[0], c.argv[1:]...)
	cmd.Env = append(os.Environ(), c.env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%v\n%s", err, stderr.String())
	}
	return d, nil
}

// cdkContext is what the CDK CLI passes the app: cdk.json's context with the config.
func cdkContext(config string) (string, error) {
	raw, err := os.ReadFile("cdk.json")
	if err != nil {
		return "", fmt.Errorf("run from the project root: %v", err)
	}
	var cdk struct{ Context map[string]any }
	if err := json.Unmarshal(raw, &cdk); err != nil {
		return "", err
	}
	cdk.Context["config"] = config
	b, err := json.Marshal(cdk.Context)
	return string(b), err
}

func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	return s[len(s)/2]
}

func round(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func nodeVersion() string {
	v, err := exec.Command("node", "--version").Output()
	if err != nil {
		return "no node"
	}
	return "node " + strings.TrimSpace(string(v))
}
