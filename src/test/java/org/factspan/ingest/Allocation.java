package org.factspan.ingest;

import java.lang.management.ManagementFactory;

/**
 * Bytes the JVM allocated on the heap, by every thread, live and ended (HotSpot counts them exactly): the measure of
 * "heap flat" in the upload tests, free of garbage-collector timing. An upload that unpacks a bomb into memory
 * allocates at least what it unpacks; one refused at its limit allocates about the limit.
 */
public final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long start = THREADS.getTotalThreadAllocatedBytes();
    private final java.util.Map<Long, Long> server = serverThreads();

    /** Starts counting every thread's allocations, and the embedded server's threads' on their own. */
    public static Allocation start() {
        return new Allocation();
    }

    /** Bytes allocated since {@link #start()}, by every thread. */
    public long bytes() {
        return THREADS.getTotalThreadAllocatedBytes() - start;
    }

    /**
     * Bytes allocated since {@link #start()} by the embedded Tomcat's threads (named {@code http-nio-...}): what the
     * server spent answering, without the test's own HTTP clients that run in the same JVM. A server thread started
     * meanwhile counts with everything it allocated.
     */
    public long serverBytes() {
        long total = 0;
        for (var e : serverThreads().entrySet()) {
            total += e.getValue() - server.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    private static java.util.Map<Long, Long> serverThreads() {
        java.util.Map<Long, Long> result = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("http-nio-")) {
                long bytes = THREADS.getThreadAllocatedBytes(t.threadId());
                if (bytes >= 0) {
                    result.put(t.threadId(), bytes);
                }
            }
        }
        return result;
    }

    public static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
