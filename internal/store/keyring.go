package store

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// KeySize is the length in bytes of an encryption key: AES-256.
const KeySize = 32

// nonceSize is the length of the random GCM nonce stored in front of each
// ciphertext (96 bits, the standard GCM nonce).
const nonceSize = 12

// KeysEnv is the environment variable the service reads its keyring from,
// named in the error Open gives when the keyring is empty. The store itself
// reads no environment; the caller passes ParseKeyring's result to Open.
const KeysEnv = "SAFETYPLAN_STORE_KEYS"

// ErrNoKey is the error Open returns when the keyring holds no key: the store
// refuses to start without one.
var ErrNoKey = errors.New("store: the store needs an encryption key: set " + KeysEnv +
	" to one or more ID:BASE64KEY entries, the first the current key (32 random bytes in base64, for example k1:$(openssl rand -base64 32))")

// ErrDecrypt is wrapped by errors about a stored value that cannot be
// decrypted: its key is not in the keyring, or the ciphertext was altered or
// moved to another row.
var ErrDecrypt = errors.New("cannot decrypt stored value")

var keyIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// Keyring holds the keys that encrypt the store's sensitive values: one
// current key, which encrypts every new value, and any number of old keys,
// which only decrypt. Each key has an id, stored beside every ciphertext it
// made. The zero Keyring is empty; Open refuses it. A Keyring is safe for
// concurrent use and its String form never shows key material.
type Keyring struct {
	keys []ringKey // keys[0] is current
}

type ringKey struct {
	id   string
	aead cipher.AEAD
	mac  []byte // derived from the secret, for Sign and Verify
}

// Key is one raw key with its id, for NewKeyring.
type Key struct {
	// ID names the key; 1 to 64 of A-Z a-z 0-9 . _ -.
	ID string
	// Secret is the 32-byte AES-256 key.
	Secret []byte
}

// NewKeyring builds a keyring whose current key is current and whose other
// keys decrypt only. Ids must be valid and distinct and secrets 32 bytes.
func NewKeyring(current Key, old ...Key) (Keyring, error) {
	var k Keyring
	seen := map[string]bool{}
	for i, key := range append([]Key{current}, old...) {
		if !keyIDPattern.MatchString(key.ID) {
			return Keyring{}, fmt.Errorf("store: key %d: the id %q must be 1 to 64 letters, digits, dots, underscores or hyphens", i+1, key.ID)
		}
		if seen[key.ID] {
			return Keyring{}, fmt.Errorf("store: key %d: the id %q is given twice", i+1, key.ID)
		}
		seen[key.ID] = true
		if len(key.Secret) != KeySize {
			return Keyring{}, fmt.Errorf("store: key %q is %d bytes; it must be %d (AES-256)", key.ID, len(key.Secret), KeySize)
		}
		block, err := aes.NewCipher(key.Secret)
		if err != nil {
			return Keyring{}, fmt.Errorf("store: key %q: %v", key.ID, err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return Keyring{}, fmt.Errorf("store: key %q: %v", key.ID, err)
		}
		k.keys = append(k.keys, ringKey{id: key.ID, aead: aead, mac: macKey(key.Secret)})
	}
	return k, nil
}

// ParseKeyring reads a keyring from text such as the value of
// SAFETYPLAN_STORE_KEYS or a key file: entries ID:BASE64KEY separated by
// newlines or commas, the first entry the current key and the rest old keys
// that only decrypt. Blank lines, surrounding spaces and lines starting with
// # are ignored. Keys are 32 bytes in standard or URL-safe base64, padded or
// not. Empty text gives an empty keyring (which Open refuses with ErrNoKey);
// malformed text gives an error that never quotes key material.
func ParseKeyring(s string) (Keyring, error) {
	var keys []Key
	for ln, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, entry := range strings.Split(line, ",") {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			id, b64, ok := strings.Cut(entry, ":")
			id, b64 = strings.TrimSpace(id), strings.TrimSpace(b64)
			if !ok || id == "" || b64 == "" {
				return Keyring{}, fmt.Errorf("store: keyring line %d: an entry is not ID:BASE64KEY", ln+1)
			}
			secret, err := decodeKey(b64)
			if err != nil {
				return Keyring{}, fmt.Errorf("store: keyring line %d: key %q is not base64", ln+1, id)
			}
			keys = append(keys, Key{ID: id, Secret: secret})
		}
	}
	if len(keys) == 0 {
		return Keyring{}, nil
	}
	return NewKeyring(keys[0], keys[1:]...)
}

