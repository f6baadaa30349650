package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// macKey derives the key that signs values from a keyring secret, so that
// the AES key itself never keys an HMAC.
func macKey(secret []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("safetyplan/mac-key"))
	return m.Sum(nil)
}

func mac(key []byte, purpose string, msg []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write(msg)
	return m.Sum(nil)
}

// Sign returns a signature of msg for purpose under the current key, as
// "KEYID.BASE64": every replica with the same keyring can check it, and a
// signature for one purpose never passes for another. It returns "" when
// the keyring is empty.
func (k Keyring) Sign(purpose string, msg []byte) string {
	if k.Empty() {
		return ""
	}
	cur := k.keys[0]
	return cur.id + "." + base64.RawURLEncoding.EncodeToString(mac(cur.mac, purpose, msg))
}

// Verify reports whether sig is Sign(purpose, msg) under any key of the
// keyring, current or old, so that signatures outlive a rotation for as
// long as the old key is kept.
func (k Keyring) Verify(purpose string, msg []byte, sig string) bool {
	id, b64, ok := strings.Cut(sig, ".")
	if !ok {
		return false
	}
	got, err := base64.RawURLEncoding.DecodeString(b64)
	if err != nil {
		return false
	}
	for _, key := range k.keys {
		if key.id == id {
			return hmac.Equal(got, mac(key.mac, purpose, msg))
		}
	}
	return false
}

func (s *sqlStore) Sign(purpose string, msg []byte) string { return s.keys.Sign(purpose, msg) }

func (s *sqlStore) Verify(purpose string, msg []byte, sig string) bool {
	return s.keys.Verify(purpose, msg, sig)
}
