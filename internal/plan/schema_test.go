package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("the published schema does not compile: %v", err)
	}
	return s
}

func instance(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSchemaAcceptsEveryExample(t *testing.T) {
	s := compiledSchema(t)
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.json"))
	files = append(files, "testdata/minimal.json")
	if len(files) < 5 {
		t.Fatalf("found only %d example plans", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, _ := os.ReadFile(f)
			if err := s.Validate(instance(t, b)); err != nil {
				t.Errorf("schema rejects a valid plan: %v", err)
			}
		})
	}
}

// TestSchemaAgreesWithDecodeAndValidate checks, case by case, that what the
// Go code rejects for its shape the schema rejects too. References, unique
// ids, date order and content checks are beyond a JSON Schema.
func TestSchemaAgreesWithDecodeAndValidate(t *testing.T) {
	s := compiledSchema(t)
	beyondSchema := map[string]bool{
		CodeDuplicateID: true, CodeReference: true, CodeOrder: true, CodeCharacters: true,
		CodeDuplicate: true, CodeTooDeep: true, CodeSyntax: true, CodeTrailing: true, CodeEncoding: true,
	}
	checked := 0
	for _, tt := range invalidCases {
		if beyondSchema[tt.code] {
			continue
		}
		checked++
		t.Run(tt.name, func(t *testing.T) {
			b, _ := os.ReadFile(filepath.Join("testdata/invalid", tt.name+".json"))
			if err := s.Validate(instance(t, b)); err == nil {
				t.Errorf("Go rejects this plan (%s at %s) but the schema accepts it", tt.code, tt.path)
			}
		})
	}
	if checked < 20 {
		t.Errorf("only %d cases compared with the schema", checked)
	}
}

func TestSchemaCoversEveryField(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatal(err)
	}
	props := s["properties"].(map[string]any)
	for _, key := range []string{"schema_version", "case", "children", "people", "meetings", "no_meeting_rationale", "assessment", "plan", "evidence", "reviews", "handover", "words_and_pictures"} {
		if _, ok := props[key]; !ok {
			t.Errorf("schema has no property %q", key)
		}
	}
	if s["additionalProperties"] != false {
		t.Error("schema must reject unknown keys")
	}
}

// The fields of the plan over time and across people are in the schema,
// with their values and what they mean.
func TestSchemaDescribesStatusHiddenFromAgreedAt(t *testing.T) {
	var s struct {
		Properties map[string]struct {
			Items struct {
				Properties map[string]map[string]any
			}
			Properties map[string]struct {
				Items struct {
					Properties map[string]map[string]any
				}
			}
		}
	}
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatal(err)
	}
	status := s.Properties["meetings"].Items.Properties["status"]
	if fmt.Sprint(status["enum"]) != "[held planned cancelled <nil>]" || status["description"] == nil {
		t.Errorf("meetings[].status: %v", status)
	}
	if h := s.Properties["people"].Items.Properties["contact_hidden_from"]; h["type"] == nil || h["description"] == nil {
		t.Errorf("people[].contact_hidden_from: %v", h)
	}
	if a := s.Properties["plan"].Properties["rules"].Items.Properties["agreed_at"]; a["description"] == nil {
		t.Errorf("plan.rules[].agreed_at: %v", a)
	}
}
