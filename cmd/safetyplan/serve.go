package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/render"
	"github.com/familynetwork/safetyplan/templates"
)

// ServeConfig is the configuration of the service, from flags and the
// environment.
type ServeConfig struct {
	Addr         string
	MaxBody      int64
	Today        plan.Date
	DrainTimeout time.Duration
	// DrainDelay is how long /readyz answers 503 before the listener
	// closes, so a load balancer stops sending new requests first.
	DrainDelay time.Duration
	// Render is the council, marking and wording of documents.
	Render render.Options
	// Workers, Queue and RenderTimeout bound the rendering (see httpapi.Config).
	Workers, Queue int
	RenderTimeout  time.Duration
	// MetricsAddr, when set, serves /metrics there instead of on Addr.
	MetricsAddr string
	// Auth is who may use the service.
	Auth httpapi.Auth
	// CodeLimit is how many share codes one address may try in
	// httpapi.CodeWindow (see httpapi.Config).
	CodeLimit int
	// CORSOrigins may call the API from their pages.
	CORSOrigins []string
	// PublicURL is the address people reach the service at, for the
	// links it makes (see httpapi.Config).
	PublicURL string
	// Store keeps plans; nil stores nothing. Retention, when not zero,
	// deletes plans not saved for that long (checked hourly).
	Store     store.Store
	Retention time.Duration
}

// Program is the running service. Tests start it on port 127.0.0.1:0.
type Program struct {
	stopRetention chan struct{}
	cfg           ServeConfig
	log           *slog.Logger
	api           *httpapi.Server
	srv           *http.Server
	metrics       *http.Server
	listener      net.Listener
	done          chan error
}

// NewProgram prepares the service; Run starts it.
func NewProgram(cfg ServeConfig, logOut io.Writer) *Program {
	log := slog.New(slog.NewJSONHandler(logOut, nil))
	apiCfg := httpapi.Config{MaxBody: cfg.MaxBody, Log: log, Render: cfg.Render, Workers: cfg.Workers, Queue: cfg.Queue,
		RenderTimeout: cfg.RenderTimeout, Auth: cfg.Auth, MetricsElsewhere: cfg.MetricsAddr != "", CORSOrigins: cfg.CORSOrigins, Store: cfg.Store, PublicURL: cfg.PublicURL, CodeLimit: cfg.CodeLimit}
	if !cfg.Today.IsZero() {
		today := cfg.Today
		apiCfg.Today = func() plan.Date { return today }
	}
	api := httpapi.New(apiCfg)
	p := &Program{cfg: cfg, log: log, api: api, done: make(chan error, 1), srv: server(api.Handler(), log)}
	if cfg.MetricsAddr != "" {
		p.metrics = server(api.MetricsHandler(), log)
	}
	return p
}

// server is an http.Server with timeouts against slow clients: headers
// within 10 s, the whole body within a minute, idle connections closed
// after two.
func server(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Run listens on the configured address and serves in the background.
func (p *Program) Run() error {
	ln, err := net.Listen("tcp", p.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", p.cfg.Addr, err)
	}
	p.listener = ln
	if p.metrics != nil {
		mln, err := net.Listen("tcp", p.cfg.MetricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("listen on %s for metrics: %w", p.cfg.MetricsAddr, err)
		}
		go func() { _ = p.metrics.Serve(mln) }()
	}
	go func() { p.done <- p.srv.Serve(ln) }()
	if p.cfg.Store != nil && p.cfg.Retention > 0 {
		p.stopRetention = make(chan struct{})
		go p.retain()
	}
	p.api.SetReady(true)
	p.log.Info("listening", "addr", ln.Addr().String())
	return nil
}

// Addr is the address the service listens on, once Run has returned.
func (p *Program) Addr() string { return p.listener.Addr().String() }

// Close drains: /readyz turns 503, then after DrainDelay new connections
// are refused, requests in flight finish (within DrainTimeout), and the
// server stops.
func (p *Program) Close() error {
	p.api.SetDraining(true)
	time.Sleep(p.cfg.DrainDelay)
	ctx, cancel := context.WithTimeout(context.Background(), p.cfg.DrainTimeout)
	defer cancel()
	err := p.srv.Shutdown(ctx)
	if p.metrics != nil {
		_ = p.metrics.Close()
	}
	if p.stopRetention != nil {
		close(p.stopRetention)
	}
	if p.cfg.Store != nil {
		_ = p.cfg.Store.Close()
	}
	if serveErr := <-p.done; serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return err
}

// retain deletes plans not saved within the retention period, at start
// and then every hour.
func (p *Program) retain() {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		n, err := p.cfg.Store.DeleteUntouchedSince(context.Background(), time.Now().Add(-p.cfg.Retention))
		switch {
		case err != nil:
			p.log.Error("retention", "error", err.Error())
		case n > 0:
			p.log.Info("retention: deleted plans not saved within the retention period", "plans", n)
		}
		select {
		case <-p.stopRetention:
			return
		case <-tick.C:
		}
	}
}

func serveCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	var env envValues
	addr := fs.String("addr", envOr("SAFETYPLAN_ADDR", ":8080"), "listen address (env SAFETYPLAN_ADDR)")
	maxBody := fs.Int64("max-body", env.int("SAFETYPLAN_MAX_BODY", 25_000_000), "largest request body in bytes (env SAFETYPLAN_MAX_BODY)")
	today := fs.String("today", "", "check deadlines as on this day, for demonstrations (env SAFETYPLAN_TODAY)")
	drain := fs.Duration("drain-timeout", 30*time.Second, "how long shutdown waits for requests in flight")
	drainDelay := fs.Duration("drain-delay", env.duration("SAFETYPLAN_DRAIN_DELAY", time.Second), "how long /readyz says 503 before new connections are refused (env SAFETYPLAN_DRAIN_DELAY)")
	tmpl := fs.String("templates", os.Getenv("SAFETYPLAN_TEMPLATES"), "folder of wording overrides (env SAFETYPLAN_TEMPLATES)")
	fontDir := fs.String("fonts", os.Getenv("SAFETYPLAN_FONTS"), "folder of extra TrueType fonts for scripts not shipped, such as Chinese or Tamil (env SAFETYPLAN_FONTS)")
	council := fs.String("council", os.Getenv("SAFETYPLAN_COUNCIL"), "council name shown as the documents' author (env SAFETYPLAN_COUNCIL)")
	marking := fs.String("marking", os.Getenv("SAFETYPLAN_MARKING"), "protective marking (env SAFETYPLAN_MARKING; default OFFICIAL-SENSITIVE)")
	duty := fs.String("emergency-duty-phone", os.Getenv("SAFETYPLAN_EMERGENCY_DUTY_PHONE"), "the council's out-of-hours (Emergency Duty Team) number, printed in every family and network copy (env SAFETYPLAN_EMERGENCY_DUTY_PHONE)")
	workers := fs.Int("workers", int(env.int("SAFETYPLAN_WORKERS", 0)), "plans checked and rendered at once (env SAFETYPLAN_WORKERS; default: the number of CPUs)")
	queue := fs.Int("queue", int(env.int("SAFETYPLAN_QUEUE", 0)), "requests that may wait for a worker before 429 (env SAFETYPLAN_QUEUE; default 16 per worker)")
	renderTimeout := fs.Duration("render-timeout", env.duration("SAFETYPLAN_RENDER_TIMEOUT", 20*time.Second), "deadline for one request's wait and work, then 503 (env SAFETYPLAN_RENDER_TIMEOUT)")
	metricsAddr := fs.String("metrics-addr", os.Getenv("SAFETYPLAN_METRICS_ADDR"), "serve /metrics on this address instead of the main one (env SAFETYPLAN_METRICS_ADDR)")
	tokensFile := fs.String("tokens-file", os.Getenv("SAFETYPLAN_TOKENS_FILE"), "file of accepted API token hashes, one per line (env SAFETYPLAN_TOKENS_FILE; or the hashes in SAFETYPLAN_TOKENS)")
	storeURL := fs.String("store", os.Getenv("SAFETYPLAN_STORE"), "keep plans in sqlite:PATH or postgres://… (env SAFETYPLAN_STORE; default: nothing is stored)")
	keysFile := fs.String("store-keys-file", os.Getenv("SAFETYPLAN_STORE_KEYS_FILE"), "file of the store's encryption keys, ID:BASE64KEY per line, current first (env SAFETYPLAN_STORE_KEYS_FILE, or the keys in SAFETYPLAN_STORE_KEYS)")
	retention := fs.Duration("retention", env.duration("SAFETYPLAN_RETENTION", 365*24*time.Hour), "delete stored plans not saved for this long (env SAFETYPLAN_RETENTION; 0 keeps them)")
	corsOrigins := fs.String("cors-origins", os.Getenv("SAFETYPLAN_CORS_ORIGINS"), "other origins whose pages may call the API, comma-separated (env SAFETYPLAN_CORS_ORIGINS; default none)")
	codeLimit := fs.Int("code-limit", int(env.int("SAFETYPLAN_CODE_LIMIT", httpapi.DefaultCodeLimit)), "share codes one address may try in 15 minutes, over every link and replica (env SAFETYPLAN_CODE_LIMIT)")
	publicURL := fs.String("public-url", os.Getenv("SAFETYPLAN_PUBLIC_URL"), "the address people reach the service at, for the links it makes, e.g. https://plans.example.gov.uk (env SAFETYPLAN_PUBLIC_URL; default: links only on a loopback address)")
	proxies := fs.String("trusted-proxies", os.Getenv("SAFETYPLAN_TRUSTED_PROXIES"), "addresses of the authenticating proxy whose X-Forwarded-User is trusted (env SAFETYPLAN_TRUSTED_PROXIES)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return exitInput
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "safetyplan serve:", err)
		return exitInput
	}
	if err := env.err(fs); err != nil {
		return fail(err)
	}
	opt, err := renderOptions(*today)
	if err != nil {
		return fail(err)
	}
	tuneGC()
	if *fontDir != "" {
		if err := fonts.AddDirectory(*fontDir); err != nil {
			return fail(err)
		}
	}
	opt.Council, opt.Marking = *council, *marking
	if opt.EmergencyDutyPhone, err = dutyPhone(*duty); err != nil {
		return fail(err)
	}
	if opt.Wording, err = templates.Load(*tmpl); err != nil {
		return fail(err)
	}
	hashes := os.Getenv("SAFETYPLAN_TOKENS")
	if *tokensFile != "" {
		b, err := os.ReadFile(*tokensFile)
		if err != nil {
			return fail(err)
		}
		hashes += "\n" + string(b)
	}
	var auth httpapi.Auth
	if auth.TokenHashes, auth.TokenLabels, err = httpapi.ParseTokens(hashes); err != nil {
		return fail(fmt.Errorf("tokens: %w", err))
	}
	if auth.Proxies, err = httpapi.ParseProxies(*proxies); err != nil {
		return fail(fmt.Errorf("--trusted-proxies: %w", err))
	}
	origins, err := httpapi.ParseOrigins(*corsOrigins)
	if err != nil {
		return fail(fmt.Errorf("--cors-origins: %w", err))
	}
	public := ""
	if *publicURL != "" {
		if public, err = httpapi.ParsePublicURL(*publicURL); err != nil {
			return fail(fmt.Errorf("--public-url: %w", err))
		}
	}
	var st store.Store
	if *storeURL != "" {
		if st, err = openStore(ctx, *storeURL, *keysFile); err != nil {
			return fail(err)
		}
	}
	p := NewProgram(ServeConfig{PublicURL: public, CORSOrigins: origins, Store: st, Retention: *retention, Addr: *addr, MaxBody: *maxBody, Today: opt.Today, DrainTimeout: *drain, DrainDelay: *drainDelay, Render: opt,
		Workers: *workers, Queue: *queue, RenderTimeout: *renderTimeout, MetricsAddr: *metricsAddr, Auth: auth, CodeLimit: *codeLimit}, stdout)
	if err := p.Run(); err != nil {
		return fail(err)
	}
	if st != nil && public == "" {
		p.log.Warn("no public URL: share links are made only for requests to a loopback address; set SAFETYPLAN_PUBLIC_URL (e.g. https://plans.example.gov.uk) for a deployment")
	}
	if auth.On() {
		p.log.Info("authentication on", "tokens", len(auth.TokenHashes), "proxies", len(auth.Proxies))
	} else {
		p.log.Warn("authentication off: anyone who can reach this address can use it; set SAFETYPLAN_TOKENS_FILE or SAFETYPLAN_TRUSTED_PROXIES for a deployment")
	}
	select {
	case <-ctx.Done():
		p.log.Info("shutting down: finishing requests in flight")
	case err := <-p.done:
		p.done <- err
		p.log.Error("server stopped", "error", err.Error())
	}
	if err := p.Close(); err != nil {
		p.log.Error("shutdown", "error", err.Error())
		return 1
	}
	p.log.Info("stopped")
	return exitOK
}

