package leak

import "testing"

// fetch returns the first result; the other sender blocks forever on the unbuffered channel.
func fetch() (int, error) {
	ch := make(chan int)
	for i := 0; i < 2; i++ {
		go func(i int) {
			ch <- i
		}(i)
	}
	v := <-ch
	return v, nil
}

func TestFetchLeaks(t *testing.T) {
	_, err := fetch()
	if err != nil {
		t.Fatal(err)
	}
	t.Log("got a result")
}
