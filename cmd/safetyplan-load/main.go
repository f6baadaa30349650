// Command safetyplan-load drives a running safetyplan service on loopback
// with one plan at a chosen concurrency, for a fixed number of requests or
// a fixed time, and prints throughput, latency percentiles, answers by
// status, and the server's memory, goroutines and open files (read from
// its /metrics) at the start, at the end and at their peak.
//
//	go run ./cmd/safetyplan serve &
//	go run ./cmd/safetyplan-load -plan ../shared/examples/hughes-review.json -c 32 -d 60s
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// serverStats are the figures read from the server's /metrics.
type serverStats struct {
	rss, goroutines, fds float64
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("safetyplan-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("url", "http://127.0.0.1:8080", "the service's address")
	path := fs.String("path", "/v1/documents/adult-plan", "the endpoint to call, with its query")
	planFile := fs.String("plan", "", "the plan to send (JSON); its upload:NAME files are read from uploads/ beside it")
	conc := fs.Int("c", 32, "concurrent connections")
	n := fs.Int("n", 0, "stop after this many requests (0: run for -d)")
	dur := fs.Duration("d", 60*time.Second, "run for this long (when -n is 0)")
	metricsURL := fs.String("metrics", "", "the server's /metrics (default: URL/metrics)")
	token := fs.String("token", "", "an API token, when the service has authentication on")
	honour := fs.Bool("retry-after", true, "after a 429, wait as its Retry-After says before sending again, as a well-behaved client does")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *planFile == "" {
		fmt.Fprintln(stderr, "safetyplan-load: give the plan to send with -plan FILE")
		return 2
	}
	ctype, body, err := requestBody(*planFile)
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan-load:", err)
		return 2
	}
	if *metricsURL == "" {
		*metricsURL = strings.TrimRight(*base, "/") + "/metrics"
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *conc, MaxConnsPerHost: *conc}, Timeout: 2 * time.Minute}
	scrape := func() (serverStats, bool) { return scrapeStats(client, *metricsURL, *token) }
	startStats, haveStats := scrape()

	// Sample the server's memory while the load runs, for its peak.
	var peak serverStats
	stopSampling := make(chan struct{})
	var sampling sync.WaitGroup
	if haveStats {
		peak = startStats
		sampling.Go(func() {
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stopSampling:
					return
				case <-tick.C:
					if s, ok := scrape(); ok {
						peak.rss = max(peak.rss, s.rss)
						peak.goroutines = max(peak.goroutines, s.goroutines)
						peak.fds = max(peak.fds, s.fds)
					}
				}
			}
		})
	}

	ctx := context.Background()
	var cancel context.CancelFunc = func() {}
	if *n == 0 {
		ctx, cancel = context.WithTimeout(ctx, *dur)
	}
	defer cancel()
	var sent atomic.Int64
	var mu sync.Mutex
	latencies := map[int][]time.Duration{} // by status; 0 is a transport error
	retryAfter := 0
	target := strings.TrimRight(*base, "/") + *path
	start := time.Now()
	var workers sync.WaitGroup
	for range *conc {
		workers.Go(func() {
			for ctx.Err() == nil {
				if *n > 0 && sent.Add(1) > int64(*n) {
					return
				}
				req, _ := http.NewRequestWithContext(ctx, "POST", target, bytes.NewReader(body))
				req.Header.Set("Content-Type", ctype)
				if *token != "" {
					req.Header.Set("Authorization", "Bearer "+*token)
				}
				t0 := time.Now()
				res, err := client.Do(req)
				status := 0
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					status = res.StatusCode
				} else if ctx.Err() != nil {
					return // the run ended mid-request: not an error
				}
				took := time.Since(t0)
				wait := time.Duration(0)
				mu.Lock()
				latencies[status] = append(latencies[status], took)
				if status == http.StatusTooManyRequests && res.Header.Get("Retry-After") != "" {
					retryAfter++
					if secs, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && *honour {
						wait = time.Duration(secs) * time.Second
					}
				}
				mu.Unlock()
				if wait > 0 {
					select {
					case <-time.After(wait):
					case <-ctx.Done():
						return
					}
				}
			}
		})
	}
	workers.Wait()
	elapsed := time.Since(start)
	close(stopSampling)
	sampling.Wait()
	endStats, _ := scrape()

	var all []time.Duration
	statuses := make([]int, 0, len(latencies))
	for s, l := range latencies {
		all = append(all, l...)
		statuses = append(statuses, s)
	}
	sort.Ints(statuses)
	ok := latencies[http.StatusOK]
	fmt.Fprintf(stdout, "target      POST %s with %s, %d connections\n", target, filepath.Base(*planFile), *conc)
	fmt.Fprintf(stdout, "requests    %d in %.1f s: %.1f per second, %.1f documents per second\n",
		len(all), elapsed.Seconds(), float64(len(all))/elapsed.Seconds(), float64(len(ok))/elapsed.Seconds())
	fmt.Fprintf(stdout, "latency     all: p50 %s  p90 %s  p99 %s  max %s\n", pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 100))
	fmt.Fprintf(stdout, "latency     200: p50 %s  p90 %s  p99 %s  max %s\n", pct(ok, 50), pct(ok, 90), pct(ok, 99), pct(ok, 100))
	for _, s := range statuses {
		label := strconv.Itoa(s)
		if s == 0 {
			label = "no answer"
		}
		fmt.Fprintf(stdout, "status      %-9s %d", label, len(latencies[s]))
		if s == http.StatusTooManyRequests {
			fmt.Fprintf(stdout, " (%d with Retry-After; p99 %s)", retryAfter, pct(latencies[s], 99))
		}
		fmt.Fprintln(stdout)
	}
	if haveStats {
		fmt.Fprintf(stdout, "server      resident memory: start %s, end %s, peak %s\n", mb(startStats.rss), mb(endStats.rss), mb(peak.rss))
		fmt.Fprintf(stdout, "server      goroutines: start %.0f, end %.0f, peak %.0f; open files: start %.0f, end %.0f, peak %.0f\n",
			startStats.goroutines, endStats.goroutines, peak.goroutines, startStats.fds, endStats.fds, peak.fds)
	} else {
		fmt.Fprintf(stdout, "server      no figures: %s did not answer\n", *metricsURL)
	}
	return 0
}

