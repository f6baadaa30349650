package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/web"
	"github.com/familynetwork/safetyplan/render"
)

// Config is the service's configuration. The zero value is usable: every
// limit has a default.
type Config struct {
	// MaxBody is the largest request body accepted, in bytes (default 25 MB).
	MaxBody int64
	// BodyBudget is how many bytes of request bodies the server holds at
	// once, across every request; past it a request is answered 429 at
	// once (default: four times MaxBody).
	BodyBudget int64
	// Today returns the day compliance is checked on; nil means today in London.
	Today func() plan.Date
	// Log receives one JSON line per request; nil discards.
	Log *slog.Logger
	// Render holds the council name, marking and wording of documents.
	Render render.Options
	// Workers is how many plans are checked and rendered at once (default:
	// the number of CPUs).
	Workers int
	// Queue is how many more may wait for a worker; beyond it a request is
	// answered 429 at once (default: 16 per worker).
	Queue int
	// RenderTimeout bounds the wait and the work of one request; past it
	// the answer is 503 (default 20 s).
	RenderTimeout time.Duration
	// Auth says who may use the service; the zero value lets everyone in.
	Auth Auth
	// Store keeps plans, their versions, shares and audit log; nil means
	// nothing is stored and the /v1/plans/{id}, share and report routes
	// do not exist.
	Store store.Store
	// Now is the clock for shares; nil means time.Now.
	Now func() time.Time
	// CORSOrigins are the other origins whose pages may call the API
	// (see ParseOrigins); none by default.
	CORSOrigins []string
	// CodeLimit is how many share codes one client address may send in
	// CodeWindow, over every link and replica (default DefaultCodeLimit).
	CodeLimit int
	// MetricsElsewhere leaves /metrics off the main handler, for serving
	// MetricsHandler on a separate, private listen address.
	MetricsElsewhere bool
	// PublicURL is the scheme and host people reach the service at
	// (https://plans.example.gov.uk; see ParsePublicURL): every link the
	// service makes starts with it, and when it is https every response
	// carries Strict-Transport-Security. Empty means links are made only
	// for requests to a loopback address.
	PublicURL string
}

// Server is the HTTP service. Use Handler to serve it, SetReady and
// SetDraining to drive /readyz.
type Server struct {
	cfg      Config
	pool     *pool
	bodies   *bodyBudget
	metrics  *metrics
	engine   *gin.Engine
	ready    atomic.Bool
	draining atomic.Bool
	// beforeRender, when set (by tests), is called with each plan the
	// render pool has loaded, before its document is made.
	beforeRender func(*render.Input)
}

// New returns a server for cfg. It is not ready until SetReady(true).
func New(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 25_000_000
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	if cfg.BodyBudget < cfg.MaxBody {
		cfg.BodyBudget = 4 * cfg.MaxBody
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 16 * cfg.Workers
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, engine: gin.New(), pool: newPool(cfg.Workers, cfg.Queue, cfg.RenderTimeout), bodies: &bodyBudget{max: cfg.BodyBudget}}
	s.metrics = newMetrics(s.pool)
	s.engine.HandleMethodNotAllowed = true
	_ = s.engine.SetTrustedProxies(nil) // client addresses come from the connection, never a header
	s.engine.Use(requestID(), accessLog(cfg.Log), s.metrics.middleware(), recoverPanic(cfg.Log), securityHeaders(), strictTransport(cfg.PublicURL),
		cors(cfg.CORSOrigins), rejectCrossSite(cfg.CORSOrigins), cfg.Auth.authenticate(), s.limitBodies())
	s.routes()
	return s
}

// MetricsHandler serves the Prometheus metrics on its own, for a separate
// listen address.
func (s *Server) MetricsHandler() http.Handler {
	e := gin.New()
	e.GET("/metrics", s.metrics.handler)
	return e
}

// Handler returns the http.Handler that serves every route.
func (s *Server) Handler() http.Handler { return s.engine }

// SetReady marks the server ready (or not) for /readyz.
func (s *Server) SetReady(v bool) { s.ready.Store(v) }

// SetDraining makes /readyz answer 503 while the server shuts down.
func (s *Server) SetDraining(v bool) { s.draining.Store(v) }