func decodeKey(s string) ([]byte, error) {
	var last error
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		b, err := enc.DecodeString(s)
		if err == nil {
			return b, nil
		}
		last = err
	}
	return nil, last
}

// NewKey makes a new random key and returns it as a keyring entry,
// "ID:BASE64KEY", with a random id ("k" and 8 hex digits). To rotate, put
// the entry first in SAFETYPLAN_STORE_KEYS, keep the old entries after it,
// and run Reencrypt.
func NewKey() (string, error) {
	secret := make([]byte, KeySize)
	if _, err := rand.Read(secret); err != nil {
		return "", fmt.Errorf("store: making a key: %w", err)
	}
	idb := make([]byte, 4)
	if _, err := rand.Read(idb); err != nil {
		return "", fmt.Errorf("store: making a key id: %w", err)
	}
	return "k" + hex.EncodeToString(idb) + ":" + base64.StdEncoding.EncodeToString(secret), nil
}

// Empty reports whether the keyring holds no key.
func (k Keyring) Empty() bool { return len(k.keys) == 0 }

// Current returns the id of the key that encrypts new values, or "" when
// the keyring is empty.
func (k Keyring) Current() string {
	if k.Empty() {
		return ""
	}
	return k.keys[0].id
}

// IDs returns the ids of every key, the current one first.
func (k Keyring) IDs() []string {
	ids := make([]string, len(k.keys))
	for i, key := range k.keys {
		ids[i] = key.id
	}
	return ids
}

// Has reports whether the keyring holds a key with the id.
func (k Keyring) Has(id string) bool { return k.find(id) != nil }

// String describes the keyring by its key ids only, never its secrets.
func (k Keyring) String() string {
	if k.Empty() {
		return "keyring(empty)"
	}
	return "keyring(current " + k.keys[0].id + "; keys " + strings.Join(k.IDs(), ", ") + ")"
}

// GoString is String, so that %#v cannot print key material either.
func (k Keyring) GoString() string { return k.String() }

func (k Keyring) find(id string) cipher.AEAD {
	for _, key := range k.keys {
		if key.id == id {
			return key.aead
		}
	}
	return nil
}

// seal encrypts plaintext under the current key with aad bound to it and
// returns the key id and nonce||ciphertext||tag.
func (k Keyring) seal(plaintext, aad []byte) (keyID string, ct []byte, err error) {
	if k.Empty() {
		return "", nil, ErrNoKey
	}
	cur := k.keys[0]
	nonce := make([]byte, nonceSize, nonceSize+len(plaintext)+cur.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", nil, fmt.Errorf("store: making a nonce: %w", err)
	}
	return cur.id, cur.aead.Seal(nonce, nonce, plaintext, aad), nil
}

// open decrypts a value sealed under keyID with aad.
func (k Keyring) open(keyID string, ct, aad []byte) ([]byte, error) {
	aead := k.find(keyID)
	if aead == nil {
		return nil, fmt.Errorf("%w: it is encrypted under key %q, which is not in the keyring (%s)", ErrDecrypt, keyID, KeysEnv)
	}
	if len(ct) < nonceSize+aead.Overhead() {
		return nil, fmt.Errorf("%w: the ciphertext is truncated", ErrDecrypt)
	}
	pt, err := aead.Open(nil, ct[:nonceSize], ct[nonceSize:], aad)
	if err != nil {
		return nil, fmt.Errorf("%w: authentication failed (altered, or moved from another row)", ErrDecrypt)
	}
	return pt, nil
}

// Additional authenticated data: the row a ciphertext belongs to, so that it
// cannot be copied to another row, another version or another kind of value.
func planAAD(planID string, version int) []byte {
	return []byte(fmt.Sprintf("safetyplan/plan\x00%s\x00%d", planID, version))
}

func uploadAAD(planID string, version, seq int) []byte {
	return []byte(fmt.Sprintf("safetyplan/upload\x00%s\x00%d\x00%d", planID, version, seq))
}

func shareAAD(shareID string) []byte {
	return []byte("safetyplan/share-person\x00" + shareID)
}
