package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxDepth is how deeply JSON may nest; real plans need fewer than ten levels.
const MaxDepth = 32

// Decode reads one plan from JSON. It rejects, with the JSON path of each
// problem, invalid UTF-8, syntax errors, duplicate and unknown keys, wrong
// types, impossible dates and times, nesting deeper than MaxDepth and data
// after the plan. The error is always Problems. Decode does not call Validate.
func Decode(data []byte) (*Plan, error) {
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		return nil, Problems{{Path: pathAtOffset(data, off), Code: CodeEncoding, Message: fmt.Sprintf("this text is not valid UTF-8 (bad byte at offset %d of the plan): retype it, or save the file as UTF-8", off)}}
	}
	root, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	var p Plan
	var ps Problems
	assign(root, reflect.ValueOf(&p).Elem(), "", &ps)
	if len(ps) > 0 {
		return nil, ps
	}
	return &p, nil
}

// pathAtOffset returns the JSON path of the value at byte offset off, or
// "" when it cannot tell. Invalid UTF-8 is first replaced byte for byte,
// so offsets stay where they were.
func pathAtOffset(data []byte, off int) string {
	clean := bytes.Clone(data)
	for i := 0; i < len(clean); {
		r, n := utf8.DecodeRune(clean[i:])
		if r == utf8.RuneError && n <= 1 {
			clean[i], n = '?', 1
		}
		i += n
	}
	dec := json.NewDecoder(bytes.NewReader(clean))
	found := ""
	var walk func(path string, depth int) bool
	walk = func(path string, depth int) bool {
		if depth > MaxDepth {
			return false
		}
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '[':
				for i := 0; dec.More(); i++ {
					if !walk(index(path, i), depth+1) {
						return false
					}
				}
			case '{':
				for dec.More() {
					kstart := dec.InputOffset()
					k, err := dec.Token()
					if err != nil {
						return false
					}
					key, _ := k.(string)
					if int64(off) >= kstart && int64(off) < dec.InputOffset() {
						found = join(path, key)
						return false
					}
					if !walk(join(path, key), depth+1) {
						return false
					}
				}
			}
			_, err := dec.Token()
			return err == nil
		}
		if int64(off) >= start && int64(off) < dec.InputOffset() {
			found = path
			return false
		}
		return true
	}
	walk("", 0)
	return found
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

type kind uint8

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kArray
	kObject
)

var kindNames = [...]string{"null", "true or false", "a number", "text", "a list", "an object"}

type node struct {
	kind kind
	b    bool
	s    string // string value or number literal
	keys []string
	vals []*node // object values (parallel to keys) or array items
}

// parseTree reads one JSON value into a tree that keeps key order and
// reports duplicate keys, syntax errors and trailing data with paths.
func parseTree(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var ps Problems
	root, err := parseValue(dec, "", 0, &ps)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, Problems{{Path: "", Code: CodeTrailing, Message: fmt.Sprintf("there is more data after the plan ends (offset %d): send exactly one JSON object", dec.InputOffset())}}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return root, nil
}

func syntaxProblem(dec *json.Decoder, path string, err error) error {
	msg := err.Error()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		msg = fmt.Sprintf("%s (at byte %d)", strings.TrimPrefix(se.Error(), "json: "), se.Offset)
	} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = fmt.Sprintf("the JSON ends too soon (at byte %d): check for a missing } or ]", dec.InputOffset())
	}
	return Problems{{Path: path, Code: CodeSyntax, Message: "not valid JSON: " + msg}}
}

