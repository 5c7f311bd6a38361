package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ops uint64
	var n32 uint32
	var s32 int32 = 5
	var s64 int64 = 9
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := 0; c < 10; c++ {
				atomic.AddUint64(&ops, 1)
				atomic.AddUint32(&n32, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadUint64(&ops), atomic.LoadUint32(&n32))
	atomic.AddUint64(&ops, ^uint64(0))
	atomic.AddUint32(&n32, ^uint32(79))
	fmt.Println(ops, n32)
	atomic.StoreUint32(&n32, 7)
	fmt.Println(atomic.CompareAndSwapUint32(&n32, 7, 8), atomic.CompareAndSwapUint64(&ops, 1, 2), n32)
	fmt.Println(atomic.SwapInt32(&s32, -1), atomic.SwapInt64(&s64, 10), atomic.SwapUint32(&n32, 4294967295), atomic.SwapUint64(&ops, 1<<63))
	fmt.Println(s32, s64, n32, ops)
	fmt.Println(atomic.AddUint32(&n32, 1), atomic.AddUint64(&ops, 1<<63))
	atomic.StoreUint64(&ops, 18446744073709551615)
	fmt.Println(atomic.LoadUint64(&ops))

	var u atomic.Uint64
	var v atomic.Uint32
	var b atomic.Bool
	u.Store(18446744073709551615)
	fmt.Println(u.Add(2), v.Add(4294967295), v.Add(2))
	fmt.Println(u.Swap(7), u.CompareAndSwap(7, 9), u.Load(), v.Swap(3), v.CompareAndSwap(1, 2), v.Load())
	fmt.Println(b.Swap(true), b.CompareAndSwap(true, false), b.CompareAndSwap(true, false), b.Load())
	fmt.Printf("%v %+v %v\n", &u, v, b)
	fmt.Printf("%T %T\n", u, &v)
}
