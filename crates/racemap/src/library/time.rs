//! The library table's rows for package `time`: the virtual clock, `Duration` and `Time` methods, timers and tickers.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! time_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `time.Sleep(d Duration)`
            TimeSleep => func("time", "Sleep").params(&[DURATION]).visibility(Clock),
            /// `time.Now() Time`: the virtual clock.
            TimeNow => func("time", "Now").results(&[TIME]).visibility(Clock),
            /// `time.Since(t Time) Duration`: `time.Now().Sub(t)`.
            TimeSince => func("time", "Since").params(&[TIME]).results(&[DURATION]).visibility(Clock),
            /// `(Time).Sub(u Time) Duration` (a value receiver: the first operand is the Time).
            TimeSub => LibFuncSpec::new(Owner::Struct("time", "Time"), "Sub")
                .params(&[TIME])
                .results(&[DURATION]),
            /// `(Duration).String() string`: `1.5s`, `2h3m0s` (a value receiver, as `Time`'s).
            DurationString => LibFuncSpec::new(Owner::Struct("time", "Duration"), "String").results(&[STRING]),
            /// `(Duration).Seconds() float64`
            DurationSeconds =>
                LibFuncSpec::new(Owner::Struct("time", "Duration"), "Seconds").results(&[FLOAT64]),
            /// `(Duration).Minutes() float64`
            DurationMinutes =>
                LibFuncSpec::new(Owner::Struct("time", "Duration"), "Minutes").results(&[FLOAT64]),
            /// `(Duration).Hours() float64`
            DurationHours => LibFuncSpec::new(Owner::Struct("time", "Duration"), "Hours").results(&[FLOAT64]),
            /// `(Duration).Milliseconds() int64`
            DurationMilliseconds =>
                LibFuncSpec::new(Owner::Struct("time", "Duration"), "Milliseconds").results(&[INT64]),
            /// `(Duration).Microseconds() int64`
            DurationMicroseconds =>
                LibFuncSpec::new(Owner::Struct("time", "Duration"), "Microseconds").results(&[INT64]),
            /// `(Duration).Nanoseconds() int64`
            DurationNanoseconds =>
                LibFuncSpec::new(Owner::Struct("time", "Duration"), "Nanoseconds").results(&[INT64]),
            /// `(Duration).Round(m Duration) Duration`: to the nearest multiple of `m`, halves away
            /// from zero (saturating).
            DurationRound => duration_method("Round").params(&[DURATION]).results(&[DURATION]),
            /// `(Duration).Truncate(m Duration) Duration`: toward zero to a multiple of `m`.
            DurationTruncate => duration_method("Truncate").params(&[DURATION]).results(&[DURATION]),
            /// `(Duration).Abs() Duration` (saturating: `minDuration.Abs()` is `maxDuration`).
            DurationAbs => duration_method("Abs").results(&[DURATION]),
            /// `time.ParseDuration(s string) (Duration, error)`: Go 1.19's parser and messages
            /// (`rt/parse_duration.rs`).
            TimeParseDuration => func("time", "ParseDuration").params(&[STRING]).results(&[DURATION, ERROR]),
            /// `(Time).IsZero() bool`: the zero `Time` (January 1, year 1).
            TimeIsZero => LibFuncSpec::new(Owner::Struct("time", "Time"), "IsZero").results(&[BOOL]),
            /// `(Time).Before(u Time) bool`
            TimeBefore => LibFuncSpec::new(Owner::Struct("time", "Time"), "Before")
                .params(&[TIME])
                .results(&[BOOL]),
            /// `(Time).After(u Time) bool` (`TimeAfter` is the function `time.After`).
            TimeAfterMethod => LibFuncSpec::new(Owner::Struct("time", "Time"), "After")
                .params(&[TIME])
                .results(&[BOOL]),
            /// `(Time).Equal(u Time) bool`
            TimeEqual => LibFuncSpec::new(Owner::Struct("time", "Time"), "Equal")
                .params(&[TIME])
                .results(&[BOOL]),
            /// `(Time).Add(d Duration) Time` (saturating; the zero `Time` plus `d` is before every
            /// time of a run, as Go's January 1, year 1 is).
            TimeAdd => time_method("Add").params(&[DURATION]).results(&[TIME]),
            /// `time.Until(t Time) Duration`: `t.Sub(time.Now())`.
            TimeUntil => func("time", "Until").params(&[TIME]).results(&[DURATION]).visibility(Clock),
            /// `time.After(d Duration) <-chan Time`: the channel of a new timer (`rt::timer`).
            TimeAfter => func("time", "After").params(&[DURATION]).results(&[TIME_CHAN]).visibility(Timer),
            /// `time.Tick(d Duration) <-chan Time`: the channel of a new ticker (nil if `d <= 0`).
            TimeTick => func("time", "Tick").params(&[DURATION]).results(&[TIME_CHAN]).visibility(Timer),
            /// `time.NewTimer(d Duration) *Timer`
            TimeNewTimer => func("time", "NewTimer")
                .params(&[DURATION])
                .results(&[LibType::Pointer(&TIMER)])
                .visibility(Timer),
            /// `time.NewTicker(d Duration) *Ticker`: panics `non-positive interval for NewTicker` if
            /// `d <= 0`.
            TimeNewTicker => func("time", "NewTicker")
                .params(&[DURATION])
                .results(&[LibType::Pointer(&TICKER)])
                .visibility(Timer),
            /// `time.AfterFunc(d Duration, f func()) *Timer`: `go f()` when the timer fires.
            TimeAfterFunc => func("time", "AfterFunc")
                .params(&[DURATION, LibType::Func(&[], &[])])
                .results(&[LibType::Pointer(&TIMER)])
                .visibility(Timer),
            /// `(*Timer).Stop() bool` (called on the Timer's runtime timer, its field `r`).
            TimerStop => LibFuncSpec::new(Owner::Struct("time", "Timer"), "Stop")
                .results(&[BOOL])
                .visibility(Object),
            /// `(*Timer).Reset(d Duration) bool`
            TimerReset => LibFuncSpec::new(Owner::Struct("time", "Timer"), "Reset")
                .params(&[DURATION])
                .results(&[BOOL])
                .visibility(Object),
            /// `(*Ticker).Stop()`
            TickerStop => LibFuncSpec::new(Owner::Struct("time", "Ticker"), "Stop").visibility(Object),
            /// `(*Ticker).Reset(d Duration)`
            TickerReset => LibFuncSpec::new(Owner::Struct("time", "Ticker"), "Reset")
                .params(&[DURATION])
                .visibility(Object),
        }
    };
}
