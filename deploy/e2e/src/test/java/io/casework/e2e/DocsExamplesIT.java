package io.casework.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shell example in README.md and docs/*.md runs as written against the running stack: each block with
 * `bash -euo pipefail` in the repository root, where `curl` fails on an HTTP error answer (--fail-with-body), so a
 * 4xx/5xx or any failing command fails the example. A block that cannot run here says why, right before it:
 * {@code <!-- example: not run: REASON -->}.
 */
class DocsExamplesIT {

    @TestFactory
    Stream<DynamicTest> everyShellExampleRunsAsWritten() throws IOException {
        Path bin = Files.createDirectories(Path.of("target/docs-examples/bin"));
        Path curl = bin.resolve("curl");
        Files.writeString(curl, """
                #!/bin/sh
                # docs examples: an HTTP error answer (4xx/5xx) fails the example, with the body printed
                exec /usr/bin/curl --fail-with-body "$@"
                """);
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<DocExamples.Block> examples = new ArrayList<>();
        for (Path file : DocExamples.documents()) {
            DocExamples.blocks(file).stream().filter(DocExamples::isShellExample).filter(b -> b.notRun() == null)
                    .forEach(examples::add);
        }
        assertFalse(examples.isEmpty(), "no runnable example found");
        return examples.stream().map(block -> DynamicTest.dynamicTest(block.where(), () -> run(block, bin)));
    }

    @Test
    void examplesThatDoNotRunSayWhy() throws IOException {
        for (Path file : DocExamples.documents()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("example:") && lines.get(i).contains("<!--")) {
                    assertTrue(DocExamples.NOT_RUN.matcher(lines.get(i).trim()).matches(),
                            file + ":" + (i + 1) + " mark must read <!-- example: not run: REASON -->");
                    assertTrue(i + 1 < lines.size() && lines.get(i + 1).startsWith("```"),
                            file + ":" + (i + 1) + " mark must stand right before a code block");
                }
            }
        }
    }

    private static void run(DocExamples.Block block, Path bin) throws IOException, InterruptedException {
        Path log = Files.createTempFile(Path.of("target/docs-examples"), "example", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.code())
                .directory(DocExamples.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PATH", bin.toAbsolutePath() + ":" + System.getenv("PATH"));
        Process process = builder.start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(finished, block.where() + " did not finish within 180 s:\n" + block.code() + "\n--- output:\n" + output);
        assertEquals(0, process.exitValue(), block.where() + " failed:\n" + block.code() + "\n--- output:\n" + output);
    }
}
