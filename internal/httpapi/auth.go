package httpapi

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/store"
)

// Auth says who may use the service. The zero value lets everyone in, for
// use on a worker's own machine; a deployment sets one or both fields.
type Auth struct {
	// TokenHashes are the SHA-256 hashes of the bearer API tokens accepted
	// (the tokens themselves are never stored). See NewToken.
	TokenHashes [][sha256.Size]byte
	// TokenLabels names some of those tokens (the label after the hash in
	// the tokens file, such as case-record-integration): the audit log
	// then says "token:LABEL" for what a labelled token did, and "token"
	// for an unlabelled one.
	TokenLabels map[[sha256.Size]byte]string
	// Proxies are the addresses of authenticating reverse proxies (such as
	// oauth2-proxy) whose X-Forwarded-User and X-Forwarded-Email headers
	// name the person in the browser. The headers are ignored from any
	// other address.
	Proxies []netip.Prefix
}

// On reports whether requests must be authenticated.
func (a Auth) On() bool { return len(a.TokenHashes) > 0 || len(a.Proxies) > 0 }

// NewToken makes a random API token (256 bits) and the hash to configure.
func NewToken() (token, hash string) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	token = "sp_" + hex.EncodeToString(b[:])
	return token, HashToken(token)
}

// HashToken returns the hex SHA-256 of a token, as configured.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// ParseTokenHashes reads token hashes: one per line or separated by commas,
// each 64 hex digits, optionally followed by a space and a label; lines
// starting with # are comments.
func ParseTokenHashes(s string) ([][sha256.Size]byte, error) {
	hashes, _, err := ParseTokens(s)
	return hashes, err
}

// goodLabel is the shape of a token's label: it stands in the audit log.
var goodLabel = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// ParseTokens reads token hashes as ParseTokenHashes does, with their
// labels (1 to 64 of A-Z a-z 0-9 . _ -), for Auth.TokenLabels.
func ParseTokens(s string) ([][sha256.Size]byte, map[[sha256.Size]byte]string, error) {
	var out [][sha256.Size]byte
	labels := map[[sha256.Size]byte]string{}
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' }) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		field, label, _ := strings.Cut(line, " ")
		b, err := hex.DecodeString(field)
		if err != nil || len(b) != sha256.Size {
			return nil, nil, fmt.Errorf("%q is not a token hash: give the 64 hex digits that safetyplan token printed, never the token itself", short(field))
		}
		h := [sha256.Size]byte(b)
		out = append(out, h)
		if label = strings.TrimSpace(label); label != "" {
			if !goodLabel.MatchString(label) {
				return nil, nil, fmt.Errorf("the label %q is not 1 to 64 of A-Z a-z 0-9 . _ -: it names the token in the audit log", short(label))
			}
			labels[h] = label
		}
	}
	return out, labels, nil
}

// ParseProxies reads proxy addresses: IPs or CIDR prefixes separated by
// commas.
func ParseProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not an IP address or CIDR prefix", short(f))
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// acceptableName reports whether a name from the sign-in proxy may stand
// in the audit log: printable UTF-8 of at most 200 bytes that is not one
// of the service's own actors.
func acceptableName(name string) bool {
	if name == "" || len(name) > 200 || !utf8.ValidString(name) || store.SystemActor(name) {
		return false
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// userKey holds who made the request: "token", "token:LABEL" or
// "proxy:NAME".
const userKey = "user"

var errUnauthenticated = errStatus(http.StatusUnauthorized, "unauthenticated", "Sign in first",
	"this service needs an API token (Authorization: Bearer …) or a sign-in through the council's login page")

// authenticate lets a request through when auth is off, when it carries an
// accepted bearer token, or when it comes from a trusted proxy that names
// the person. Liveness and readiness stay open for the orchestrator.
func (a Auth) authenticate() gin.HandlerFunc {
	return func(c *gin.Context) {
		// Shared links are opened by network members, who have no account:
		// the link and its code are their authentication.
		path := c.Request.URL.Path
		if !a.On() || path == "/healthz" || path == "/readyz" || strings.HasPrefix(path, "/s/") || path == "/share.css" {
			c.Next()
			return
		}
		if user, ok := a.identify(c.Request); ok {
			if name, proxied := strings.CutPrefix(user, "proxy:"); proxied && !acceptableName(name) {
				abort(c, errStatus(http.StatusForbidden, "bad-sign-in-name", "Sign-in name not accepted",
					"the sign-in proxy named the user %q, which is empty, too long, holds control characters, or is one of the names the service keeps for its own audit entries (token, local, link, retention, share:…): ask your administrator to pass the user's email address", short(name)))
				return
			}
			c.Set(userKey, user)
			c.Next()
			return
		}
		c.Header("WWW-Authenticate", `Bearer realm="safetyplan"`)
		abort(c, errUnauthenticated)
	}
}

// identify returns who made the request, if anyone it may trust.
func (a Auth) identify(r *http.Request) (string, bool) {
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && len(a.TokenHashes) > 0 {
		sum := sha256.Sum256([]byte(strings.TrimSpace(tok)))
		match := 0
		for _, h := range a.TokenHashes { // every hash, no early exit: constant time
			match |= subtle.ConstantTimeCompare(sum[:], h[:])
		}
		if match == 1 {
			if label, ok := a.TokenLabels[sum]; ok {
				return store.TokenActor + ":" + label, true
			}
			return store.TokenActor, true
		}
	}
	user := strings.TrimSpace(r.Header.Get("X-Forwarded-User"))
	if user == "" {
		user = strings.TrimSpace(r.Header.Get("X-Forwarded-Email"))
	}
	if user == "" || len(a.Proxies) == 0 {
		return "", false
	}
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return "", false
	}
	from := ap.Addr().Unmap()
	for _, p := range a.Proxies {
		if p.Contains(from) {
			return "proxy:" + user, true
		}
	}
	return "", false
}
