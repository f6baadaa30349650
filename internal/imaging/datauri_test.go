package imaging

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func TestDecodeDataURI(t *testing.T) {
	data := []byte("\x89PNG\r\n\x1a\n-some-bytes-\xff\xfe")
	b64 := base64.StdEncoding.EncodeToString(data)
	tests := []struct {
		name     string
		uri      string
		limit    int64
		want     []byte
		wantCode Code
	}{
		{"png", "data:image/png;base64," + b64, 0, data, ""},
		{"upper case scheme and type", "DATA:IMAGE/JPEG;BASE64," + b64, 0, data, ""},
		{"parameters before base64", "data:image/png;name=x.png;base64," + b64, 0, data, ""},
		{"wrapped lines", "data:image/png;base64," + b64[:8] + "\n" + b64[8:], 0, data, ""},
		{"no padding", "data:image/png;base64," + strings.TrimRight(b64, "="), 0, data, ""},
		{"url-safe alphabet", "data:image/png;base64," + base64.URLEncoding.EncodeToString(data), 0, data, ""},
		{"svg type passes through", "data:image/svg+xml;base64," + b64, 0, data, ""},
		{"at the limit", "data:image/png;base64," + b64, int64(len(data)), data, ""},
		{"wrong scheme", "https://example.org/a.png", 0, nil, CodeInvalidDataURI},
		{"empty", "", 0, nil, CodeInvalidDataURI},
		{"no comma", "data:image/png;base64", 0, nil, CodeInvalidDataURI},
		{"not base64", "data:image/png," + b64, 0, nil, CodeInvalidDataURI},
		{"bad base64", "data:image/png;base64,@@@@", 0, nil, CodeInvalidDataURI},
		{"text type", "data:text/html;base64," + b64, 0, nil, CodeUnsupportedFormat},
		{"no type", "data:;base64," + b64, 0, nil, CodeUnsupportedFormat},
		{"over limit", "data:image/png;base64," + b64, int64(len(data)) - 1, nil, CodeTooLarge},
		{"far over limit", "data:image/png;base64," + strings.Repeat("A", 4000), 100, nil, CodeTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeDataURI(tt.uri, tt.limit)
			if tt.wantCode == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, tt.want) {
					t.Errorf("got %q, want %q", got, tt.want)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != tt.wantCode {
				t.Fatalf("err = %v, want code %q", err, tt.wantCode)
			}
		})
	}
}

func TestDecodeDataURIChecksLengthFirst(t *testing.T) {
	// 40 MB of invalid base64: the length check must refuse it before any
	// decoding would notice it is invalid.
	uri := "data:image/png;base64," + strings.Repeat("!", 40<<20)
	_, err := DecodeDataURI(uri, 0)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeTooLarge {
		t.Fatalf("err = %v, want too_large", err)
	}
}

func TestDataURIThenPrepare(t *testing.T) {
	src := pngOf(t, quad(20, 10))
	uri := "data:image/png;base64," + base64.StdEncoding.EncodeToString(src)
	b, err := DecodeDataURI(uri, 0)
	if err != nil {
		t.Fatal(err)
	}
	img, err := Prepare(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkQuad(t, decodeOutput(t, img), 0)
}
