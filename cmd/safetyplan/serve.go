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
	"strconv"
	"time"

	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// ServeConfig is the configuration of the service, from flags and the
// environment.
type ServeConfig struct {
	Addr         string
	MaxBody      int64
	Today        plan.Date
	DrainTimeout time.Duration
}

// Program is the running service. Tests start it on port 127.0.0.1:0.
type Program struct {
	cfg      ServeConfig
	log      *slog.Logger
	api      *httpapi.Server
	srv      *http.Server
	listener net.Listener
	done     chan error
}

// NewProgram prepares the service; Run starts it.
func NewProgram(cfg ServeConfig, logOut io.Writer) *Program {
	log := slog.New(slog.NewJSONHandler(logOut, nil))
	apiCfg := httpapi.Config{MaxBody: cfg.MaxBody, Log: log}
	if !cfg.Today.IsZero() {
		today := cfg.Today
		apiCfg.Today = func() plan.Date { return today }
	}
	api := httpapi.New(apiCfg)
	return &Program{cfg: cfg, log: log, api: api, done: make(chan error, 1),
		srv: &http.Server{
			Handler:           api.Handler(),
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       2 * time.Minute,
			WriteTimeout:      2 * time.Minute,
			IdleTimeout:       2 * time.Minute,
			ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		}}
}

// Run listens on the configured address and serves in the background.
func (p *Program) Run() error {
	ln, err := net.Listen("tcp", p.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", p.cfg.Addr, err)
	}
	p.listener = ln
	go func() { p.done <- p.srv.Serve(ln) }()
	p.api.SetReady(true)
	p.log.Info("listening", "addr", ln.Addr().String())
	return nil
}

// Addr is the address the service listens on, once Run has returned.
func (p *Program) Addr() string { return p.listener.Addr().String() }

// Close drains: /readyz turns 503, new connections are refused, requests
// in flight finish (within DrainTimeout), then the server stops.
func (p *Program) Close() error {
	p.api.SetDraining(true)
	ctx, cancel := context.WithTimeout(context.Background(), p.cfg.DrainTimeout)
	defer cancel()
	err := p.srv.Shutdown(ctx)
	if serveErr := <-p.done; serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return err
}

func serveCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", envOr("SAFETYPLAN_ADDR", ":8080"), "listen address (env SAFETYPLAN_ADDR)")
	maxBody := fs.Int64("max-body", envInt("SAFETYPLAN_MAX_BODY", 25_000_000), "largest request body in bytes (env SAFETYPLAN_MAX_BODY)")
	today := fs.String("today", "", "check deadlines as on this day, for demonstrations (env SAFETYPLAN_TODAY)")
	drain := fs.Duration("drain-timeout", 30*time.Second, "how long shutdown waits for requests in flight")
	if _, err := parseInterspersed(fs, args); err != nil {
		return exitInput
	}
	opt, err := renderOptions(*today)
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan serve:", err)
		return exitInput
	}
	p := NewProgram(ServeConfig{Addr: *addr, MaxBody: *maxBody, Today: opt.Today, DrainTimeout: *drain}, stdout)
	if err := p.Run(); err != nil {
		fmt.Fprintln(stderr, "safetyplan serve:", err)
		return exitInput
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

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(key string, def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv(key), 10, 64); err == nil && v > 0 {
		return v
	}
	return def
}
