package illustrations

import "embed"

// FS holds every picture's SVG source and catalogue.json, embedded in the
// binary.
//
//go:embed *.svg catalogue.json
var FS embed.FS
