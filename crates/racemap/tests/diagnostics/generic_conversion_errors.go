package main

import "fmt"

func Add[T any](a, b T) T { return a + b }

// Twice's call is valid: Add's error is reported once, in Add's own words.
func Twice[U any](y U) U { return Add(y, y) }

func ToInt[T any](x T) int { return int(x) }

func FromInt[T any]() T { return T(5) }

func Half[T ~int | ~float64](x T) float64 { return float64(x) / 2 }

func main() {
	fmt.Println(Half(3))
}
