package io.casework.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Lines of a run report: printed and appended to deploy/e2e/target/&lt;name&gt;-report.txt. */
final class Report {

    private final Path file;

    Report(String name) {
        file = Path.of("target", name + "-report.txt");
    }

    void line(String text) {
        System.out.println("[report] " + text);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[report] cannot write " + file + ": " + e);
        }
    }

    void lines(List<String> texts) {
        texts.forEach(this::line);
    }
}
