package illustration

import (
	"fmt"
	"strconv"
	"strings"
)

// pathScanner reads numbers, flags and command letters from SVG path data
// and point lists.
type pathScanner struct {
	s   string
	pos int
}

func (sc *pathScanner) skipSep() {
	for sc.pos < len(sc.s) {
		switch sc.s[sc.pos] {
		case ' ', '\t', '\n', '\r', '\f', ',':
			sc.pos++
		default:
			return
		}
	}
}

func (sc *pathScanner) done() bool {
	sc.skipSep()
	return sc.pos >= len(sc.s)
}

// startsNumber reports whether a number comes next (so an implicit repeat
// of the last command follows).
func (sc *pathScanner) startsNumber() bool {
	sc.skipSep()
	if sc.pos >= len(sc.s) {
		return false
	}
	c := sc.s[sc.pos]
	return c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')
}

func (sc *pathScanner) number() (float64, error) {
	sc.skipSep()
	start := sc.pos
	i := sc.pos
	if i < len(sc.s) && (sc.s[i] == '+' || sc.s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(sc.s) && sc.s[i] >= '0' && sc.s[i] <= '9' {
		i++
		digits++
	}
	if i < len(sc.s) && sc.s[i] == '.' {
		i++
		for i < len(sc.s) && sc.s[i] >= '0' && sc.s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		if start >= len(sc.s) {
			return 0, fmt.Errorf("expected a number at the end")
		}
		return 0, fmt.Errorf("expected a number at %q", clip(sc.s[start:]))
	}
	if i < len(sc.s) && (sc.s[i] == 'e' || sc.s[i] == 'E') {
		j := i + 1
		if j < len(sc.s) && (sc.s[j] == '+' || sc.s[j] == '-') {
			j++
		}
		k := j
		for k < len(sc.s) && sc.s[k] >= '0' && sc.s[k] <= '9' {
			k++
		}
		if k > j {
			i = k
		}
	}
	v, err := strconv.ParseFloat(sc.s[start:i], 64)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", sc.s[start:i])
	}
	sc.pos = i
	return v, nil
}

// flag reads an arc flag: a single 0 or 1, which need not be followed by a
// separator.
func (sc *pathScanner) flag() (bool, error) {
	sc.skipSep()
	if sc.pos < len(sc.s) {
		switch sc.s[sc.pos] {
		case '0':
			sc.pos++
			return false, nil
		case '1':
			sc.pos++
			return true, nil
		}
	}
	return false, fmt.Errorf("expected an arc flag (0 or 1) at %q", clip(sc.s[sc.pos:]))
}

func (sc *pathScanner) numbers(dst []float64) error {
	for i := range dst {
		v, err := sc.number()
		if err != nil {
			return err
		}
		dst[i] = v
	}
	return nil
}

func clip(s string) string {
	if len(s) > 12 {
		return s[:12] + "…"
	}
	return s
}

// parsePathData appends the path described by SVG path data d to b.
// Supported commands: M L H V C S Q T A Z, absolute and relative.
func parsePathData(b *pathBuilder, d string) error {
	sc := &pathScanner{s: d}
	var cmd byte
	for !sc.done() {
		c := sc.s[sc.pos]
		if strings.IndexByte("MmLlHhVvCcSsQqTtAaZz", c) >= 0 {
			cmd = c
			sc.pos++
		} else if cmd == 0 {
			return fmt.Errorf("path data must start with a command, not %q", clip(sc.s[sc.pos:]))
		} else if !sc.startsNumber() {
			return fmt.Errorf("unsupported path command %q", string(c))
		}
		if cmd != 'M' && cmd != 'm' && !b.open {
			return fmt.Errorf("path data must start with M or m")
		}
		rel := cmd >= 'a'
		off := func(x, y float64) Point {
			if rel {
				return Point{b.cur.X + x, b.cur.Y + y}
			}
			return Point{x, y}
		}
		var v [7]float64
		switch cmd {
		case 'M', 'm':
			if err := sc.numbers(v[:2]); err != nil {
				return err
			}
			b.moveTo(off(v[0], v[1]))
			// Further pairs are implicit LineTo of the same relativity.
			if cmd == 'M' {
				cmd = 'L'
			} else {
				cmd = 'l'
			}
		case 'L', 'l':
			if err := sc.numbers(v[:2]); err != nil {
				return err
			}
			b.lineTo(off(v[0], v[1]))
		case 'H', 'h':
			if err := sc.numbers(v[:1]); err != nil {
				return err
			}
			x := v[0]
			if rel {
				x += b.cur.X
			}
			b.lineTo(Point{x, b.cur.Y})
		case 'V', 'v':
			if err := sc.numbers(v[:1]); err != nil {
				return err
			}
			y := v[0]
			if rel {
				y += b.cur.Y
			}
			b.lineTo(Point{b.cur.X, y})
		case 'C', 'c':
			if err := sc.numbers(v[:6]); err != nil {
				return err
			}
			b.cubicTo(off(v[0], v[1]), off(v[2], v[3]), off(v[4], v[5]))
		case 'S', 's':
			if err := sc.numbers(v[:4]); err != nil {
				return err
			}
			c1 := b.cur
			if b.lastOp == 'C' {
				c1 = Point{2*b.cur.X - b.lastC.X, 2*b.cur.Y - b.lastC.Y}
			}
			b.cubicTo(c1, off(v[0], v[1]), off(v[2], v[3]))
		case 'Q', 'q':
			if err := sc.numbers(v[:4]); err != nil {
				return err
			}
			b.quadTo(off(v[0], v[1]), off(v[2], v[3]))
		case 'T', 't':
			if err := sc.numbers(v[:2]); err != nil {
				return err
			}
			q := b.cur
			if b.lastOp == 'Q' {
				q = Point{2*b.cur.X - b.lastC.X, 2*b.cur.Y - b.lastC.Y}
			}
			b.quadTo(q, off(v[0], v[1]))
		case 'A', 'a':
			if err := sc.numbers(v[:3]); err != nil {
				return err
			}
			large, err := sc.flag()
			if err != nil {
				return err
			}
			sweep, err := sc.flag()
			if err != nil {
				return err
			}
			if err := sc.numbers(v[3:5]); err != nil {
				return err
			}
			b.arcTo(v[0], v[1], v[2], large, sweep, off(v[3], v[4]))
		case 'Z', 'z':
			b.close()
			// A number straight after Z is an error: Z takes none.
			if sc.startsNumber() {
				return fmt.Errorf("the close-path command (Z) takes no numbers, found %q", clip(sc.s[sc.pos:]))
			}
		}
	}
	return nil
}

// parsePoints reads the points attribute of polyline and polygon.
func parsePoints(s string) ([]Point, error) {
	sc := &pathScanner{s: s}
	var pts []Point
	for !sc.done() {
		x, err := sc.number()
		if err != nil {
			return nil, err
		}
		y, err := sc.number()
		if err != nil {
			return nil, fmt.Errorf("odd number of coordinates")
		}
		pts = append(pts, Point{x, y})
	}
	return pts, nil
}
