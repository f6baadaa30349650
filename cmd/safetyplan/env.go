package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// envValues reads flag defaults from the environment and remembers every
// value it could not read, so that a malformed value stops the program with
// a message naming it, as a malformed flag does, instead of being quietly
// replaced by the default.
type envValues struct {
	bad []envProblem
}

type envProblem struct {
	key, value, want string
}

func (e *envValues) wrong(key, value, want string) {
	e.bad = append(e.bad, envProblem{key: key, value: value, want: want})
}

// int reads a whole number of 0 or more; unset or empty gives def.
func (e *envValues) int(key string, def int64) int64 {
	v := strings.TrimSpace(os.Getenv(key))
	if v == "" {
		return def
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		e.wrong(key, v, "a whole number of 0 or more, such as 4")
		return def
	}
	if n == 0 {
		return def
	}
	return n
}

// duration reads a duration such as 20s or 1h30m; unset or empty gives def.
func (e *envValues) duration(key string, def time.Duration) time.Duration {
	v := strings.TrimSpace(os.Getenv(key))
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		e.wrong(key, v, "a duration such as 20s, 5m or 1h30m")
		return def
	}
	return d
}

// err names every malformed value, except those a flag given on the
// command line overrides.
func (e *envValues) err(fs *flag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var msgs []string
	for _, p := range e.bad {
		if name := flagFor(fs, p.key); name != "" && set[name] {
			continue
		}
		v := p.value
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		msgs = append(msgs, fmt.Sprintf("the environment variable %s=%q is not %s", p.key, v, p.want))
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}

// flagFor finds the flag whose usage names the environment variable.
func flagFor(fs *flag.FlagSet, key string) string {
	name := ""
	fs.VisitAll(func(f *flag.Flag) {
		if strings.Contains(f.Usage, "env "+key+")") || strings.Contains(f.Usage, "env "+key+";") {
			name = f.Name
		}
	})
	return name
}
