package settings

import (
	"sync"
	"testing"
)

// The initializer calls a getter that goes through the same sync.Once: Do waits for the
// Do in progress, which is its own caller (a deadlock).
type Settings struct {
	once sync.Once
	vals map[string]string
}

func (s *Settings) Get(k string) string {
	s.once.Do(s.init)
	return s.vals[k]
}

func (s *Settings) init() {
	s.vals = map[string]string{"mode": "fast"}
	if s.Get("mode") == "" {
		s.vals["mode"] = "safe"
	}
}

func TestSettings(t *testing.T) {
	s := &Settings{}
	done := make(chan string)
	go func() { done <- s.Get("mode") }()
	<-done
}

func (s *Settings) GetFixed(k string) string {
	s.once.Do(s.initFixed)
	return s.vals[k]
}

func (s *Settings) initFixed() {
	s.vals = map[string]string{"mode": "fast"}
	if s.vals["mode"] == "" {
		s.vals["mode"] = "safe"
	}
}

func TestSettingsFixed(t *testing.T) {
	s := &Settings{}
	done := make(chan string)
	go func() { done <- s.GetFixed("mode") }()
	if <-done != "fast" {
		t.Error("wrong mode")
	}
}
