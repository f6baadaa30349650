package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "council.txt"), []byte("adult.title: Our family plan\n"), 0o644)
	w, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Text("adult.title"); got != "Our family plan" {
		t.Errorf("override not applied: %q", got)
	}
	if got := w.Text("form.title", "system", "EHM"); got != "EHM Family/Network Meeting form" {
		t.Errorf("placeholder: %q", got)
	}
	os.WriteFile(filepath.Join(dir, "typo.txt"), []byte("adult.titel: Oops\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "adult.titel") {
		t.Errorf("an unknown key was accepted: %v", err)
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("an empty override folder was accepted")
	}
}

func TestDefaultHasEveryDocumentsWording(t *testing.T) {
	w := Default()
	for _, prefix := range []string{"adult.", "form."} {
		n := 0
		for _, k := range w.Keys() {
			if strings.HasPrefix(k, prefix) {
				n++
			}
		}
		if n < 20 {
			t.Errorf("only %d %s keys", n, prefix)
		}
	}
}
