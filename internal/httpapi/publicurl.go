package httpapi

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
)

// ParsePublicURL reads the address people reach the service at, for the
// links it makes: a scheme (https, or http) and a host with an optional
// port, such as https://plans.example.gov.uk. It returns it without a
// trailing slash.
func ParsePublicURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(s), "/"))
	switch {
	case err != nil, u.Scheme != "https" && u.Scheme != "http", u.Host == "", u.Hostname() == "":
		return "", fmt.Errorf("%q is not an address such as https://plans.example.gov.uk", short(s))
	case u.User != nil, u.Path != "", u.RawQuery != "", u.Fragment != "", u.ForceQuery:
		return "", fmt.Errorf("%q must be only a scheme and a host (https://plans.example.gov.uk): no path, user, query or fragment", short(s))
	}
	return u.Scheme + "://" + u.Host, nil
}

var errNoPublicURL = errStatus(http.StatusInternalServerError, "no-public-url", "The service does not know its own address",
	"links are made only with the address people reach the service at, which is not set: the administrator sets --public-url (or SAFETYPLAN_PUBLIC_URL), e.g. https://plans.example.gov.uk")

// linkBase is the scheme and host of the links the service makes: the
// configured public URL, never anything from the request (a Host or
// X-Forwarded-Proto header is the client's to choose). Without one, links
// are made only for a request to a loopback address (a worker's own
// machine), where nobody else receives them.
func (s *Server) linkBase(c *gin.Context) (string, error) {
	if s.cfg.PublicURL != "" {
		return s.cfg.PublicURL, nil
	}
	host := c.Request.Host
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	ip := net.ParseIP(name)
	if name != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return "", errNoPublicURL
	}
	scheme := "http"
	if c.Request.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + host, nil
}

// strictTransport makes browsers use HTTPS only, for a year, when the
// service's public address is https.
func strictTransport(publicURL string) gin.HandlerFunc {
	on := strings.HasPrefix(publicURL, "https://")
	return func(c *gin.Context) {
		if on {
			c.Header("Strict-Transport-Security", "max-age=31536000")
		}
		c.Next()
	}
}
