package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/render"
)

// A share is a link (128 random bits, of which the store keeps only the
// SHA-256) and a six-digit code (kept as an HMAC keyed with the link token,
// so a copy of the database alone cannot test codes). The link is texted
// and the code said, so that neither alone opens the document. After the
// right code, a cookie scoped to the link lets the page show and download
// the document for 15 minutes.
const shareSession = 15 * time.Minute

func tokenHash(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

func codeHash(token, code string) []byte {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte(code))
	return m.Sum(nil)
}

// validToken reports whether a link's token has the shape newToken makes.
func validToken(token string) bool {
	b, err := base64.RawURLEncoding.DecodeString(token)
	return err == nil && len(b) == 16
}

func newToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func newCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000))
	return fmt.Sprintf("%06d", n.Int64())
}

// now is the server's clock.
func (s *Server) now() time.Time {
	if s.cfg.Now != nil {
		return s.cfg.Now()
	}
	return time.Now()
}

func (s *Server) createShare(c *gin.Context) {
	var req ShareRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		abort(c, inputError(plan.Problems{{Path: "", Code: plan.CodeSyntax, Message: `send {"document": "adult-plan" or "words-and-pictures", "person": "ID"} as JSON`}}))
		return
	}
	if req.Document != store.DocumentAdultPlan && req.Document != store.DocumentWordsAndPictures {
		abort(c, inputError(plan.Problems{{Path: "document", Code: plan.CodeEnum, Message: "document is one of: adult-plan (the person's own copy), words-and-pictures (the child's, for a parent to show the child)"}}))
		return
	}
	if req.Version < 0 || req.Version > store.MaxVersion {
		abort(c, inputError(plan.Problems{{Path: "version", Code: plan.CodeRange, Message: fmt.Sprintf("version is a whole number from 1 to %d, or 0 for the latest", store.MaxVersion)}}))
		return
	}
	ctx, cancel := s.requestDeadline(c)
	defer cancel()
	in, sp, err := s.loadStored(ctx, c.Param("id"), req.Version)
	if err != nil {
		abort(c, err)
		return
	}
	person, ok := in.Plan.Lookup(req.Person)
	if !ok || person.IsChild || person.IsLeadWorker {
		abort(c, inputError(plan.Problems{{Path: "person", Code: plan.CodeReference, Message: fmt.Sprintf("%q is not a person in the plan: share with someone from people[] by their id", short(req.Person))}}))
		return
	}
	now := s.now()
	expires := endOfDay(render.NextReview(in))
	if req.Expires != nil {
		expires = *req.Expires
	}
	if limit := now.Add(store.MaxShareLifetime); expires.After(limit) {
		expires = limit
	}
	if !expires.After(now) {
		if req.Expires != nil {
			abort(c, inputError(plan.Problems{{Path: "expires", Code: plan.CodeRange, Message: "expires must be in the future"}}))
			return
		}
		expires = now.Add(28 * 24 * time.Hour) // the review date has passed: four weeks
	}
	base, err := s.linkBase(c)
	if err != nil {
		abort(c, err)
		return
	}
	token, code := newToken(), newCode()
	sh, err := s.cfg.Store.CreateShare(ctx, store.NewShare{PlanID: sp.PlanID, Version: sp.Version, Document: req.Document, Person: req.Person,
		By: who(c), Expires: expires, TokenHash: tokenHash(token), CodeHash: codeHash(token, code)})
	if err != nil {
		abort(c, storeError(err))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, ShareResponse{ShareID: sh.ID, Link: base + "/s/" + token, Code: code, Expires: sh.ExpiresAt})
}

func endOfDay(d plan.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, plan.London)
}

func (s *Server) revokeShare(c *gin.Context) {
	shares, err := s.cfg.Store.SharesForPlan(c.Request.Context(), c.Param("id"))
	if err != nil {
		abort(c, storeError(err))
		return
	}
	for _, sh := range shares {
		if sh.ID == c.Param("share") {
			if err := s.cfg.Store.RevokeShare(c.Request.Context(), sh.ID, who(c)); err != nil {
				abort(c, storeError(err))
				return
			}
			c.Status(http.StatusNoContent)
			return
		}
	}
	abort(c, storeError(store.ErrNotFound))
}

// --- the page a network member opens ---------------------------------------

var sharePageTemplate = template.Must(template.New("share").Parse(`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<link rel="stylesheet" href="/share.css">
</head>
<body>
<main>
<h1>{{.Title}}</h1>
{{if .Message}}<p class="message{{if .Error}} error{{end}}" role="{{if .Error}}alert{{else}}status{{end}}">{{.Message}}</p>{{end}}
{{if .AskCode}}
<form method="post" action="{{.Action}}">
<label for="code">The six-digit code you were told</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<button type="submit">Open</button>
</form>
<p class="small">The link was sent to you, and the code was told to you separately. Both are needed. After five wrong codes the link stops working: ask your social worker for a new one.</p>
{{end}}
{{if .Document}}
<p><a class="button" href="{{.Document}}?download=1">Download the PDF</a></p>
<iframe src="{{.Document}}" title="{{.Title}}"></iframe>
<p class="small">This link works until {{.Expires}}. Please do not pass it on.</p>
{{end}}
</main>
</body>
</html>
`))

