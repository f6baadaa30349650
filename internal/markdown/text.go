package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// unescape resolves backslash escapes and character references (&amp;,
// &#233;, &#xE9;) in one pass, so that "\&amp;" stays "&amp;".
func unescape(v []byte) string {
	var sb strings.Builder
	sb.Grow(len(v))
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			sb.WriteByte(v[i+1])
			i += 2
		case c == '&':
			if s, n := reference(v[i:]); n > 0 {
				sb.WriteString(s)
				i += n
				continue
			}
			sb.WriteByte(c)
			i++
		default:
			sb.WriteByte(c)
			i++
		}
	}
	return sb.String()
}

// reference decodes the character reference at the start of v ("&...;")
// and returns its text and length, or a length of 0 if there is none.
func reference(v []byte) (string, int) {
	end := 1
	for end < len(v) && end < 40 && v[end] != ';' {
		end++
	}
	if end >= len(v) || v[end] != ';' || end == 1 {
		return "", 0
	}
	body := string(v[1:end])
	if name, ok := strings.CutPrefix(body, "#"); ok {
		base, max := 10, 7
		if len(name) > 0 && (name[0] == 'x' || name[0] == 'X') {
			name, base, max = name[1:], 16, 6
		}
		if len(name) == 0 || len(name) > max {
			return "", 0
		}
		code, err := strconv.ParseUint(name, base, 32)
		if err != nil || strings.ContainsAny(name, "+-_") {
			return "", 0
		}
		return string(util.ToValidRune(rune(code))), end + 1
	}
	for i := 0; i < len(body); i++ {
		if !util.IsAlphaNumeric(body[i]) {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(body); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// clean makes s valid UTF-8 free of control characters other than "\n":
// tabs become spaces and other control characters are dropped.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// finish cleans the runs' text, merges neighbours of the same style and link,
// trims white space from both ends, and drops empty runs.
func finish(runs []Run) []Run {
	var out []Run
	for _, r := range runs {
		r.Text = clean(r.Text)
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Style == r.Style && out[n-1].Link == r.Link {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeftFunc(out[0].Text, unicode.IsSpace)
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		last := len(out) - 1
		out[last].Text = strings.TrimRightFunc(out[last].Text, unicode.IsSpace)
		if out[last].Text != "" {
			break
		}
		out = out[:last]
	}
	return out
}
