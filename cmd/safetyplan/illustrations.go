package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/familynetwork/safetyplan/internal/pdf"
)

// illustrationsCmd writes the contact sheet of the picture library.
func illustrationsCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("illustrations", stderr)
	out := fs.String("o", "illustrations.pdf", "the PDF to write")
	if _, err := parseInterspersed(fs, args); err != nil {
		return exitInput
	}
	var buf bytes.Buffer
	if err := pdf.ContactSheet(&buf); err != nil {
		fmt.Fprintln(stderr, "safetyplan illustrations:", err)
		return exitInput
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(stderr, "safetyplan illustrations:", err)
		return exitInput
	}
	fmt.Fprintln(stdout, *out)
	return exitOK
}
