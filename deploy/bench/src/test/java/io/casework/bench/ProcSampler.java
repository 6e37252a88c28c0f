package io.casework.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples CPU time and RSS of each stack process once a second from /proc, including all descendants of
 * the given root PID (the stack's PID files name a wrapper shell; PostgreSQL's postmaster has one backend
 * per connection). Writes {@code epochMillis,component,cpuTicks,rssKb}; "load-generator" is this JVM and
 * "machine" is the busy time of all CPUs from /proc/stat.
 */
final class ProcSampler implements AutoCloseable {

    private static final long PAGE_KB = 4;

    private final Map<String, Long> roots;
    private final BufferedWriter out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("proc-sampler").factory());

    ProcSampler(Map<String, Long> roots, Path file) {
        this.roots = new LinkedHashMap<>(roots);
        this.roots.put("load-generator", ProcessHandle.current().pid());
        try {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(file);
            out.write("epoch_ms,component,cpu_ticks,rss_kb\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        timer.scheduleAtFixedRate(this::sampleNow, 0, 1, TimeUnit.SECONDS);
    }

    private void sampleNow() {
        try {
            sample(System.currentTimeMillis());
        } catch (IOException | RuntimeException e) {
            System.err.println("proc-sampler: " + e);
        }
    }

    private void sample(long now) throws IOException {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, long[]> usage = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                long[] stat = readStat(p.resolve("stat"));
                if (stat != null) {
                    long pid = Long.parseLong(p.getFileName().toString());
                    parent.put(pid, stat[0]);
                    usage.put(pid, new long[] {stat[1], stat[2]});
                }
            }
        }
        Map<Long, List<Long>> children = new HashMap<>();
        parent.forEach((pid, ppid) -> children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(pid));
        StringBuilder lines = new StringBuilder();
        for (var root : roots.entrySet()) {
            long cpu = 0, rss = 0;
            List<Long> todo = new ArrayList<>(List.of(root.getValue()));
            while (!todo.isEmpty()) {
                long pid = todo.removeLast();
                long[] u = usage.get(pid);
                if (u != null) {
                    cpu += u[0];
                    rss += u[1] * PAGE_KB;
                }
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
            lines.append(now).append(',').append(root.getKey()).append(',').append(cpu).append(',').append(rss).append('\n');
        }
        String[] cpuLine = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpuLine.length; i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(cpuLine[i]);
            }
        }
        lines.append(now).append(",machine,").append(busy).append(",0\n");
        synchronized (out) {
            out.write(lines.toString());
            out.flush();
        }
    }

    /** {ppid, utime+stime ticks, rss pages}, or null if the process is gone. */
    private static long[] readStat(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=0 ppid=1 ... utime=11 stime=12 ... rss=21
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[21])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
            sample(System.currentTimeMillis());
        } catch (InterruptedException | IOException e) {
            // the last sample is a nicety
        }
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