// requestBody is the plan as JSON, or as multipart with its uploads.
func requestBody(planFile string) (string, []byte, error) {
	plan, err := os.ReadFile(planFile)
	if err != nil {
		return "", nil, err
	}
	names := regexp.MustCompile(`"upload:([^"]+)"`).FindAllSubmatch(plan, -1)
	if len(names) == 0 {
		return "application/json", plan, nil
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	pw, _ := mw.CreateFormFile("plan", "plan.json")
	pw.Write(plan)
	var seen []string
	for _, m := range names {
		name := string(m[1])
		if slices.Contains(seen, name) {
			continue
		}
		seen = append(seen, name)
		b, err := os.ReadFile(filepath.Join(filepath.Dir(planFile), "uploads", name))
		if err != nil {
			return "", nil, fmt.Errorf("the plan uses upload:%s: %w", name, err)
		}
		fw, _ := mw.CreateFormFile("upload", name)
		fw.Write(b)
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes(), nil
}

var sampleLine = regexp.MustCompile(`(?m)^(process_resident_memory_bytes|go_goroutines|process_open_fds) (\S+)$`)

func scrapeStats(client *http.Client, url, token string) (serverStats, bool) {
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := client.Do(req)
	if err != nil {
		return serverStats{}, false
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var s serverStats
	found := false
	for _, m := range sampleLine.FindAllSubmatch(b, -1) {
		v, _ := strconv.ParseFloat(string(m[2]), 64)
		switch string(m[1]) {
		case "process_resident_memory_bytes":
			s.rss, found = v, true
		case "go_goroutines":
			s.goroutines = v
		case "process_open_fds":
			s.fds = v
		}
	}
	return s, found
}

// pct is the p-th percentile of ds, rounded for reading.
func pct(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "-"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := min(len(s)-1, (len(s)*p+99)/100-1)
	return s[max(i, 0)].Round(100 * time.Microsecond).String()
}

func mb(b float64) string { return fmt.Sprintf("%.0f MB", b/(1<<20)) }
