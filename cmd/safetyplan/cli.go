package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

const usage = `safetyplan: safety plans, Words and Pictures, and meeting outcome forms.

Usage:
  safetyplan serve    [--addr :8080] [--max-body BYTES] [--today YYYY-MM-DD] [--workers N] [--queue N]
                      [--render-timeout 20s] [--metrics-addr ADDR] [--tokens-file FILE]
                      [--trusted-proxies CIDR,...] [--council NAME] [--marking TEXT] [--templates DIR] [--fonts DIR]
                      [--store sqlite:PATH|postgres://...] [--store-keys-file FILE] [--retention 8760h]
  safetyplan validate PLAN.json [--today YYYY-MM-DD] [--uploads DIR] [--json]
  safetyplan render   PLAN.json -o DIR [--uploads DIR] [--today YYYY-MM-DD] [--templates DIR] [--fonts DIR]
  safetyplan extract  SAFETY-PLAN.pdf -o DIR
  safetyplan illustrations -o SHEET.pdf
  safetyplan token    (a new API token and the hash to configure)
  safetyplan store new-key | reencrypt --store URL
  safetyplan help

Environment: SAFETYPLAN_ADDR, SAFETYPLAN_MAX_BODY, SAFETYPLAN_TODAY and the others in the README.
`

// Exit codes of the command line.
const (
	exitOK         = 0
	exitCompliance = 1 // valid input, but compliance errors found
	exitInput      = 2 // invalid input or usage
)

// Main runs the command line with args (without the program name) and
// returns the exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitInput
	}
	switch args[0] {
	case "serve":
		return serveCmd(ctx, args[1:], stdout, stderr)
	case "validate":
		return validateCmd(args[1:], stdout, stderr)
	case "render":
		return renderCmd(args[1:], stdout, stderr)
	case "extract":
		return extractCmd(args[1:], stdout, stderr)
	case "illustrations":
		return illustrationsCmd(args[1:], stdout, stderr)
	case "token":
		return tokenCmd(stdout)
	case "store":
		return storeCmd(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "safetyplan: unknown command %q\n\n%s", args[0], usage)
	return exitInput
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, as in "validate plan.json --today 2026-11-22".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\nFlags of %s:\n", strings.TrimSpace(usage), name)
		fs.PrintDefaults()
	}
	return fs
}
