package illustration

import (
	"fmt"
	"image/color"
	"strconv"
)

// parseColor reads a paint value: "none", "#rgb" or "#rrggbb". It returns
// nil for none.
func parseColor(s string) (*color.RGBA, error) {
	if s == "none" {
		return nil, nil
	}
	if len(s) > 0 && s[0] == '#' {
		hex := s[1:]
		if len(hex) == 3 {
			hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
		}
		if len(hex) == 6 {
			if v, err := strconv.ParseUint(hex, 16, 32); err == nil {
				return &color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, nil
			}
		}
	}
	return nil, fmt.Errorf("colour %q: use none, #rgb or #rrggbb", s)
}
