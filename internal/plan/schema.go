package plan

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// Schema returns the JSON Schema (draft 2020-12) of the contract, generated
// from the Go types and their field rules so that the two always agree. The
// schema checks shape, types, enums and limits; Validate also checks what a
// schema cannot: references, unique ids and the order of dates.
func Schema() []byte {
	schemaOnce.Do(func() {
		s := typeSchema(reflect.TypeFor[Plan](), rules{})
		s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
		s["$id"] = "https://safetyplan.invalid/v1/schema"
		s["title"] = "Family network safety plan"
		s["description"] = "One family's safety plan: the input of every document. Keys are snake_case, dates YYYY-MM-DD, times HH:MM. Unknown keys are errors."
		props := s["properties"].(map[string]any)
		props["schema_version"] = map[string]any{"const": SchemaVersion, "description": "Always 1."}
		schemaJSON, _ = json.MarshalIndent(s, "", "  ")
	})
	return schemaJSON
}

var (
	schemaOnce sync.Once
	schemaJSON []byte
)

var (
	dateType = reflect.TypeFor[Date]()
	timeType = reflect.TypeFor[Time]()
)

func typeSchema(t reflect.Type, r rules) map[string]any {
	switch {
	case t.Kind() == reflect.Pointer:
		return typeSchema(t.Elem(), r)
	case t == dateType:
		return map[string]any{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}
	case t == timeType:
		return map[string]any{"type": "string", "pattern": `^([01][0-9]|2[0-3]):[0-5][0-9]$`}
	case t.Implements(enumType):
		return map[string]any{"type": "string", "enum": reflect.Zero(t).Interface().(Enum).Values()}
	}
	switch t.Kind() {
	case reflect.Struct:
		props := map[string]any{}
		required := []string{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			fr := parseRules(f.Tag.Get("plan"))
			fs := typeSchema(f.Type, fr)
			if fr.required {
				required = append(required, jsonName(f))
			} else {
				fs = nullable(fs)
			}
			if d := f.Tag.Get("doc"); d != "" {
				fs["description"] = d
			}
			props[jsonName(f)] = fs
		}
		s := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
		if len(required) > 0 {
			s["required"] = required
		}
		return s
	case reflect.Slice:
		item := rules{max: r.max, id: r.id, picture: r.picture}
		s := map[string]any{"type": "array", "items": typeSchema(t.Elem(), item)}
		if r.required {
			s["minItems"] = 1
		}
		if r.maxItems > 0 {
			s["maxItems"] = r.maxItems
		}
		return s
	case reflect.String:
		s := map[string]any{"type": "string"}
		if r.required {
			s["minLength"] = 1
			s["pattern"] = `\S` // not only white space
		}
		if r.max > 0 {
			s["maxLength"] = r.max
		}
		if r.id || r.ref {
			s["pattern"] = idPattern.String()
		}
		if r.picture {
			s["pattern"] = `^(library:|upload:|data:image/)`
		}
		return s
	case reflect.Int:
		s := map[string]any{"type": "integer"}
		if r.hasMin {
			s["minimum"] = r.min
		}
		if r.hasMaxInt {
			s["maximum"] = r.maxInt
		}
		return s
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	}
	panic("plan: no schema for " + t.String())
}

// nullable lets an optional value also be null, as Decode allows.
func nullable(s map[string]any) map[string]any {
	switch typ := s["type"].(type) {
	case string:
		s["type"] = []string{typ, "null"}
		if e, ok := s["enum"].([]string); ok {
			vals := make([]any, 0, len(e)+1)
			for _, v := range e {
				vals = append(vals, v)
			}
			s["enum"] = append(vals, nil)
		}
		if p, ok := s["pattern"].(string); ok && strings.HasPrefix(p, "^") {
			// An empty optional string is allowed by Decode and Validate.
			s["pattern"] = "^$|" + p
		}
	}
	return s
}