// openStore opens the store with the keys from the file or environment.
func openStore(ctx context.Context, url, keysFile string) (store.Store, error) {
	text := os.Getenv(store.KeysEnv)
	if keysFile != "" {
		b, err := os.ReadFile(keysFile)
		if err != nil {
			return nil, err
		}
		text = string(b)
	}
	keys, err := store.ParseKeyring(text)
	if err != nil {
		return nil, err
	}
	// Connecting and migrating (which may wait for another replica's
	// migration) has a deadline too: a database that does not answer
	// stops the start with an error instead of hanging it.
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return store.Open(ctx, url, keys)
}

// storeCmd manages the store: a new key, or re-encryption under the
// current key after a rotation.
func storeCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "new-key" && args[0] != "reencrypt") {
		fmt.Fprintln(stderr, "safetyplan store: use 'store new-key' or 'store reencrypt --store URL'")
		return exitInput
	}
	if args[0] == "new-key" {
		k, err := store.NewKey()
		if err != nil {
			fmt.Fprintln(stderr, "safetyplan store:", err)
			return 1
		}
		fmt.Fprintln(stdout, k)
		return exitOK
	}
	fs := newFlags("store reencrypt", stderr)
	url := fs.String("store", os.Getenv("SAFETYPLAN_STORE"), "the store (env SAFETYPLAN_STORE)")
	keysFile := fs.String("store-keys-file", os.Getenv("SAFETYPLAN_STORE_KEYS_FILE"), "the keys, current first (env SAFETYPLAN_STORE_KEYS_FILE or SAFETYPLAN_STORE_KEYS)")
	if _, err := parseInterspersed(fs, args[1:]); err != nil {
		return exitInput
	}
	if *url == "" {
		fmt.Fprintln(stderr, "safetyplan store reencrypt: say which store with --store sqlite:PATH or postgres://…")
		return exitInput
	}
	st, err := openStore(ctx, *url, *keysFile)
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan store reencrypt:", err)
		return 1
	}
	defer st.Close()
	n, err := st.Reencrypt(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan store reencrypt:", err)
		return 1
	}
	fmt.Fprintf(stdout, "re-encrypted %d values under the current key\n", n)
	return exitOK
}

// tokenCmd makes a new API token and prints it with the hash to configure.
func tokenCmd(stdout io.Writer) int {
	token, hash := httpapi.NewToken()
	fmt.Fprintf(stdout, "token (give it to the client, once): %s\nhash (put it in the tokens file):   %s\n", token, hash)
	return exitOK
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
