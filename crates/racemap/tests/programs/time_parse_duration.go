package main

import (
	"fmt"
	"time"
)

func main() {
	inputs := []string{
		"1h2m3.5s", "-1.5h", "+.5ms", "1.s", "-0", "0", "+0", "1µs2μs3us4ns", "300ms",
		"9223372036854775807ns", "-9223372036854775808ns", "9223372036854775808ns",
		"1.0000000001h", "0.1234567890123456789012s", "2562047h47m16.854775807s",
		"2562047h47m16.854775808s", "3000000h", "", "-", ".s", "1", "1x", "1sec", "s",
		"1é\t\"\\", "1h 2m", "5m-3s", "1.5.5s", "99999999999999999999s", "1e3s",
		"\xff1s", "1\xef\xbf\xbd", "00001ns", ".000000001s", "1.9999999999ns",
	}
	for _, s := range inputs {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Printf("%q: %v (%d)\n", s, err, d)
			continue
		}
		fmt.Printf("%q: %v %d\n", s, d, int64(d))
	}
	d, _ := time.ParseDuration("1h15m30.918273645s")
	fmt.Println(d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds())
	fmt.Println(d.Round(time.Second), d.Truncate(time.Minute), d.Round(time.Hour), (-d).Abs())
	fmt.Println(time.Duration(1<<63-1), time.Duration(-1<<63), 1500*time.Microsecond, 999*time.Nanosecond)
	_, err := time.ParseDuration("10 seconds")
	fmt.Printf("%T %s\n", err, err)
}