func parseValue(dec *json.Decoder, path string, depth int, ps *Problems) (*node, error) {
	if depth > MaxDepth {
		return nil, Problems{{Path: path, Code: CodeTooDeep, Message: fmt.Sprintf("the JSON nests more than %d levels deep: a plan never needs that", MaxDepth)}}
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxProblem(dec, path, err)
	}
	switch t := tok.(type) {
	case nil:
		return &node{kind: kNull}, nil
	case bool:
		return &node{kind: kBool, b: t}, nil
	case json.Number:
		return &node{kind: kNumber, s: string(t)}, nil
	case string:
		return &node{kind: kString, s: t}, nil
	case json.Delim:
		if t == '[' {
			n := &node{kind: kArray}
			for i := 0; dec.More(); i++ {
				v, err := parseValue(dec, index(path, i), depth+1, ps)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, syntaxProblem(dec, path, err)
			}
			return n, nil
		}
		n := &node{kind: kObject}
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, syntaxProblem(dec, path, err)
			}
			key, _ := kt.(string)
			v, err := parseValue(dec, join(path, key), depth+1, ps)
			if err != nil {
				return nil, err
			}
			if seen[key] {
				ps.add(join(path, key), CodeDuplicate, "the key %q appears more than once here: keep one", key)
				continue
			}
			seen[key] = true
			n.keys = append(n.keys, key)
			n.vals = append(n.vals, v)
		}
		if _, err := dec.Token(); err != nil {
			return nil, syntaxProblem(dec, path, err)
		}
		return n, nil
	}
	return nil, Problems{{Path: path, Code: CodeSyntax, Message: "not valid JSON"}}
}

var textUnmarshaler = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()

// assign stores n into v, reporting every problem with its path.
func assign(n *node, v reflect.Value, path string, ps *Problems) {
	if n.kind == kNull {
		v.Set(reflect.Zero(v.Type()))
		return
	}
	if v.Kind() == reflect.Pointer {
		e := reflect.New(v.Type().Elem())
		assign(n, e.Elem(), path, ps)
		v.Set(e)
		return
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		if n.kind != kString {
			ps.add(path, CodeType, "expected %s, got %s", describe(v.Type()), kindNames[n.kind])
			return
		}
		if err := v.Addr().Interface().(interface{ UnmarshalText([]byte) error }).UnmarshalText([]byte(n.s)); err != nil {
			code := CodeDate
			if v.Type() == reflect.TypeFor[Time]() {
				code = CodeTime
			}
			ps.add(path, code, "%s", err.Error())
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		assignStruct(n, v, path, ps)
	case reflect.Slice:
		if n.kind != kArray {
			ps.add(path, CodeType, "expected a list, got %s", kindNames[n.kind])
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.vals), len(n.vals))
		for i, item := range n.vals {
			assign(item, s.Index(i), index(path, i), ps)
		}
		v.Set(s)
	case reflect.String:
		if n.kind != kString {
			ps.add(path, CodeType, "expected text, got %s: put it in double quotes", kindNames[n.kind])
			return
		}
		v.SetString(n.s)
	case reflect.Bool:
		if n.kind != kBool {
			ps.add(path, CodeType, "expected true or false, got %s", kindNames[n.kind])
			return
		}
		v.SetBool(n.b)
	case reflect.Int:
		if n.kind != kNumber {
			ps.add(path, CodeType, "expected a whole number, got %s", kindNames[n.kind])
			return
		}
		i, err := json.Number(n.s).Int64()
		if err != nil || i < -1<<31 || i > 1<<31-1 {
			ps.add(path, CodeType, "expected a whole number, got %s", n.s)
			return
		}
		v.SetInt(i)
	}
}

func assignStruct(n *node, v reflect.Value, path string, ps *Problems) {
	if n.kind != kObject {
		ps.add(path, CodeType, "expected an object, got %s", kindNames[n.kind])
		return
	}
	fields := fieldsOf(v.Type())
	for i, key := range n.keys {
		f, ok := fields[key]
		if !ok {
			msg := fmt.Sprintf("unknown key %q", key)
			if near := nearestKey(key, fields); near != "" {
				msg += fmt.Sprintf(": did you mean %q?", near)
			} else {
				msg += ": remove it or check the spelling"
			}
			ps.add(join(path, key), CodeUnknownKey, "%s", msg)
			continue
		}
		assign(n.vals[i], v.Field(f), join(path, key), ps)
	}
}

func describe(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Date]():
		return "a date (YYYY-MM-DD)"
	case reflect.TypeFor[Time]():
		return "a time (HH:MM)"
	}
	return "text"
}

// fieldsOf maps JSON keys to struct field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		if name := jsonName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	if tag == "" || tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	return name
}

func nearestKey(key string, fields map[string]int) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	best, bestD := "", 3
	for _, k := range names {
		if d := Distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// Distance is the Levenshtein edit distance between two strings, by rune.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
