package imaging

import (
	"encoding/base64"
	"strings"
)

// DecodeDataURI returns the bytes of a "data:image/...;base64," URI. It
// checks the scheme, that the media type is an image, and that the encoded
// length cannot decode to more than limit bytes (DefaultMaxBytes when limit
// is zero or negative) before decoding anything. White space in the base64
// text is ignored; padding is optional. The bytes are not checked to be a
// picture: Prepare does that. Every error is an *Error.
func DecodeDataURI(uri string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	rest, ok := cutPrefixFold(uri, "data:")
	if !ok {
		return nil, errorf(CodeInvalidDataURI, nil, "the picture should be a data: URI such as data:image/jpeg;base64,…")
	}
	header, payload, ok := strings.Cut(rest, ",")
	if !ok {
		return nil, errorf(CodeInvalidDataURI, nil, "the data: URI has no comma before its data")
	}
	params := strings.Split(header, ";")
	media := strings.ToLower(strings.TrimSpace(params[0]))
	if !strings.HasPrefix(media, "image/") {
		if media == "" {
			media = "text/plain"
		}
		return nil, errorf(CodeUnsupportedFormat, nil, "the data: URI holds %q, not a picture. %s", truncate(media, 40), formatsHelp)
	}
	if !strings.EqualFold(strings.TrimSpace(params[len(params)-1]), "base64") {
		return nil, errorf(CodeInvalidDataURI, nil, "the data: URI is not base64-encoded; write it as data:%s;base64,…", truncate(media, 40))
	}
	if max64 := int64(len(payload)) / 4 * 3; max64 > limit+3 {
		return nil, errorf(CodeTooLarge, nil, "the picture is about %s; the limit is %s. %s", sizeMB(max64), sizeMB(limit), smallerHelp)
	}
	data, err := decodeBase64(payload)
	if err != nil {
		return nil, errorf(CodeInvalidDataURI, err, "the data: URI's base64 text is damaged")
	}
	if int64(len(data)) > limit {
		return nil, errorf(CodeTooLarge, nil, "the picture is %s; the limit is %s. %s", sizeMB(int64(len(data))), sizeMB(limit), smallerHelp)
	}
	return data, nil
}

// decodeBase64 decodes standard or URL-safe base64, padded or not, ignoring
// white space.
func decodeBase64(s string) ([]byte, error) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, "=")
	enc := base64.RawStdEncoding
	if strings.ContainsAny(s, "-_") {
		enc = base64.RawURLEncoding
	}
	return enc.DecodeString(s)
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// truncate shortens s to at most n bytes for a message, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
