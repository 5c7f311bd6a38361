// racemap: --seed 1
package batch
import (
	"sync"
	"testing"
)

// process calls Done on its error path and again in the deferred call: the counter goes
// negative, and sync panics.
func process(wg *sync.WaitGroup, n int) {
	defer wg.Done()
	if n < 0 {
		wg.Done()
		return
	}
}

func TestProcess(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	go process(&wg, -1)
	go process(&wg, 1)
	wg.Wait()
}

func processFixed(wg *sync.WaitGroup, n int) {
	defer wg.Done()
	if n < 0 {
		return
	}
}

func TestProcessFixed(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	go processFixed(&wg, -1)
	go processFixed(&wg, 1)
	wg.Wait()
}