func (s *Server) routes() {
	r := s.engine
	r.NoRoute(func(c *gin.Context) {
		abort(c, errStatus(http.StatusNotFound, "not-found", "Not found", "there is nothing at this address: see the README for the endpoints"))
	})
	r.NoMethod(func(c *gin.Context) {
		abort(c, errStatus(http.StatusMethodNotAllowed, "method-not-allowed", "Method not allowed", "this address does not accept %s", c.Request.Method))
	})
	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "alive"}) })
	r.GET("/readyz", s.readyz)
	if !s.cfg.MetricsElsewhere {
		r.GET("/metrics", s.metrics.handler)
	}
	r.GET("/v1/service", s.serviceInfo)
	r.GET("/v1/schema", func(c *gin.Context) { c.Data(http.StatusOK, "application/schema+json", plan.Schema()) })
	r.POST("/v1/plans/validate", s.validate)
	r.POST("/v1/plans/deadlines", s.draftDeadlines)
	r.POST("/v1/plans/extract", s.extract)
	r.POST("/v1/documents/adult-plan", s.adultPlan)
	r.POST("/v1/documents/meeting-outcome", s.outcomeForm)
	r.POST("/v1/documents/words-and-pictures", s.wordsAndPictures)
	r.POST("/v1/documents", s.documents)
	lib, err := illustration.Load()
	if err != nil {
		panic(err) // the embedded library is tested; it cannot fail to load
	}
	ill := gin.WrapH(illustration.NewHandler(lib, 0))
	r.GET("/v1/illustrations", ill)
	r.GET("/v1/illustrations/:file", ill)
	r.GET("/share.css", func(c *gin.Context) { c.Data(http.StatusOK, "text/css; charset=utf-8", []byte(shareCSS)) })
	if s.cfg.Store != nil {
		s.planRoutes(r)
	}
	web.Register(r)
}

func (s *Server) readyz(c *gin.Context) {
	switch {
	case s.draining.Load():
		abort(c, errStatus(http.StatusServiceUnavailable, "draining", "Shutting down", "this instance is shutting down; try another"))
	case !s.ready.Load():
		abort(c, errStatus(http.StatusServiceUnavailable, "starting", "Starting", "this instance is still starting"))
	default:
		c.JSON(http.StatusOK, gin.H{"status": "ready"})
	}
}

// requestDeadline is the request's context bounded by the render timeout:
// the deadline of saves, shares and the database calls of a request.
func (s *Server) requestDeadline(c *gin.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.Request.Context(), s.pool.timeout)
}

func (s *Server) renderOptions() render.Options {
	o := s.cfg.Render
	if s.cfg.Today != nil {
		o.Today = s.cfg.Today()
	}
	return o
}

// build reads the plan in a request, then checks it and makes a document
// from it with make, on the render pool within the render deadline. kind
// names the document for metrics ("" for none). Reading the body does not
// hold a worker: a slow client costs no CPU.
func (s *Server) build(c *gin.Context, kind string, make func(in *render.Input) ([]byte, error)) (*render.Input, []byte, error) {
	b, err := readBody(c, s.cfg.MaxBody)
	if err != nil {
		return nil, nil, err
	}
	opt := s.renderOptions()
	var in *render.Input
	var doc []byte
	start := time.Now()
	err = s.pool.run(c.Request.Context(), func() error {
		loaded, err := render.Load(b.plan, b.uploads, opt)
		if err != nil {
			return err
		}
		if s.beforeRender != nil {
			s.beforeRender(loaded)
		}
		if make != nil {
			if doc, err = make(loaded); err != nil {
				return err
			}
		}
		in = loaded
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if kind != "" {
		s.metrics.document(kind, time.Since(start), doc)
	}
	return in, doc, nil
}

// ValidateResponse is the answer to POST /v1/plans/validate for a plan that
// decodes and validates. Errors are the compliance findings of severity
// error; Findings are all of them.
type ValidateResponse struct {
	Valid     bool                  `json:"valid"`
	Errors    []compliance.Finding  `json:"errors"`
	Findings  []compliance.Finding  `json:"findings"`
	Deadlines []compliance.Deadline `json:"deadlines"`
	PlanDate  plan.Date             `json:"plan_date"`
	Version   int                   `json:"version"`
	Today     plan.Date             `json:"today"`
	// EmergencyDutyPhone is the out-of-hours number the family and network
	// copies print (--emergency-duty-phone), so the page can show it; ""
	// when none is set.
	EmergencyDutyPhone string `json:"emergency_duty_phone"`
}

func (s *Server) validate(c *gin.Context) {
	in, _, err := s.build(c, "", nil)
	if err != nil {
		abort(c, err)
		return
	}
	errs := []compliance.Finding{}
	for _, f := range in.Report.Findings {
		if f.Severity == compliance.SeverityError {
			errs = append(errs, f)
		}
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, ValidateResponse{Valid: true, Errors: errs, Findings: in.Findings(), Deadlines: in.Report.Deadlines,
		PlanDate: in.Plan.Date(), Version: in.Plan.Version(), Today: in.Report.Today, EmergencyDutyPhone: s.renderOptions().EmergencyDutyPhone})
}
