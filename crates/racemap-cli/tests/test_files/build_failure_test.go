package x

import "testing"

func TestX(t *testing.T) {
	t.Log(undefinedThing)
}
