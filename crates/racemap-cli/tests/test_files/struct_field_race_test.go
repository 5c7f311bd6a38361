// racemap: --seed 5
package job

import (
	"testing"
)

// The worker updates the job's status while the test reads it to decide whether to wait: a
// data race on a struct field.
type Job struct {
	status string
	done   chan bool
}

func (j *Job) run() {
	j.status = "running"
	j.done <- true
}

func TestJob(t *testing.T) {
	j := &Job{status: "new", done: make(chan bool)}
	go j.run()
	if j.status == "new" {
		t.Log("job not started yet")
	}
	<-j.done
}

func TestJobFixed(t *testing.T) {
	j := &Job{status: "new", done: make(chan bool)}
	go j.run()
	<-j.done
	if j.status != "running" {
		t.Errorf("status = %q", j.status)
	}
}
