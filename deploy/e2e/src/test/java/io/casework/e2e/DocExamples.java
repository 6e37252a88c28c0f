package io.casework.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of the Markdown documentation, with the `<!-- example: not run: REASON -->` mark before them. */
final class DocExamples {

    /** The repository (the e2e tests run in deploy/e2e). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*example:\\s*not run:\\s*(.+?)\\s*-->\\s*$");

    /** A fenced block: its file and first line (1-based, the fence), info string, text, and why it is not run (or null). */
    record Block(Path file, int line, String language, String code, String notRun) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    private DocExamples() {
    }

    /** README.md and every docs/*.md, in a stable order. */
    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> blocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).trim();
            String notRun = null;
            for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                Matcher m = NOT_RUN.matcher(lines.get(j).trim());
                if (m.matches()) {
                    notRun = m.group(1);
                    break;
                }
                if (!lines.get(j).isBlank()) {
                    break;
                }
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(file, start + 1, language, code.toString(), notRun));
        }
        return blocks;
    }

    /** A block that a reader would run in a shell: tagged bash/sh/shell, or any block whose first command is curl. */
    static boolean isShellExample(Block block) {
        if (List.of("bash", "sh", "shell", "console").contains(block.language())) {
            return true;
        }
        String first = block.code().stripLeading();
        return first.startsWith("curl ") || first.startsWith("$ curl ");
    }
}
