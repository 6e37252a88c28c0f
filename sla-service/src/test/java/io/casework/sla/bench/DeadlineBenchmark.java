package io.casework.sla.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.casework.sla.domain.calendar.BusinessCalendar;
import io.casework.sla.domain.calendar.CalendarCompiler;
import io.casework.sla.domain.calendar.Calendars;
import io.casework.sla.domain.calendar.MinuteByMinuteReference;

/**
 * Deadline computations on the americas calendar (Jollyday US holidays plus seed 003's company dates), for starts
 * anywhere in 2020–2030 (open or closed hours, weekends, holidays, both DST changes) and durations of one minute up
 * to five business days (5 × 9h30), against the minute-by-minute reference in the same run.
 * <p>
 * Not a test (Surefire runs *Test only): run {@code sla-service/bench.sh} after the module's tests were compiled. Its
 * main method runs JMH (one fork, one benchmark thread) and checks the targets: at least 1,000,000 operations per
 * second on one core and at least 100 times the reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineBenchmark {

    private static final int SAMPLES = 4096;
    private static final long MAX_MINUTES = 5 * 570;

    private BusinessCalendar calendar;
    private MinuteByMinuteReference reference;
    private final long[] startNanos = new long[SAMPLES];
    private final long[] durationNanos = new long[SAMPLES];
    private final Instant[] starts = new Instant[SAMPLES];
    private final Duration[] durations = new Duration[SAMPLES];
    private final long[] minutes = new long[SAMPLES];
    private int next;

    @Setup
    public void setUp() {
        calendar = CalendarCompiler.compile(Calendars.AMERICAS, List.of());
        reference = new MinuteByMinuteReference(calendar);
        Random random = new Random(20201225L);
        long first = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() / 60;
        long last = Instant.parse("2030-12-31T00:00:00Z").getEpochSecond() / 60;
        for (int i = 0; i < SAMPLES; i++) {
            starts[i] = Instant.ofEpochSecond(60 * (first + (long) (random.nextDouble() * (last - first))));
            minutes[i] = 1 + (long) (random.nextDouble() * MAX_MINUTES);
            durations[i] = Duration.ofMinutes(minutes[i]);
            startNanos[i] = BusinessCalendar.toNanos(starts[i]);
            durationNanos[i] = durations[i].toNanos();
        }
        // Both sides must compute the same thing, or the comparison means nothing.
        for (int i = 0; i < 200; i++) {
            Instant expected = reference.deadline(starts[i], minutes[i]);
            Instant actual = calendar.deadline(starts[i], durations[i]);
            // The reference ends a deadline at the end of its last open minute; the compiled calendar too.
            if (!expected.equals(actual)) {
                throw new IllegalStateException("Sample " + i + ": " + starts[i] + " + " + durations[i] + " -> compiled "
                        + actual + ", reference " + expected);
            }
        }
    }

    private int index() {
        return next = (next + 1) & (SAMPLES - 1);
    }

    /** What SLA clocks call: epoch nanoseconds in, epoch nanoseconds out. */
    @Benchmark
    public long compiledNanos() {
        int i = index();
        return calendar.deadlineNanos(startNanos[i], durationNanos[i]);
    }

    /** What the REST endpoint calls: Instant and Duration in, Instant out. */
    @Benchmark
    public Instant compiledInstant() {
        int i = index();
        return calendar.deadline(starts[i], durations[i]);
    }

    /** Walks minute by minute, asking the calendar's day rules about each. */
    @Benchmark
    public Instant minuteByMinuteReference() {
        int i = index();
        return reference.deadline(starts[i], minutes[i]);
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(DeadlineBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g")
                .build();
        double nanos = 0;
        double instant = 0;
        double referenceOps = 0;
        for (RunResult result : new Runner(options).run()) {
            String method = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            if (method.endsWith(".compiledNanos")) {
                nanos = score;
            } else if (method.endsWith(".compiledInstant")) {
                instant = score;
            } else {
                referenceOps = score;
            }
        }
        System.out.printf("%nDeadline computations per second on one thread (americas, up to 5 business days):%n");
        System.out.printf("  compiled, nanos API    %,14.0f  (%,.0f x reference)%n", nanos, nanos / referenceOps);
        System.out.printf("  compiled, Instant API  %,14.0f  (%,.0f x reference)%n", instant, instant / referenceOps);
        System.out.printf("  minute-by-minute       %,14.0f%n", referenceOps);
        boolean met = Math.min(nanos, instant) >= 1_000_000 && Math.min(nanos, instant) >= 100 * referenceOps;
        System.out.println(met ? "Targets met: >= 1,000,000 ops/s and >= 100x the reference"
                : "TARGETS MISSED: >= 1,000,000 ops/s and >= 100x the reference");
        System.exit(met ? 0 : 1);
    }
}
