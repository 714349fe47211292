package dev.relmap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU time the benchmark thread spent in its operations, beside JMH's wall time. On a machine
 * shared with other work an operation longer than a scheduler slice waits for the CPU, and its
 * wall time measures the queue; its thread's CPU time does not. It covers the client's work
 * (Hibernate, the driver, and H2, which runs in the same thread), not a server's.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds of the operations in this iteration. */
    public long cpuNanos;

    /** Operations in this iteration. */
    public long calls;

    private long started;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        calls = 0;
    }

    void start() {
        started = THREADS.getCurrentThreadCpuTime();
    }

    void stop() {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - started;
        calls++;
    }
}
