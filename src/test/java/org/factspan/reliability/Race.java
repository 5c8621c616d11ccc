package org.factspan.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs requests at the same moment, round after round, bounded in rounds and in time, and keeps what they answered:
 * the race tests' harness. A request is a {@link Callable} answering an HTTP status (or, for service calls, a status
 * the REST API would answer). Anything but 2xx, 404 and 409 is a failure, kept with its body.
 */
final class Race implements AutoCloseable {

    /** An HTTP call of the race. */
    record Call(String method, String path, String authorization, String json) {
    }

    private final String name;
    private final int maxRounds;
    private final long deadline;
    private final ExecutorService pool;
    private final int parallel;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int rounds;
    private int allSucceeded;

    Race(String name, int parallel, int maxRounds, Duration budget) {
        this.name = name;
        this.parallel = parallel;
        this.maxRounds = maxRounds;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.pool = Executors.newFixedThreadPool(parallel);
    }

    /** True while another round may run (rounds and time left). */
    boolean more() {
        return rounds < maxRounds && System.nanoTime() < deadline;
    }

    /** Runs the calls at once (each waits for the others at a barrier), and records their answers. */
    @SafeVarargs
    final List<Integer> round(Callable<Integer>... calls) throws Exception {
        if (calls.length > parallel) {
            throw new IllegalArgumentException(calls.length + " calls, " + parallel + " threads");
        }
        CyclicBarrier barrier = new CyclicBarrier(calls.length);
        List<Future<Integer>> futures = new ArrayList<>();
        for (Callable<Integer> call : calls) {
            futures.add(pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> f : futures) {
            answers.add(f.get(2, TimeUnit.MINUTES));
        }
        rounds++;
        if (answers.stream().allMatch(s -> s >= 200 && s < 300)) {
            allSucceeded++;
        }
        synchronized (this) {
            answers.forEach(s -> statuses.merge(s, 1, Integer::sum));
        }
        return answers;
    }

    /** Records an answer; a status other than 2xx, 404 or 409 is a failure. */
    int record(int status, String what, String body) {
        return record(status, what, body, java.util.Set.of());
    }

    /**
     * Records an answer; a status other than 2xx, 404, 409 or one of {@code alsoFine} (the refusal the same call gets
     * without any race once the row is in the state the race left it, e.g. 403 for finishing a document whose
     * assignment was just removed) is a failure.
     */
    synchronized int record(int status, String what, String body, java.util.Set<Integer> alsoFine) {
        if (!(status >= 200 && status < 300) && status != 404 && status != 409 && !alsoFine.contains(status)) {
            failures.add(what + " answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return status;
    }

    int rounds() {
        return rounds;
    }

    /** Rounds in which every call succeeded (the chance for a reference to slip past a delete). */
    int allSucceeded() {
        return allSucceeded;
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    String summary() {
        return String.format("race %s: %d rounds, all calls succeeded in %d, answers %s, %d failures", name, rounds,
                allSucceeded, statuses(), failures().size());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** HTTP calls against the app under test. */
    static final class Http {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final int port;

        Http(int port) {
            this.port = port;
        }

        HttpResponse<String> send(Call call) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                    .timeout(Duration.ofMinutes(1))
                    .method(call.method(), call.json() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.json(), StandardCharsets.UTF_8))
                    .header("Authorization", call.authorization());
            if (call.json() != null) {
                request.header("Content-Type", "application/json");
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A call of the race: sends, records the status in {@code race}, answers it. */
        Callable<Integer> call(Race race, String method, String path, String authorization, String json) {
            return call(race, method, path, authorization, json, java.util.Set.of());
        }

        /** As {@link #call(Race, String, String, String, String)}, with statuses that are fine for this call. */
        Callable<Integer> call(Race race, String method, String path, String authorization, String json,
                java.util.Set<Integer> alsoFine) {
            return () -> {
                HttpResponse<String> r = send(new Call(method, path, authorization, json));
                return race.record(r.statusCode(), method + " " + path, r.body(), alsoFine);
            };
        }
    }
}
