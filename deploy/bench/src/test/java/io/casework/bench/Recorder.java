package io.casework.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every measured request, one CSV line each: {@code endEpochMillis,name,latencyMillis,ok[,caseId]}.
 * Gatling's own simulation.log is a binary format; recording here keeps the report independent of it
 * (and of Gatling's HTML report, which is not generated).
 */
final class Recorder implements AutoCloseable {

    private final BufferedWriter out;

    Recorder(Path file) {
        try {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(file);
            out.write("end_ms,name,latency_ms,ok,case_id\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void record(long endMillis, String name, long latencyMillis, boolean ok, String caseId) {
        String line = endMillis + "," + name + "," + latencyMillis + "," + (ok ? 1 : 0) + "," + (caseId == null ? "" : caseId) + "\n";
        synchronized (out) {
            try {
                out.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