const shareCSS = `body{margin:0;font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#f4f6f8}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;color:#1d4f76}
label{display:block;font-weight:bold;margin:1rem 0 .25rem}
input{font-size:1.6rem;letter-spacing:.3em;width:9ch;padding:.3rem;border:2px solid #1a1a1a}
button,.button{display:inline-block;margin-top:1rem;font-size:1.1rem;padding:.6rem 1.2rem;background:#1d4f76;color:#fff;border:0;text-decoration:none}
:focus{outline:3px solid #fd0;outline-offset:2px}
.message{padding:.6rem;background:#e8eff5}.error{background:#fbe9e9;color:#9b1c1c;font-weight:bold}
.small{font-size:.9rem;color:#555}
iframe{width:100%;height:75vh;border:1px solid #9aa5b1;background:#fff}
`

type sharePageData struct {
	Title, Message, Action, Document, Expires string
	Error, AskCode                            bool
}

func sharePage(c *gin.Context, status int, d sharePageData) {
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Status(status)
	_ = sharePageTemplate.Execute(c.Writer, d)
}

// findShare looks up the share of a link and says whether it still works.
func (s *Server) findShare(c *gin.Context) (*store.Share, bool) {
	token := c.Param("token")
	var sh *store.Share
	err := store.ErrNotFound // no link was made with another shape: nothing to look up
	if validToken(token) {
		sh, err = s.cfg.Store.ShareByTokenHash(c.Request.Context(), tokenHash(token))
	}
	if err != nil {
		status, msg := http.StatusNotFound, "This link does not work. Check it was copied whole, or ask your social worker for a new one."
		if !errors.Is(err, store.ErrNotFound) {
			status, msg = http.StatusServiceUnavailable, "Something went wrong. Please try again in a few minutes."
			if errors.Is(c.Request.Context().Err(), context.Canceled) {
				status = statusClientClosed // nobody is waiting for the page
			}
		}
		sharePage(c, status, sharePageData{Title: "Shared document", Message: msg, Error: true})
		return nil, false
	}
	switch sh.Status(s.now()) {
	case store.ShareActive:
		return sh, true
	case store.ShareExpired:
		sharePage(c, http.StatusGone, sharePageData{Title: "Shared document", Message: "This link has expired. Ask your social worker for a new one.", Error: true})
	case store.ShareLocked:
		sharePage(c, http.StatusGone, sharePageData{Title: "Shared document", Message: "This link has stopped working after five wrong codes. Ask your social worker for a new one.", Error: true})
	default:
		sharePage(c, http.StatusGone, sharePageData{Title: "Shared document", Message: "This link has been withdrawn. Ask your social worker if you need the document.", Error: true})
	}
	return nil, false
}

func (s *Server) sharePage(c *gin.Context) {
	sh, ok := s.findShare(c)
	if !ok {
		return
	}
	if s.validSession(c, sh) {
		s.showShared(c, sh)
		return
	}
	sharePage(c, http.StatusOK, sharePageData{Title: "A document shared with you", AskCode: true, Action: "/s/" + c.Param("token")})
}

func (s *Server) shareCode(c *gin.Context) {
	sh, ok := s.findShare(c)
	if !ok {
		return
	}
	code := strings.TrimSpace(c.PostForm("code"))
	// An attempt is claimed before the code is compared, so that codes
	// sent at once cannot all be compared against the share as loaded.
	// Settling it must not depend on the client staying to hear the answer.
	ctx := c.Request.Context()
	settle := context.WithoutCancel(ctx)
	attempt, err := s.cfg.Store.ClaimCodeAttempt(ctx, sh.ID)
	if errors.Is(err, store.ErrNoAttempt) {
		if _, ok := s.findShare(c); ok { // still active: its last attempts are being compared
			c.Header("Retry-After", "5")
			sharePage(c, http.StatusTooManyRequests, sharePageData{Title: "A document shared with you", Error: true,
				Message: "Codes are being tried on this link just now. Wait a moment, then open the link again."})
		}
		return
	}
	if err != nil {
		abort(c, storeError(err))
		return
	}
	if !sh.CodeMatches(codeHash(c.Param("token"), code)) {
		if err := s.cfg.Store.WrongCode(settle, sh.ID, attempt); err != nil {
			abort(c, storeError(err))
			return
		}
		if attempt >= store.MaxCodeAttempts {
			sharePage(c, http.StatusGone, sharePageData{Title: "Shared document", Message: "That code was wrong too often, so this link has stopped working. Ask your social worker for a new one.", Error: true})
			return
		}
		left := store.MaxCodeAttempts - attempt
		sharePage(c, http.StatusUnprocessableEntity, sharePageData{Title: "A document shared with you", AskCode: true, Action: "/s/" + c.Param("token"), Error: true,
			Message: fmt.Sprintf("That code is not right. You can try %d more time%s.", left, map[bool]string{true: "", false: "s"}[left == 1])})
		return
	}
	if err := s.cfg.Store.ReturnCodeAttempt(settle, sh.ID, attempt); err != nil {
		abort(c, storeError(err))
		return
	}
	if err := s.cfg.Store.Record(settle, store.Event{PlanID: sh.PlanID, ShareID: sh.ID, Version: sh.Version, Action: store.ActionView, By: store.ShareActorPrefix + sh.ID}); err != nil {
		abort(c, storeError(err))
		return
	}
	s.startSession(c, sh)
	s.showShared(c, sh)
}

func (s *Server) showShared(c *gin.Context, sh *store.Share) {
	title := "Your copy of the safety plan"
	if sh.Document == store.DocumentWordsAndPictures {
		title = "The children's Words and Pictures"
	}
	sharePage(c, http.StatusOK, sharePageData{Title: title, Document: "/s/" + c.Param("token") + "/document", Expires: endOfLink(sh.ExpiresAt)})
}

func endOfLink(t time.Time) string {
	return t.In(plan.London).Format("15:04 on Monday 2 January 2006")
}

func (s *Server) shareDocument(c *gin.Context) {
	sh, ok := s.findShare(c)
	if !ok {
		return
	}
	if !s.validSession(c, sh) {
		c.Redirect(http.StatusSeeOther, "/s/"+c.Param("token"))
		return
	}
	opt := s.renderOptions()
	var in *render.Input
	var b []byte
	ctx, cancel := s.requestDeadline(c)
	defer cancel()
	err := s.pool.run(ctx, func() error {
		var err error
		if in, _, err = s.loadStored(ctx, sh.PlanID, sh.Version); err != nil {
			return err
		}
		if sh.Document == store.DocumentWordsAndPictures {
			b, err = render.WordsAndPictures(in, opt, render.WordsOptions{})
		} else {
			b, err = render.AdultPlan(in, opt, render.AdultOptions{For: sh.Person})
		}
		return err
	})
	if err != nil {
		abort(c, err)
		return
	}
	action, disposition := store.ActionView, "inline"
	if c.Query("download") != "" {
		action, disposition = store.ActionDownload, "attachment"
	}
	if err := s.cfg.Store.Record(c.Request.Context(), store.Event{PlanID: sh.PlanID, ShareID: sh.ID, Version: sh.Version, Action: action, By: "share:" + sh.ID}); err != nil {
		abort(c, storeError(err))
		return
	}
	name := fmt.Sprintf("%s_%s.pdf", sh.Document, in.Plan.Date())
	c.Header("Content-Disposition", disposition+`; filename="`+name+`"`)
	// Shown inside the share page, on the same link: framing by this
	// service only.
	c.Header("Content-Security-Policy", strings.Replace(contentSecurityPolicy, "frame-ancestors 'none'", "frame-ancestors 'self'", 1))
	c.Header("X-Frame-Options", "SAMEORIGIN")
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, "application/pdf", b)
}

// The session cookie: share id, expiry and a signature under the store's
// keyring (Store.Sign), so that any replica with the same keys accepts a
// session another replica started: the code given on one, the document
// opened on the next.
const sessionCookie = "sp_share"

const sessionPurpose = "share-session"

func sessionMessage(shareID string, until int64) []byte {
	return []byte(shareID + "|" + strconv.FormatInt(until, 10))
}

func (s *Server) startSession(c *gin.Context, sh *store.Share) {
	until := s.now().Add(shareSession).Unix()
	value := sh.ID + "." + strconv.FormatInt(until, 10) + "." + s.cfg.Store.Sign(sessionPurpose, sessionMessage(sh.ID, until))
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: value, Path: "/s/" + c.Param("token"),
		MaxAge: int(shareSession.Seconds()), HttpOnly: true, Secure: s.secureCookies(c), SameSite: http.SameSiteStrictMode})
}

func (s *Server) validSession(c *gin.Context, sh *store.Share) bool {
	v, err := c.Cookie(sessionCookie)
	if err != nil {
		return false
	}
	parts := strings.SplitN(v, ".", 3)
	if len(parts) != 3 || parts[0] != sh.ID {
		return false
	}
	until, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || s.now().Unix() > until {
		return false
	}
	return s.cfg.Store.Verify(sessionPurpose, sessionMessage(sh.ID, until), parts[2])
}

// secureCookies says whether the session cookie is sent over HTTPS only:
// when this connection is TLS, or when people reach the service at an https
// public URL. A request's own X-Forwarded-Proto, which anyone can send, has
// no say.
func (s *Server) secureCookies(c *gin.Context) bool {
	return c.Request.TLS != nil || strings.HasPrefix(s.cfg.PublicURL, "https://")
}
